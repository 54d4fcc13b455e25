import Foundation
import GeoKit
import EventModel

/// How an events file is laid out.
public enum EventFileFormat: Sendable, Equatable {
    /// Delimited text with a header row; the delimiter is a byte such as "," or tab.
    case csv(delimiter: UInt8)
    /// A GeoJSON FeatureCollection of Point features, a single Feature, or a JSON array of objects.
    case jsonDocument
    /// One JSON object per line.
    case jsonLines

    /// The format by extension (.csv .tsv .txt .geojson .json .jsonl .ndjson), else by the first line.
    public static func detect(path: String) -> EventFileFormat {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "tsv", "tab": return .csv(delimiter: 9)
        case "csv", "txt": return .csv(delimiter: CSVRowSource.sniffDelimiter(path: path))
        case "geojson": return .jsonDocument
        case "jsonl", "ndjson": return .jsonLines
        case "json": return firstLineIsEventObject(path) ? .jsonLines : .jsonDocument
        default:
            guard let first = firstLine(path)?.first(where: { $0 != 32 && $0 != 9 }) else {
                return .csv(delimiter: CSVRowSource.sniffDelimiter(path: path))
            }
            if first == UInt8(ascii: "[") { return .jsonDocument }
            if first == UInt8(ascii: "{") { return firstLineIsEventObject(path) ? .jsonLines : .jsonDocument }
            return .csv(delimiter: CSVRowSource.sniffDelimiter(path: path))
        }
    }

    private static func firstLine(_ path: String) -> [UInt8]? {
        guard let reader = try? LineReader(path: path) else { return nil }
        while let line = reader.next() { if !line.allSatisfy({ $0 == 32 || $0 == 9 }) { return line } }
        return nil
    }

    private static func firstLineIsEventObject(_ path: String) -> Bool {
        guard let line = firstLine(path) else { return false }
        var parser = JSONParser(bytes: line)
        guard let object = (try? parser.parseDocument())?.object else { return false }
        let type = object["type"]?.string
        return type != "FeatureCollection" && type != "Feature"
    }
}
