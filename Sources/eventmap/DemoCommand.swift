import ArgumentParser
import EventMapper
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the main job on the embedded defaults: GeoData/ and its sample events, into Output/.",
        discussion: "Example:\n  eventmap demo            (what `make demo` runs)\n  eventmap demo -o /tmp/out"
    )

    @OptionGroup var geodata: GeoDataOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder to write into.", valueName: "dir"))
    var output: String = "Output"

    func run() throws {
        let directory = try GeoDataDirectory.resolve(geodata.directory)
        let inventory = try GeoDataInventory(directory: directory)
        print(try inventory.report())
        print("")
        for path in try BoundaryLayersExport.write(inventory.boundaries, gazetteer: inventory.gazetteer, to: output) {
            print("wrote \(path)")
        }
        let samples = directory + "/samples/events.csv"
        for file in ["events.csv", "events.geojson"] {
            var options = GeocodeJob.Options(input: samples, output: output + "/" + file)
            options.rejects = output + "/events.rejects.csv"
            let summary = try GeocodeJob.run(options, gazetteer: inventory.gazetteer, boundaries: inventory.boundaries)
            print("\ngeocoded \(samples) → \(file)\n\(summary)")
        }
    }
}
