import ArgumentParser
import EventModel
import EventFormats
import Jobs
import Foundation

/// How every command that reads events reads them: column renames, the source layout, the date order of
/// numeric dates and the text encoding.
struct ReadingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Map input columns to canonical ones: \"From=to,...\" or a CSV file of from,to lines.", valueName: "map"))
    var columnMap: String?

    @Option(help: ArgumentHelp("The source layout: \(SourceProfileKind.allCases.map(\.rawValue).joined(separator: ", ")) (default: recognised from the header).", valueName: "name"))
    var profile: SourceProfileKind?

    @Option(help: ArgumentHelp("Day/month order of numeric dates such as 3/4/2021: dmy or mdy (default: refuse the ambiguous ones).", valueName: "order"))
    var dateOrder: DateOrder?

    @Option(help: ArgumentHelp("Text encoding of CSV input: auto (UTF-8, other bytes read as Windows-1252 with a note), utf8 (strict), latin1 or cp1252.", valueName: "name"))
    var encoding: TextEncoding = .auto

    func options() throws -> ReadOptions {
        var options = ReadOptions()
        if let columnMap { options.columnMap = try ColumnMap.load(columnMap) }
        options.profile = profile
        options.dateOrder = dateOrder
        options.encoding = encoding
        options.dateOrderAdvice = "give --date-order dmy (day first) or --date-order mdy (month first)"
        return options
    }
}

extension SourceProfileKind: ExpressibleByArgument {}
extension DateOrder: ExpressibleByArgument {}
extension TextEncoding: ExpressibleByArgument {}

/// What `--help` of every command that reads events says about its input and outputs.
enum InputHelp {
    static let text: String = {
        var lines = ["Input: CSV/TSV, GeoJSON, GeoJSON text sequence (.geojsons), JSON Lines, a JSON array or an API page",
                     "{\"Result\": […]}, or a GeoPackage (its 'events' layer). Source profiles (--profile, else from the header):"]
        for (kind, text) in SourceProfiles.documentation {
            lines.append("  \(kind.rawValue):")
            lines += text.map { "    " + $0 }
        }
        lines.append("Canonical columns (names or aliases, any case): " + EventField.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        lines.append("Dates: 2023-07-30, 2023-07, 2023, 30 July 2023, July 30, 2023, Friday, June 18, 2004, 12.03.2019 (day first),")
        lines.append("  30/07/2023; 3/4/2021 needs --date-order; an Excel serial (44562) is converted with a note in read_notes.")
        lines.append("  A totals or footer row (Total, Sum, or numbers with no date and no place) is rejected.")
        lines.append("Output formats (by extension): \(OutputFormat.extensionList). Each is valid input again (--profile eventmapper).")
        lines.append("Details: docs/INPUTS.md.")
        return lines.joined(separator: "\n")
    }()

    /// The exit status of a run that placed no event, in the words of the help texts.
    static let nothingGeocodedExit = "  \(NothingGeocoded.exitCode)   no row was geocoded (every row rejected, or no event placed); the top reasons are printed"

    /// Prints why nothing was geocoded and exits with `NothingGeocoded.exitCode`.
    static func fail(_ reason: String) -> ExitCode {
        Console.logger.error("\(UserMessages.flagged(reason))")
        return ExitCode(NothingGeocoded.exitCode)
    }
}
