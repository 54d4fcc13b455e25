import ArgumentParser
import GeoReference

struct GeoDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geodata",
        abstract: "Inspect, import and rebuild the boundary and gazetteer data.",
        subcommands: [GeoDataInfoCommand.self, GeoDataImportCommand.self, GeoDataBuildBoundariesCommand.self, GeoDataBuildDistrictsCommand.self]
    )
}

/// The option that points at the GeoData folder, shared by every command that reads it.
struct GeoDataOptions: ParsableArguments {
    @Option(name: .customLong("geodata"), help: ArgumentHelp("The GeoData folder (default: ./GeoData, $EVENTMAP_GEODATA, or the checkout's).", valueName: "dir"))
    var directory: String?

    /// GeoData loaded once for the whole command.
    func load() throws -> ReferenceData { try ReferenceData.load(directory) }
}
