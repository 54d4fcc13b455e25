import ArgumentParser
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography
import Jobs
import Foundation

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Cross-border spatial queries: the border corridor, origin→event links, aggregates.",
        subcommands: [QueryNearBorderCommand.self, QueryLinksCommand.self, QueryAggregateCommand.self]
    )
}

/// What every query reads and how it answers.
struct QueryOptions: ParsableArguments {
    @OptionGroup var geodata: GeoDataOptions
    @OptionGroup var filters: FilterOptions

    @Argument(help: ArgumentHelp("Events file (.csv, .geojson, .jsonl), geocoded on the fly.", valueName: "events"))
    var input: String

    @Option(help: ArgumentHelp("Table format on standard output: text, csv or markdown.", valueName: "format"))
    var format: Table.Format = .text

    @Option(help: ArgumentHelp("Also write GeoJSON layers into this folder.", valueName: "dir"))
    var geojson: String?

    /// Loads GeoData, geocodes the events, applies the filters; reports rejects on stderr.
    var gazetteer: Gazetteer {
        get throws { try Gazetteer.load(directory: try GeoDataDirectory.resolve(geodata.directory)) }
    }

    func load() throws -> (events: [GeocodedEvent], boundaries: BoundaryData, filter: EventFilter) {
        Interruption.install()
        let directory = try GeoDataDirectory.resolve(geodata.directory)
        let gazetteer = try Gazetteer.load(directory: directory)
        let boundaries = try BoundaryData.load(geodata: directory, gazetteer: gazetteer)
        let loaded = try GeocodedEvents.load(path: input, gazetteer: gazetteer, boundaries: boundaries)
        if !loaded.rejects.isEmpty {
            FileHandle.standardError.write(Data("note: \(loaded.rejects.count) rows of \(input) were rejected; `eventmap geocode` lists them with reasons\n".utf8))
        }
        let filter = try filters.filter()
        let compiled = try filter.compiled(names: NameGeocoder(gazetteer: gazetteer), gazetteer: gazetteer)
        return (loaded.events.filter(compiled.matches), boundaries, filter)
    }

    func print(_ table: Table) {
        Swift.print(table.render(format), terminator: format == .text ? "\n" : "")
    }

    func wrote(_ paths: [String]) {
        for path in paths { FileHandle.standardError.write(Data("wrote \(path)\n".utf8)) }
    }
}

extension Table.Format: ExpressibleByArgument {}
extension AggregateKey: ExpressibleByArgument {}
