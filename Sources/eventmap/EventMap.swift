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
        subcommands: [DemoCommand.self, GeocodeCommand.self, QueryCommand.self, MapCommand.self, ExportCommand.self, GeoDataCommand.self]
    )
}
