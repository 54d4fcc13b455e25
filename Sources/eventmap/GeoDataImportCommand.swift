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
        Recognises OCHA COD-AB (ADM2_EN, ADM2_PCODE, ADM1_EN), geoBoundaries (shapeName, shapeID, shapeType) and \
        GADM (NAME_2, GID_2, NAME_1) fields; name others with --name-field and --id-field. When a file has fields for \
        several admin levels (GADM NAME_2 and NAME_3, OCHA ADM2_ and ADM3_) the level holding the districts is chosen \
        from the data (P-codes, how many units match a district) or refused until you choose it with --level. \
        Features are matched to the gazetteer's districts by P-code, then by name, alias and fuzzy name (close \
        enough, clearly closer than any other district, in the feature's province, North/South and Upper/Lower kept \
        apart). Several features matching one district are an error unless --merge. Unclosed rings are closed, \
        rings of fewer than 4 positions or of zero area dropped, invalid outlines repaired (GEOS make-valid); a \
        feature whose geometry cannot be read is listed and skipped.

        Imports add up in GeoData/imported/: a later file replaces earlier outlines district by district (import \
        the Afghan file, then the Pakistani one); --replace starts over, --remove forgets them all. Every feature and \
        its outcome is written to GeoData/imported/matches-<file>.csv.

        Examples:
          eventmap geodata import pak_admbnda_adm2_ocha_pco_gaul_20181218.geojson --source "OCHA COD-AB Pakistan" --licence "CC BY-IGO 3.0"
          eventmap geodata import geoBoundaries-AFG-ADM2.geojson
          eventmap geodata import gadm41_PAK.gpkg --layer ADM_ADM_3 --level 3
          eventmap geodata import districts.geojson --name-field DIST_NAME --id-field DIST_CODE --dry-run --match-report matches.csv
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
    @Option(help: ArgumentHelp("Admin level of the districts in the file, when it has fields for several (OCHA, GADM, geoBoundaries).", valueName: "n")) var level: Int?
    @Flag(help: "Store the union of several features that match one district instead of refusing.") var merge = false
    @Flag(help: "Forget earlier imports instead of adding this file to them.") var replace = false
    @Option(help: ArgumentHelp("Write the CSV of every feature and its outcome here (also in a dry run).", valueName: "file")) var matchReport: String?
    @Flag(help: "Report the matching without storing anything.") var dryRun = false
    @OptionGroup var csv: CSVSafetyOptions
    @Flag(help: "Forget every imported outline and go back to the shipped district outlines.") var remove = false

    func validate() throws {
        if remove && file != nil { throw ValidationError("--remove takes no file") }
        if !remove && file == nil { throw ValidationError("name the file to import, or pass --remove") }
        if remove && replace { throw ValidationError("--remove forgets every import; --replace goes with a file to import instead") }
        if level != nil && nameField != nil { throw ValidationError("--level chooses the fields of a known schema; with --name-field it is not needed") }
        if let level, !(1...5).contains(level) { throw ValidationError("--level must be an admin level from 1 to 5 (districts are usually 2)") }
    }

    func run() throws {
        let directory = try GeoDataDirectory.resolve(geodata.directory)
        if remove {
            try ImportedDistricts.remove(geodata: directory)
            print("removed imported district outlines; commands now use the shipped district outlines")
            return
        }
        var options = DistrictImport.Options()
        options.neutralizeFormulas = csv.neutralizeFormulas
        options.nameField = nameField
        options.idField = idField
        options.provinceField = provinceField
        options.layer = layer
        options.source = source
        options.licence = licence
        options.level = level
        options.merge = merge
        options.replace = replace
        options.matchReportPath = matchReport
        options.dryRun = dryRun
        let gazetteer = try Gazetteer.load(directory: directory)
        do {
            let report = try DistrictImport.run(file: file!, geodata: directory, gazetteer: gazetteer, options: options)
            print(UserMessages.flagged(DistrictImportReportText.render(report)))
        } catch let refusal as DistrictImport.Refusal {
            // What matched, then why nothing was stored.
            print(UserMessages.flagged(DistrictImportReportText.render(refusal.report)))
            throw refusal
        }
    }
}
