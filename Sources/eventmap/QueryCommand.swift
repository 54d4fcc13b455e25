import ArgumentParser
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography
import Jobs
import Foundation
import PostGIS

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Cross-border spatial queries: the border corridor, origin→event links, aggregates.",
        subcommands: [QueryNearBorderCommand.self, QueryLinksCommand.self, QueryAggregateCommand.self]
    )
}

/// Which engine answers a query.
enum QueryEngine: String, ExpressibleByArgument, CaseIterable {
    /// GEOS and PROJ in this process, on the events file geocoded on the fly.
    case inprocess
    /// The SQL functions of a PostGIS schema, on the events `eventmap export` put there.
    case postgis
}

/// What every query reads and how it answers.
struct QueryOptions: ParsableArguments {
    @OptionGroup var geodata: GeoDataOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var reading: ReadingOptions

    @Argument(help: ArgumentHelp("Events file (.csv, .geojson, .geojsons, .jsonl, .json, .gpkg), geocoded on the fly (not with --engine postgis).", valueName: "events"))
    var input: String?

    @Option(help: ArgumentHelp("Table format on standard output: text, csv or markdown.", valueName: "format"))
    var format: Table.Format = .text

    @Option(help: ArgumentHelp("Also write GeoJSON layers into this folder.", valueName: "dir"))
    var geojson: String?

    @OptionGroup var csv: CSVSafetyOptions

    @Option(help: ArgumentHelp("inprocess (GEOS/PROJ on the events file) or postgis (the SQL functions on the events exported into --schema).",
                               valueName: "engine"))
    var engine: QueryEngine = .inprocess

    @OptionGroup var database: PostgresOptions

    func validate() throws {
        switch engine {
        case .inprocess:
            guard input != nil else { throw ValidationError("Missing expected argument '<events>' (or --engine postgis to query the exported events)") }
            if database.postgres != nil { throw ValidationError("--postgres applies with --engine postgis") }
        case .postgis:
            if let input {
                throw ValidationError("--engine postgis answers from the events exported into the schema, not from '\(input)': leave the file out (export it first with eventmap export \(input))")
            }
            if geojson != nil {
                throw ValidationError("--geojson applies to the in-process engine; with --engine postgis the layers are views in the schema (event_links, event_crossings)")
            }
        }
    }

    /// Loads GeoData once, geocodes the events, applies the filters; reports rejects on stderr. The prepared
    /// reference is the one the query's own GEOS work runs on.
    func load() throws -> (events: [GeocodedEvent], reference: PreparedReference, filter: EventFilter) {
        Interruption.install()
        QueryProfile.begin()
        guard let input else { throw ValidationError("Missing expected argument '<events>'") }
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
        QueryProfile.lap("read and geocoded \(loaded.events.count) events")
        return (loaded.events.filter(compiled.matches), try PreparedReference(data), filter)
    }

    /// The PostGIS engine on --postgres and --schema, and the filters with their names resolved (GeoData's gazetteer).
    func postgis() throws -> (queries: PostGISQueries, filter: CompiledEventFilter) {
        QueryProfile.begin()
        let gazetteer = try geodata.load().gazetteer
        let compiled = try filters.filter().compiled(names: NameGeocoder(gazetteer: gazetteer), gazetteer: gazetteer)
        let queries = try database.explainingErrors { try PostGISQueries(conninfo: database.conninfo, schema: database.schema) }
        return (queries, compiled)
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

/// With EVENTMAP_PROFILE set, the seconds of each phase of a query on standard error (geocoding, the query).
enum QueryProfile {
    private static let start = ContinuousClock.now
    static func begin() { _ = start }
    static func lap(_ what: String) {
        guard ProcessInfo.processInfo.environment["EVENTMAP_PROFILE"] != nil else { return }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        FileHandle.standardError.write(Data(String(format: "profile: %@ at %.2f s\n", what, seconds).utf8))
    }
}
