import ArgumentParser
import Foundation
import EventFormats
import GeoReference
import Geocoding
import Analysis

/// Library errors say what went wrong and where, in the library's own words; here, and only here, they
/// are told in the words of the command line: the flag or variable that fixes them.
enum UserMessages {
    /// The message for `error`, naming the flag that fixes it; nil for errors that say it all already.
    static func forUser(_ error: Error) -> String? {
        switch error {
        case let error as FilterError:
            switch error {
            case let .areaNotFound(text, candidates):
                return "--within '\(text)' is not one district, province or country"
                    + (candidates.isEmpty ? "" : "; candidates: " + candidates.joined(separator: ", "))
            case let .placeNotFound(text):
                return "--near '\(text)' is not a single place or district with a point in the gazetteer"
            case let .groupNotFound(text):
                return "--group '\(text)' is not a group or alias in GeoData/groups.csv (or a label in labels.csv)"
            }
        case let error as BoundaryIDError:
            return error.description + " with --boundary-id-field"
        case let error as GeoDataNotFound:
            return error.description + ": pass --geodata DIR or set $\(GeoDataDirectory.environmentVariable)"
        case let error as GeoPackageLayerChoice:
            return error.description + " with --layer"
        case let error as CorridorWidthError:
            return "--km must be a positive number of kilometres (got \(error.km))"
        case let error as OutputFormatError:
            return "\(error.path): unknown output type '.\(error.extensionFound)'; name the output -o FILE with one of \(OutputFormat.extensionList)"
        default:
            let text = String(describing: error)
            let worded = flagged(text)
            return worded == text ? nil : worded
        }
    }

    /// The library names a choice in words ("the merge option", "the name-field option"); the command line
    /// names it by its flag.
    static func flagged(_ text: String) -> String {
        var result = text
        for name in optionNames {
            result = result.replacingOccurrences(of: "the \(name) option", with: "--\(name)")
        }
        return result
    }

    /// Options the library refers to in words.
    static let optionNames = ["name-field", "id-field", "province-field", "level", "merge", "replace", "licence", "source",
                              "layer", "column-map", "profile", "date-order", "encoding", "extent", "png", "pdf", "geodata", "group-bases"]
}

/// A library error told in command-line words; ArgumentParser prints it as "Error: …" and exits 1.
struct UserMessage: Error, CustomStringConvertible {
    let description: String
}
