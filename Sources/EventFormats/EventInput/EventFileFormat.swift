import Foundation
import GeoKit
import EventModel

/// How an events file is laid out.
public enum EventFileFormat: Sendable, Equatable {
    /// Delimited text with a header row; the delimiter is a byte such as "," or tab.
    case csv(delimiter: UInt8)
    /// A GeoJSON FeatureCollection of Point features, a single Feature, or a JSON array of objects.
    case jsonDocument
    /// One JSON object per line, or a GeoJSON text sequence (RFC 8142: one RS-prefixed Feature per line).
    case jsonLines
    /// An OGC GeoPackage: its `events` layer, or its only layer.
    case geoPackage

    /// The format by extension (.csv .tsv .txt .geojson .json .jsonl .ndjson .geojsons .gpkg), else by content.
    public static func detect(path: String) -> EventFileFormat {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "tsv", "tab": return .csv(delimiter: 9)
        case "csv", "txt": return .csv(delimiter: CSVRowSource.sniffDelimiter(path: path))
        case "geojson": return .jsonDocument
        case "jsonl", "ndjson", "geojsons", "geojsonseq", "geojsonl": return .jsonLines
        case "gpkg": return .geoPackage
        case "json": return firstLineIsEventObject(path) ? .jsonLines : .jsonDocument
        default:
            guard let first = firstLine(path)?.first(where: { $0 != 32 && $0 != 9 }) else {
                return .csv(delimiter: CSVRowSource.sniffDelimiter(path: path))
            }
            if first == UInt8(ascii: "[") { return .jsonDocument }
            if first == 0x1E { return .jsonLines }
            if isSQLite(path) { return .geoPackage }
            if first == UInt8(ascii: "{") { return firstLineIsEventObject(path) ? .jsonLines : .jsonDocument }
            return .csv(delimiter: CSVRowSource.sniffDelimiter(path: path))
        }
    }

    private static func isSQLite(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 16)).map { Array($0) == Array("SQLite format 3\0".utf8) } ?? false
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
