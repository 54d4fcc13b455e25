import ArgumentParser
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography
import Jobs

struct GeoDataImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import official district outlines (GeoJSON or GeoPackage) and prefer them from now on.",
        discussion: """
        Recognises OCHA COD-AB (ADM2_EN, ADM2_PCODE, ADM1_EN), geoBoundaries (shapeName, shapeID) and
        GADM (NAME_2, GID_2, NAME_1) fields; name others with --name-field and --id-field. Features are
        matched to the gazetteer's districts by P-code, then by name, alias and fuzzy name; invalid outlines
        are repaired (GEOS make-valid). The result is stored in GeoData/imported/.

        Examples:
          eventmap geodata import pak_admbnda_adm2_ocha_pco_gaul_20181218.geojson --source "OCHA COD-AB Pakistan" --licence "CC BY-IGO 3.0"
          eventmap geodata import geoBoundaries-AFG-ADM2.geojson
          eventmap geodata import gadm41_PAK.gpkg --layer ADM_ADM_2
          eventmap geodata import districts.geojson --name-field DIST_NAME --id-field DIST_CODE --dry-run
          eventmap geodata import --remove
        """
    )

    @OptionGroup var geodata: GeoDataOptions

    @Argument(help: ArgumentHelp("A .geojson or .gpkg file of district polygons in WGS84 lon/lat.", valueName: "file"))
    var file: String?

    @Option(help: ArgumentHelp("Field holding the district name.", valueName: "field")) var nameField: String?
    @Option(help: ArgumentHelp("Field holding the district code (P-code).", valueName: "field")) var idField: String?
    @Option(help: ArgumentHelp("Field holding the province name, to tell homonyms apart.", valueName: "field")) var provinceField: String?
    @Option(help: ArgumentHelp("GeoPackage layer to read when there are several.", valueName: "name")) var layer: String?
    @Option(help: ArgumentHelp("Source to credit on maps and layers.", valueName: "text")) var source: String?
    @Option(help: ArgumentHelp("Licence of the source.", valueName: "text")) var licence: String?
    @Flag(help: "Report the matching without storing anything.") var dryRun = false
    @Flag(help: "Forget imported outlines and go back to approximate district areas.") var remove = false

    func validate() throws {
        if remove && file != nil { throw ValidationError("--remove takes no file") }
        if !remove && file == nil { throw ValidationError("name the file to import, or pass --remove") }
    }

    func run() throws {
        let directory = try GeoDataDirectory.resolve(geodata.directory)
        if remove {
            try ImportedDistricts.remove(geodata: directory)
            print("removed imported district outlines; commands now use approximate district areas")
            return
        }
        var options = DistrictImport.Options()
        options.nameField = nameField
        options.idField = idField
        options.provinceField = provinceField
        options.layer = layer
        options.source = source
        options.licence = licence
        options.dryRun = dryRun
        let gazetteer = try Gazetteer.load(directory: directory)
        let report = try DistrictImport.run(file: file!, geodata: directory, gazetteer: gazetteer, options: options)
        print(DistrictImportReportText.render(report))
    }
}
