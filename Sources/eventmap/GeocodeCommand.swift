import ArgumentParser
import EventMapper
import Foundation

struct GeocodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geocode",
        abstract: "Geocode events to districts, provinces and countries; write CSV or GeoJSON plus a rejects file.",
        discussion: """
        Reads CSV (canonical columns, common aliases, ACLED exports), GeoJSON point features or JSON Lines.
        Every input row ends in exactly one place: the output, or the rejects file with its line, field and reason.
        Attribution, attributed_by and sources pass through untouched.

        Examples:
          eventmap geocode GeoData/samples/events.csv -o Output/events.geojson
          eventmap geocode acled-export.csv -o events.csv --rejects rejected.csv
          eventmap geocode reports.csv -o out.csv --column-map "Place=location,Killed=fatalities,Claimed by=group"

        Exit codes:
          0   done: every row is in the output or the rejects file
          1   the job could not run (unreadable input, missing columns, GeoData or write failure); nothing written
          3   done, but rows were rejected and --strict was given
          64  usage error
          130 interrupted by SIGINT (143 by SIGTERM); no partial output file is left
        """
    )

    @OptionGroup var geodata: GeoDataOptions

    @Argument(help: ArgumentHelp("Events file: .csv/.tsv, .geojson or .jsonl ('-' for CSV on standard input).", valueName: "events"))
    var input: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file: .csv, .geojson, or .geojsons (RFC 8142 text sequence).", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("Rejects file (default: beside the output, NAME.rejects.csv).", valueName: "file"))
    var rejects: String?

    @Option(help: ArgumentHelp("Map input columns to canonical ones: \"From=to,...\" or a CSV file of from,to lines.", valueName: "map"))
    var columnMap: String?

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
        guard (0...15).contains(precision) else { throw ValidationError("--precision takes 0 to 15 decimals") }
        guard conflictKm > 0 else { throw ValidationError("--conflict-km must be positive") }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
    }

    func run() throws {
        Interruption.install()
        let directory = try GeoDataDirectory.resolve(geodata.directory)
        let gazetteer = try Gazetteer.load(directory: directory)
        let boundaries = try BoundaryData.load(geodata: directory, gazetteer: gazetteer)
        var options = GeocodeJob.Options(input: input, output: output)
        options.rejects = rejects
        options.precision = precision
        options.conflictKm = conflictKm
        if let workers { options.workers = workers }
        if let columnMap { options.columnMap = try ColumnMap.load(columnMap) }
        let progress = ProgressLine(enabled: !quiet && isatty(2) != 0, path: input)
        let summary = try GeocodeJob.run(options, gazetteer: gazetteer, boundaries: boundaries, progress: progress.update)
        progress.finish()
        if !quiet {
            for note in summary.read.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
            FileHandle.standardError.write(Data((summary.description + "\n").utf8))
            if boundaries.districtSource.isApproximate {
                FileHandle.standardError.write(Data("note: district areas are approximate (no official outlines imported); see `eventmap geodata info`\n".utf8))
            }
        }
        if strict && summary.read.rejects > 0 { throw ExitCode(3) }
    }
}
