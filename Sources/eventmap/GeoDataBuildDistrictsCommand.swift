import ArgumentParser
import GeoReference

struct GeoDataBuildDistrictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-districts",
        abstract: "Build GeoData/boundaries from the official COD-AB district outlines and the Natural Earth layers.",
        discussion: """
        Writes districts.geojson (official outlines; districts created after the edition approximated inside their
        official parent and flagged), provinces.geojson, countries.geojson and border.geojson (one Afghanistan–Pakistan
        line: the edge of the official Pakistani districts, Natural Earth where they are absent). Reads the Natural
        Earth layers of boundaries/naturalearth/ and districts.csv (parent_id) of the GeoData folder.

        Example (see Scripts/rebuild-boundaries):
          eventmap geodata build-districts ../shared/data/boundaries/cod-ab_districts_four_provinces.geojson
        """
    )

    @OptionGroup var geodata: GeoDataOptions

    @Argument(help: ArgumentHelp("OCHA COD-AB districts (GeoJSON with ADM2_PCODE, ADM1_PCODE, ADM0_PCODE).", valueName: "cod-ab.geojson"))
    var codab: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder to write into (default: the GeoData folder's boundaries/).", valueName: "dir"))
    var output: String?

    func run() throws {
        let directory = try GeoDataDirectory.resolve(geodata.directory)
        let gazetteer = try Gazetteer.load(directory: directory)
        let target = output ?? directory + "/boundaries"
        let report = try OfficialBoundaries.build(naturalEarth: directory + "/boundaries/naturalearth", codab: codab,
                                                  gazetteer: gazetteer, into: target)
        print("wrote \(target): \(report.official) official districts, \(report.approximate) approximated inside their official parent; "
              + "border \(Int(report.borderKm.rounded())) km in \(report.segments) segments; Afghan districts clipped to the line: "
              + (report.clippedAfghanDistricts.isEmpty ? "none" : report.clippedAfghanDistricts.joined(separator: ", ")))
        // The maps' lon/lat-simplified outlines follow the layers they were made from.
        guard target == directory + "/boundaries" else { return }
        let boundaries = try BoundaryData.load(geodata: directory, gazetteer: gazetteer, useImported: false)
        for path in try DisplayOutlines.write(boundaries, geodata: directory) { print("wrote \(path)") }
    }
}
