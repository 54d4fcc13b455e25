import ArgumentParser
import GeoReference
import Jobs
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the main job on the embedded defaults: GeoData/ and its sample events, into Output/.",
        discussion: """
        Writes: events.csv and events.rejects.csv (every sample row, geocoded or rejected with its reason);
        the GIS layers events, origins, links, crossings, districts, provinces, border_segments and corridor
        (50 km) as GeoJSON and all of them in eventmapper.gpkg; map.svg and map-by-year.svg (a vector PDF and a
        300-dpi PNG too when rsvg-convert is installed; the demo says so when it is not).

        Example:
          eventmap demo            (what `make demo` runs)
          eventmap demo -o /tmp/out
        """
    )

    @OptionGroup var geodata: GeoDataOptions

    @OptionGroup var csv: CSVSafetyOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder to write into.", valueName: "dir"))
    var output: String = "Output"

    func run() throws {
        Interruption.install()
        let reference = try geodata.load()
        print(try reference.report())
        let summary = try DemoJob.run(reference: reference, output: output, neutralizeFormulas: csv.neutralizeFormulas)
        print("\ngeocoded \(reference.directory)/samples/events.csv\n\(summary.geocode)")
        print("")
        for path in summary.written where path.hasSuffix(".geojson") { print("wrote \(path)") }
        print("wrote \(output)/eventmapper.gpkg (layers: \(summary.layers.joined(separator: ", ")))")
        print("")
        for path in summary.written where path.hasSuffix(".svg") || path.hasSuffix(".png") || path.hasSuffix(".pdf") { print("wrote \(path)") }
        if let why = summary.pngSkipped { Console.note("\(why)") }
    }
}
