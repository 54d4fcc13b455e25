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
    @OptionGroup var reading: ReadingOptions

    @Argument(help: ArgumentHelp("Events file (.csv, .geojson, .geojsons, .jsonl, .json, .gpkg), geocoded on the fly.", valueName: "events"))
    var input: String

    @Option(help: ArgumentHelp("Table format on standard output: text, csv or markdown.", valueName: "format"))
    var format: Table.Format = .text

    @Option(help: ArgumentHelp("Also write GeoJSON layers into this folder.", valueName: "dir"))
    var geojson: String?

    @OptionGroup var csv: CSVSafetyOptions

    /// Loads GeoData once, geocodes the events, applies the filters; reports rejects on stderr. The prepared
    /// reference is the one the query's own GEOS work runs on.
    func load() throws -> (events: [GeocodedEvent], reference: PreparedReference, filter: EventFilter) {
        Interruption.install()
        let data = try geodata.load()
        let gazetteer = data.gazetteer
        let loaded = try GeocodedEvents.load(path: input, reference: data, reading: try reading.options())
        for note in loaded.summary.notes { Console.note("\(note)") }
        if let why = loaded.nothingGeocoded { throw InputHelp.fail(why) }
        if !loaded.rejects.isEmpty {
            Console.note("\(loaded.rejects.count) rows of \(input) were rejected; `eventmap geocode` lists them with reasons")
        }
        let filter = try filters.filter()
        let compiled = try filter.compiled(names: NameGeocoder(gazetteer: gazetteer), gazetteer: gazetteer)
        return (loaded.events.filter(compiled.matches), try PreparedReference(data), filter)
    }

    func print(_ table: Table) {
        Swift.print(table.render(format, neutralizeFormulas: csv.neutralizeFormulas), terminator: format == .text ? "\n" : "")
    }

    /// Writes the query's layers as GeoJSON into the `--geojson` folder, when given.
    func writeLayers(_ layers: () throws -> LayerSet) throws {
        guard let directory = geojson else { return }
        for path in try LayerSetWriter.write(layers(), directory: directory, format: .geoJSON) {
            Console.say("wrote \(path)")
        }
    }
}

extension Table.Format: ExpressibleByArgument {}
extension AggregateKey: ExpressibleByArgument {}
