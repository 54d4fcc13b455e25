import ArgumentParser
import Foundation
import EventFormats
import GeoReference
import Jobs
import PostGIS

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export events and every GIS layer of the demo into PostgreSQL/PostGIS, with the queries as SQL functions.",
        discussion: """
        Reads and geocodes the events (any input `geocode` reads), builds the layers `eventmap demo` writes (events,
        origins, links, crossings, districts and provinces with aggregates, border_segments, the near-border
        corridor) plus countries, and loads them with COPY into tables of the schema: geometry in SRID 4326 with
        GiST indexes, a generated geography column where distances are computed, primary keys (events by
        event_id), the GeoPackage's column names and types, claims and sources as columns. It also installs
        near_border(km), links(), crossings() and aggregate(by) as SQL functions (see docs/POSTGIS.md).

        Incremental by default: rows are merged by key (INSERT … ON CONFLICT), so exporting an updated file again
        updates its events and adds new ones; the aggregate columns then count every event of the schema.
        --replace drops and rebuilds the tables. One transaction: on any failure the database is as it was.

        Examples:
          eventmap export GeoData/samples/events.csv --postgres postgresql://me@localhost/gis
          PGHOST=/tmp PGDATABASE=gis eventmap export acled.csv --schema acled --replace

        Exit codes:
          0   exported and committed
          1   nothing was changed: unreadable input, or the database refused or went away
          64  usage error
        """
    )

    @OptionGroup var geodata: GeoDataOptions
    @OptionGroup var database: PostgresOptions

    @Argument(help: ArgumentHelp("Events file: .csv/.tsv, .geojson or .jsonl.", valueName: "events"))
    var input: String

    @Flag(help: "Drop and rebuild the tables instead of merging into them.")
    var replace = false

    @Option(help: ArgumentHelp("Width of the corridor layer on each side of the border.", valueName: "km"))
    var corridorKm: Double = DemoJob.corridorKm

    @Option(help: ArgumentHelp("Map input columns to canonical ones: \"From=to,...\" or a CSV file of from,to lines.", valueName: "map"))
    var columnMap: String?

    @Flag(help: "No summary on standard error.")
    var quiet = false

    func validate() throws {
        guard corridorKm > 0, corridorKm.isFinite else { throw ValidationError("--corridor-km must be a positive number of kilometres") }
        if let postgres = database.postgres, postgres.isEmpty {
            throw ValidationError("--postgres needs a URL such as postgresql://user@host:5432/database")
        }
    }

    func run() throws {
        Interruption.install()
        let reference = try geodata.load()
        var options = ExportJob.Options(input: input)
        options.postgres = database.conninfo
        options.schema = database.schema
        options.mode = replace ? .replace : .upsert
        options.corridorKm = corridorKm
        if let columnMap { options.columnMap = try ColumnMap.load(columnMap) }
        let summary = try database.explainingErrors { try ExportJob.run(options, reference: reference) }
        if !quiet {
            for note in summary.read.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
            FileHandle.standardError.write(Data((summary.description + "\n").utf8))
        }
    }
}
