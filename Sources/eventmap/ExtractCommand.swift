import ArgumentParser
import EventModel
import EventFormats
import GeoReference
import Extraction
import Jobs
import Foundation

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Read reports (text, Markdown, HTML) into candidate events for review, every claim kept as a claim.",
        discussion: """
        Offline rules plus the gazetteer and the groups' aliases (no model): event type from the verbs and nouns of
        each sentence; dates (absolute, or "on Sunday", "last Tuesday", "in July" read against the document date from
        --date, the HTML meta date, a dateline, a "Date:" line or a byline); places geocoded with their qualifiers
        ("Khar, Bajaur"); groups with their role; claims as claimed (claimed_by), attributions and allegations with
        who asserts them (attributed_by: the speaker, else the author or publisher, else "the document"), denials
        (disputed, denied_by) and origin claims (origin, origin_asserted_by); killed and injured as reported
        ("60+", "56-63"); the sentences quoted with their offsets. Columns: those of the event schema, then status,
        evidence, evidence_start, evidence_end, document, confidence, actors, location_candidates (and duplicate_of
        with --merge). A reviewed file is input to geocode, query and map.

        Documents larger than --max-mb, empty or binary files are skipped with a message; text in other scripts or
        languages is skipped paragraph by paragraph and said so; files that are not UTF-8 are read as
        Windows-1252 with a note. A summary per document goes to standard error.

        Examples:
          eventmap extract report.txt statement.md update.html -o candidates.csv
          eventmap extract dawn-article.html -o candidates.geojson --publisher "Dawn"
          eventmap extract notes.txt -o candidates.csv --date 2025-03-03 --merge GeoData/samples/events.csv

        Exit codes:
          0   candidates written
          1   the job could not run (GeoData, --merge file or write failure); nothing written
          2   no document gave a candidate event; nothing written
          64  usage error
        """
    )

    @OptionGroup var geodata: GeoDataOptions

    @Argument(help: ArgumentHelp("Report documents: .txt, .md or .html (others are read as text, or as HTML when they start like HTML).", valueName: "document"))
    var documents: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Candidates file: \(OutputFormat.extensionList).", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("The documents' date, for relative dates (YYYY-MM-DD); overrides what the documents say.", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("Who speaks when a document states something in its own voice (default: its meta author/publisher or byline, else \"the document\").", valueName: "name"))
    var publisher: String?

    @Option(help: ArgumentHelp("An events file: candidates that may repeat its events (same district or place, same kind, within 3 days) get duplicate_of.", valueName: "events.csv"))
    var merge: String?

    @Option(help: ArgumentHelp("Skip documents larger than this many megabytes.", valueName: "MB"))
    var maxMb: Int = DocumentLoader.defaultMaximumBytes / 1_048_576

    @Option(help: ArgumentHelp("Decimals of GeoJSON coordinates.", valueName: "n"))
    var precision: Int = 6

    @OptionGroup var csv: CSVSafetyOptions

    @Flag(help: "No summary on standard error.")
    var quiet = false

    func validate() throws {
        guard !documents.isEmpty else { throw ValidationError("Missing expected argument '<document> ...': give one or more report files") }
        do { _ = try OutputFormat(path: output) } catch { throw ValidationError("-o/--output: \(error)") }
        guard (1...2048).contains(maxMb) else { throw ValidationError("--max-mb takes 1 to 2048 (megabytes)") }
        guard (0...15).contains(precision) else { throw ValidationError("--precision takes 0 to 15 decimals") }
        if let date { _ = try documentDate(date) }
    }

    func run() throws {
        Interruption.install()
        let reference = try geodata.load()
        var options = ExtractJob.Options(documents: documents, output: output)
        options.merge = merge
        options.extraction.publisher = publisher
        options.extraction.maximumBytes = maxMb * 1_048_576
        options.extraction.documentDate = try date.map(documentDate)
        options.extraction.documentDateLabel = "--date"
        options.writing.coordinateDecimals = precision
        options.writing.neutralizeFormulas = csv.neutralizeFormulas
        let summary: ExtractJob.Summary
        do {
            summary = try ExtractJob.run(options, reference: reference)
        } catch let error as ExtractionError where merge != nil {
            throw FlagError(message: "--merge: \(error)")
        }
        if !quiet {
            var text = summary.text(describing: Self.message)
            if summary.reports.contains(where: { $0.error == nil && $0.documentDate == nil }) {
                text += "\nhint: give the documents' date with --date YYYY-MM-DD to read 'on Sunday', 'last week' and dates without a year"
            }
            Console.say(text)
        }
        if summary.candidates == 0 { throw ExitCode(2) }
    }

    private func documentDate(_ text: String) throws -> EventDate {
        guard let date = try? EventDate(parsing: text), date.precision == .day else {
            throw ValidationError("--date takes a day as YYYY-MM-DD (for example 2025-03-03), not '\(text)'")
        }
        return date
    }

    /// The library's message plus the flag that helps.
    static func message(_ error: ExtractionError) -> String {
        switch error {
        case .tooLarge: "\(error) (or raise the limit with --max-mb)"
        case .invalidDocumentDate: "--date: \(error)"
        default: "\(error)"
        }
    }
}

/// A failure of the job put in terms of the flag that caused it (exit code 1, no usage text).
struct FlagError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
