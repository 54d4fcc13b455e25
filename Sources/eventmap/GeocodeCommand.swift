import ArgumentParser
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography
import Jobs
import Foundation

struct GeocodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geocode",
        abstract: "Geocode events to districts, provinces and countries; write CSV or GeoJSON plus a rejects file.",
        usage: """
        eventmap geocode <events> -o <file> [--geodata <dir>] [--rejects <file>] [<options>]
          eventmap geocode --boundaries <polygons.geojson> [--boundary-id-field <name>] <points.csv> -o <file> [<options>]
        """,
        discussion: """
        Reads CSV (canonical columns, common aliases, ACLED, UCDP GED and GTD exports), GeoJSON point features,
        JSON Lines, GeoPackage, and its own outputs. Every input row ends in exactly one place: the output, or the
        rejects file with its line, field and reason. Attribution, attributed_by and sources pass through untouched.
        The row's reported precision caps the result: a row located only to a province or country gets no district
        and no point.

        With --boundaries it is a fast point join instead: reads id,lon,lat rows (columns in any order; lon
        also answers to longitude/lng/x, lat to latitude/y) and writes id,boundary_id (empty when the point is
        outside every polygon) as CSV, or RFC 7946 GeoJSON points with those properties. A point on a shared
        edge goes to the first polygon of the file that covers it. Bad rows go to the rejects file.

        Examples:
          eventmap geocode GeoData/samples/events.csv -o Output/events.geojson
          eventmap geocode --boundaries districts.geojson --boundary-id-field id points.csv -o joined.csv
          eventmap geocode acled-export.csv -o events.csv --rejects rejected.csv
          eventmap geocode reports.csv -o out.csv --column-map "Place=location,Killed=fatalities,Claimed by=group"
          eventmap geocode conflict_data_pak.csv -o ucdp.gpkg            (UCDP GED from HDX; the HXL row is skipped)
          eventmap geocode log.csv -o out.csv --date-order dmy --encoding cp1252

        Exit codes:
          0   done: every row is in the output or the rejects file, and at least one row was geocoded
          1   the job could not run (unreadable input, missing columns, GeoData or write failure); nothing written
        \(InputHelp.nothingGeocodedExit)
          3   done, but rows were rejected and --strict was given
          64  usage error
          130 interrupted by SIGINT (143 by SIGTERM); no partial output file is left

        \(InputHelp.text)
        """
    )

    @OptionGroup var geodata: GeoDataOptions

    @Argument(help: ArgumentHelp("Events file: .csv/.tsv, .geojson or .jsonl ('-' for CSV on standard input).", valueName: "events"))
    var input: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file: \(OutputFormat.extensionList).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Point join: a GeoJSON file of Polygon/MultiPolygon features; the input is then id,lon,lat CSV.", valueName: "file"))
    var boundaries: String?

    @Option(help: ArgumentHelp("Point join: the property of each boundary feature that identifies it.", valueName: "name"))
    var boundaryIdField: String = "id"

    @Option(help: ArgumentHelp("Rejects file (default: beside the output, NAME.rejects.csv).", valueName: "file"))
    var rejects: String?

    @OptionGroup var reading: ReadingOptions

    @OptionGroup var csv: CSVSafetyOptions

    @Option(help: ArgumentHelp("Decimals of GeoJSON coordinates.", valueName: "n"))
    var precision: Int = 6

    @Option(help: ArgumentHelp("Flag coordinates farther than this from the place named in the same row.", valueName: "km"))
    var conflictKm: Double = 25

    @Option(help: ArgumentHelp("Worker threads, each with its own GEOS context (default: the number of cores).", valueName: "n"))
    var workers: Int?

    @Flag(help: "Exit with code 3 when any row was rejected.")
    var strict = false

    @Flag(help: "No summary on standard error.")
    var quiet = false

    func validate() throws {
        guard input != nil else { throw ValidationError("Missing expected argument '<events>'") }
        guard output != nil else { throw ValidationError("Missing expected argument '--output <file>'") }
        guard (0...15).contains(precision) else { throw ValidationError("--precision takes 0 to 15 decimals") }
        guard conflictKm > 0 else { throw ValidationError("--conflict-km must be positive") }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
        if boundaries != nil {
            if reading.columnMap != nil { throw ValidationError("--column-map does not apply with --boundaries (the input is id,lon,lat)") }
            if reading.profile != nil { throw ValidationError("--profile does not apply with --boundaries (the input is id,lon,lat)") }
            if geodata.directory != nil { throw ValidationError("--geodata does not apply with --boundaries (the polygons come from that file)") }
        }
    }

    func run() throws {
        Interruption.install()
        guard let input, let output else { throw ValidationError("an input file and -o <file> are needed") }
        if let boundaries {
            try runPointJoin(boundaries: boundaries, input: input, output: output)
            return
        }
        let reference = try geodata.load()
        var options = GeocodeJob.Options(input: input, output: output)
        options.rejects = rejects
        options.writing.coordinateDecimals = precision
        options.writing.neutralizeFormulas = csv.neutralizeFormulas
        options.conflictKm = conflictKm
        if let workers { options.workers = workers }
        options.reading = try reading.options()
        let progress = ProgressLine(enabled: !quiet && isatty(2) != 0, path: input)
        let summary = try GeocodeJob.run(options, reference: reference, progress: progress.update)
        progress.finish()
        if !quiet {
            for note in summary.read.notes { Console.note("\(note)") }
            Console.say(summary.description)
            if reference.boundaries.districtSource.isApproximate {
                Console.note("district areas are approximate (no official outlines imported); see `eventmap geodata info`")
            }
        }
        if let why = summary.nothingGeocoded { throw InputHelp.fail(why) }
        if strict && summary.read.rejects > 0 { throw ExitCode(3) }
    }

    /// The fast point join (`PointJoin`): polygons from a GeoJSON file, points from id,lon,lat CSV.
    private func runPointJoin(boundaries: String, input: String, output: String) throws {
        var options = PointJoin.Options(boundaries: boundaries, input: input, output: output)
        options.idField = boundaryIdField
        options.rejects = rejects
        options.precision = precision
        options.neutralizeFormulas = csv.neutralizeFormulas
        if let workers { options.workers = workers }
        let environment = ProcessInfo.processInfo.environment
        if let levels = environment["EVENTMAP_GRID_LEVELS"].flatMap(Int.init), (0...8).contains(levels) {
            options.gridLevels = levels
        }
        if environment["EVENTMAP_PROFILE"] != nil {
            options.onPhase = { phase, ms in
                Console.say("profile: \(phase) at \(String(format: "%.1f", ms)) ms")
            }
        }
        let summary = try PointJoin.run(options)
        if !quiet { Console.say(summary.description) }
        if strict && summary.rejects > 0 { throw ExitCode(3) }
    }
}
