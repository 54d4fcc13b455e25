import ArgumentParser
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography
import Jobs

@main
struct EventMap: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eventmap",
        abstract: "Geocode reports of conflict events to districts and map them as GIS layers and SVG maps.",
        version: EventMapperVersion.string,
        subcommands: [DemoCommand.self, GeocodeCommand.self, ExtractCommand.self, QueryCommand.self, MapCommand.self, ExportCommand.self,
                      GeoDataCommand.self]
    )

    /// Runs the command; library errors that a flag fixes are reworded to name it (`UserMessages`).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: UserMessages.forUser(error).map(UserMessage.init) ?? error)
        }
    }
}
