import ArgumentParser
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography
import Jobs
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the main job on the embedded defaults: GeoData/ and its sample events, into Output/.",
        discussion: """
        Writes: events.csv and events.rejects.csv (every sample row, geocoded or rejected with its reason);
        the GIS layers events, origins, links, crossings, districts, provinces, border_segments and corridor
        (50 km) as GeoJSON and all of them in eventmapper.gpkg; map.svg and map-by-year.svg (PNG too when
        rsvg-convert is installed).

        Example:
          eventmap demo            (what `make demo` runs)
          eventmap demo -o /tmp/out
        """
    )

    static let corridorKm = 50.0

    @OptionGroup var geodata: GeoDataOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder to write into.", valueName: "dir"))
    var output: String = "Output"

    func run() throws {
        Interruption.install()
        let directory = try GeoDataDirectory.resolve(geodata.directory)
        let inventory = try GeoDataInventory(directory: directory)
        let (gazetteer, boundaries) = (inventory.gazetteer, inventory.boundaries)
        print(try inventory.report())

        let samples = directory + "/samples/events.csv"
        var options = GeocodeJob.Options(input: samples, output: output + "/events.csv")
        options.rejects = output + "/events.rejects.csv"
        let summary = try GeocodeJob.run(options, gazetteer: gazetteer, boundaries: boundaries)
        print("\ngeocoded \(samples)\n\(summary)")

        let geocoded = try GeocodedEvents.load(path: samples, gazetteer: gazetteer, boundaries: boundaries)
        let corridor = try BorderCorridor(boundaries, km: Self.corridorKm, measurer: BorderMeasurer(boundaries))
        let layers = try EventLayers.build(geocoded.events, boundaries: boundaries, gazetteer: gazetteer,
                                           corridor: EventLayers.Corridor(polygon: corridor.polygon, km: Self.corridorKm))
        print("")
        for path in try LayerSetWriter.writeGeoJSON(layers, directory: output) { print("wrote \(path)") }
        try LayerSetWriter.writeGeoPackage(layers, to: output + "/eventmapper.gpkg")
        print("wrote \(output)/eventmapper.gpkg (layers: \(layers.names.joined(separator: ", ")))")

        print("")
        for path in try MapJob.writeDemoMaps(geocoded.events, to: output, gazetteer: gazetteer, boundaries: boundaries) {
            print("wrote \(path)")
        }
    }
}
