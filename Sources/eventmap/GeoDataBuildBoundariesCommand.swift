import ArgumentParser
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography
import Jobs

struct GeoDataBuildBoundariesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-boundaries",
        abstract: "Rebuild GeoData/boundaries/naturalearth from Natural Earth 1:10m (world_map.gpkg of Debian's qgis-common).",
        discussion: """
        Example (see Scripts/rebuild-boundaries, which fetches the file with apt-get download):
          eventmap geodata build-boundaries /usr/share/qgis/resources/data/world_map.gpkg -o GeoData/boundaries/naturalearth
        """
    )

    @Argument(help: ArgumentHelp("Natural Earth GeoPackage with layers states_provinces and countries.", valueName: "world_map.gpkg"))
    var naturalEarth: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder to write provinces.geojson, countries.geojson and border.geojson into.", valueName: "dir"))
    var output: String = "GeoData/boundaries/naturalearth"

    func run() throws {
        let report = try NaturalEarthImport.run(naturalEarth: naturalEarth, into: output)
        print("wrote \(output): \(report)")
    }
}
