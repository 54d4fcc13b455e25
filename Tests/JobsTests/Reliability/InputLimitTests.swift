import Foundation
import GeoKit
import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
import TestSupport

/// The size limits of docs/LIMITS.md: a field, a line, a document read whole and a geometry. Over a limit, the row,
/// feature or document is refused with a reason that names the limit and how to raise it; what follows is still read.
/// The big inputs are made here, never committed.
@Suite struct InputLimitTests {
    static let lineAdvice = "or raise the limit with EVENTMAP_MAX_LINE_MB=8"

    private static func write(_ folder: TestFolder, _ name: String, _ parts: [[UInt8]]) -> String {
        let path = folder.path + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(parts.joined()))
        return path
    }

    // MARK: Limits and their environment variables

    @Test func defaultsAndEnvironmentOverrides() {
        #expect(InputLimits.defaults == InputLimits(fieldBytes: 1 << 20, lineBytes: 4 << 20, documentBytes: 256 << 20, geometryPositions: 2_000_000))
        #expect(InputLimits(environment: [:]) == .defaults)
        let raised = InputLimits(environment: ["EVENTMAP_MAX_FIELD_MB": "3", "EVENTMAP_MAX_LINE_MB": " 16 ",
                                               "EVENTMAP_MAX_DOCUMENT_MB": "1024", "EVENTMAP_MAX_GEOMETRY_POSITIONS": "5000000"])
        #expect(raised == InputLimits(fieldBytes: 3 << 20, lineBytes: 16 << 20, documentBytes: 1 << 30, geometryPositions: 5_000_000))
        // Nonsense keeps the default rather than turning the limit off.
        let nonsense = InputLimits(environment: ["EVENTMAP_MAX_LINE_MB": "0", "EVENTMAP_MAX_FIELD_MB": "-1",
                                                 "EVENTMAP_MAX_DOCUMENT_MB": "lots", "EVENTMAP_MAX_GEOMETRY_POSITIONS": "99999999999999999999999"])
        #expect(nonsense == .defaults)
        #expect(InputLimits.size(4 << 20) == "4 MiB" && InputLimits.size(512 << 10) == "512 KiB" && InputLimits.size(300) == "300 bytes")
    }

    // MARK: CSV: a line

    /// The case of the issue: a 50 MB line of short fields. It used to be held whole (fields, the row text for the
    /// reject, the line again for the raw text): ~344 MB RSS. Now the row is refused at 4 MiB and the rest skipped.
    @Test func csvFiftyMegabyteLineIsRejectedAndReadingGoesOn() throws {
        let folder = try TestFolder()
        var line = Array("L1,2023-07-30,".utf8)
        line += Array(repeating: Array("Wana,".utf8), count: 10 << 20).joined()
        let path = Self.write(folder, "long-line.csv", [Array("event_id,event_date,location\n".utf8), line,
                                                        Array("\nL2,2023-07-31,Wana\n".utf8)])
        let (results, summary) = try BadInput.events(at: path)
        #expect(summary.rowsRead == 2)
        let reject = try #require(results.reject(line: 2))
        #expect(reject.category == .unreadable && reject.field == nil)
        #expect(reject.reason == "the row is longer than 4 MiB (the line limit) and was skipped; check for a missing line break or an unclosed quote, " + Self.lineAdvice)
        #expect(reject.raw.hasPrefix("L1,2023-07-30,Wana,Wana,") && reject.raw.hasSuffix("… [\(line.count) bytes in all; the rest is not kept]"))
        #expect(reject.raw.utf8.count < 2048)
        #expect(results.eventIDs == ["L2"])
    }

    @Test func csvOneHugeFieldIsALineProblem() throws {
        let folder = try TestFolder()
        let path = Self.write(folder, "huge.csv", [Array("event_id,event_date,location\nH1,2023-07-30,\"".utf8),
                                                   [UInt8](repeating: UInt8(ascii: "a"), count: 6 << 20),
                                                   Array("\"\nH2,2023-07-31,Wana\n".utf8)])
        let (results, _) = try BadInput.events(at: path)
        #expect(results.reject(line: 2)?.reason.hasPrefix("the row is longer than 4 MiB (the line limit)") == true)
        #expect(results.eventIDs == ["H2"])
    }

    @Test func csvRecordLimitCountsEveryByteAndKeepsTheNextRecord() throws {
        let folder = try TestFolder()
        let path = folder.write("records.csv", "a,b,c\n" + Array(repeating: "xx", count: 40).joined(separator: ",") + "\n\"quoted\nover\nlines and long enough to pass the limit of sixty-four bytes\",y\nlast,row\n")
        let reader = try CSVReader(path: path, maxFieldBytes: 32, maxRecordBytes: 64)
        let results = Array(reader)
        #expect(results.count == 4)
        guard case let .success(first) = results[0], case let .failure(long) = results[1], case let .failure(quoted) = results[2],
              case let .success(last) = results[3] else { Issue.record("\(results)"); return }
        #expect(first.fields == ["a", "b", "c"])
        #expect(long.line == 2 && long.field == nil && long.reason.hasPrefix("the row is longer than 64 bytes (the line limit) and was skipped"))
        #expect(quoted.line == 3 && quoted.reason.hasPrefix("the row is longer than 64 bytes"))
        #expect(last.line == 6 && last.fields == ["last", "row"])
    }

    @Test func csvUnclosedQuoteStillResumesAfterALongRecord() throws {
        let folder = try TestFolder()
        // The quote never closes: the reader gives up after maxLinesInQuotedField lines and goes back to the line
        // after the quote, even though the bytes read meanwhile went past the record limit.
        let body = (1...10).map { "E\($0),2023-07-\(10 + $0),Wana" }.joined(separator: "\n")
        let path = folder.write("unclosed.csv", "event_id,event_date,location\nE0,2023-07-10,\"Wana\n" + body + "\n")
        let reader = try CSVReader(path: path, maxRecordBytes: 64)
        reader.maxLinesInQuotedField = 5
        let results = Array(reader)
        guard case let .failure(problem) = results[1] else { Issue.record("\(results)"); return }
        #expect(problem.reason.hasPrefix("unbalanced quote"))
        #expect(results.compactMap { try? $0.get().fields.first }.contains("E10"))
    }

    // MARK: JSON Lines and raw lines

    @Test func jsonLinesLineOverTheLimitIsRejected() throws {
        let folder = try TestFolder()
        let big = "{\"event_id\":\"J1\",\"event_date\":\"2023-07-30\",\"location\":\"" + String(repeating: "x", count: 5 << 20) + "\"}\n"
        let path = folder.write("events.jsonl", "{\"event_id\":\"J0\",\"event_date\":\"2023-07-29\",\"location\":\"Wana\"}\n" + big
                                + "{\"event_id\":\"J2\",\"event_date\":\"2023-07-31\",\"location\":\"Wana\"}\n")
        let (results, _) = try BadInput.events(at: path)
        let reject = try #require(results.reject(line: 2))
        #expect(reject.reason == "the line is longer than 4 MiB (the line limit) and was skipped; check for a missing line break, " + Self.lineAdvice)
        #expect(reject.raw.hasSuffix("… [\(big.utf8.count - 1) bytes in all; the rest is not kept]"))
        #expect(results.eventIDs == ["J0", "J2"])
    }

    @Test func lineReaderKeepsAtMostTheLimit() throws {
        let folder = try TestFolder()
        let path = Self.write(folder, "lines.txt", [Array("\u{FEFF}short\r\n".utf8), [UInt8](repeating: 65, count: 200_000),
                                                    Array("\r\n\nlast without newline".utf8)])
        let reader = try LineReader(path: path, maxLineBytes: 1000)
        #expect(reader.next() == Array("short".utf8) && !reader.lastLineWasCut)
        let cut = try #require(reader.next())
        #expect(cut.count == 1000 && reader.lastLineWasCut && reader.lastLineLength == 200_001 && reader.line == 2)
        #expect(reader.next() == [] && !reader.lastLineWasCut)
        #expect(reader.next() == Array("last without newline".utf8))
        #expect(reader.next() == nil && reader.line == 4)
        // Lines across the reader's 64 KiB chunks come back whole.
        let long = String(repeating: "0123456789", count: 20_000)
        let across = folder.write("across.txt", "a\n" + long + "\nb")
        let whole = try LineReader(path: across, maxLineBytes: 1 << 20)
        #expect(whole.next() == Array("a".utf8) && whole.next() == Array(long.utf8) && whole.next() == Array("b".utf8))
    }

    @Test func rawTextOfACutLineEndsOnACharacter() {
        let bytes = Array(String(repeating: "é", count: 600).utf8)  // 1200 bytes: byte 1024 is inside no character
        let text = RawText.cut(bytes, length: 5000)
        #expect(text.hasPrefix(String(repeating: "é", count: 511)) && text.hasSuffix("… [5000 bytes in all; the rest is not kept]"))
        #expect(!text.contains("\\x"))
    }

    // MARK: The point join (geocode --boundaries): blocks of lines

    /// A line over the limit used to grow the block without end; now it comes to the workers as one marker line and
    /// is rejected, and the lines around it are joined as usual, whatever the block size.
    @Test func pointJoinRejectsALineOverTheLimit() throws {
        let long = "2," + String(repeating: "x", count: 5 << 20)
        for (blockBytes, ending) in [(4096, "\n"), (1 << 20, "\r\n"), (16 << 20, "\n")] {
            let text = "id,lon,lat\n1,70.1,34.1\n" + long + ending + "3,70.2,34.2\n" + long
            let (summary, output, rejects) = try PointJoinFixture.join(text, blockBytes: blockBytes)
            #expect(summary.rows == 4 && summary.rejects == 2, "block \(blockBytes)")
            #expect(Set(PointJoinFixture.assignments(output).keys) == ["1", "3"])
            #expect(rejects.contains("the row is longer than 4 MiB (the line limit) and was skipped; check for a missing line break, " + Self.lineAdvice))
            #expect(rejects.contains("2,xxxx") && rejects.contains("bytes in all; the rest is not kept]") && rejects.utf8.count < 8192)
        }
    }

    // MARK: Documents read whole

    @Test func documentOverTheLimitIsRefusedBeforeItIsRead() throws {
        let folder = try TestFolder()
        let text = "{\"type\":\"FeatureCollection\",\"features\":[" + String(repeating: " ", count: 3000) + "]}"
        let path = folder.write("events.geojson", text)
        let message = BadInput.errorMessage { _ = try WholeFile.read(path: path, limit: 2048, hint: "split it") }
        #expect(message == "\(path): is larger than 2 KiB (\(text.utf8.count) bytes), the limit for a document read whole (the document limit); split it, or raise the limit with EVENTMAP_MAX_DOCUMENT_MB=2")
        #expect(try WholeFile.read(path: path, limit: 4096, hint: "").count == text.utf8.count)
        #expect(BadInput.errorMessage { _ = try WholeFile.read(path: folder.path, hint: "") }.hasSuffix("is a folder, not a file"))
    }

    // MARK: Geometries

    @Test func geoJSONGeometryOverThePositionLimitIsRefused() throws {
        let ring: [Any] = (0..<20).map { i in [70.0 + Double(i) * 0.01, 34.0] as [Any] } + [[70.0, 34.5], [70.0, 34.0]]
        let polygon: [String: Any] = ["type": "Polygon", "coordinates": [ring]]
        #expect(GeoJSONFeatureReader.geometryProblem(polygon, maxPositions: 22) == nil)
        #expect(GeoJSONFeatureReader.geometryProblem(polygon, maxPositions: 21) == "the geometry has 22 positions, more than 21 (the geometry limit); simplify it first (ogr2ogr -simplify), or raise the limit with EVENTMAP_MAX_GEOMETRY_POSITIONS=42")
        let collection: [String: Any] = ["type": "GeometryCollection", "geometries": [polygon, polygon]]
        #expect(GeoJSONFeatureReader.geometryProblem(collection, maxPositions: 40)?.hasPrefix("the geometry has ") == true)
        #expect(GeoJSONFeatureReader.geometryProblem(collection, maxPositions: 44) == nil)
    }

    @Test func geoPackageBlobOverTheLimitIsRefused() {
        let limits = InputLimits(fieldBytes: 1 << 20, lineBytes: 4 << 20, documentBytes: 256 << 20, geometryPositions: 10)
        let location = FeatureLocation(file: "x.gpkg", layer: "adm2", index: 3)
        #expect(GeoPackageReader.blobProblem([UInt8](repeating: 0, count: limits.geometryBlobBytes), at: location, limits: limits) == nil)
        let problem = GeoPackageReader.blobProblem([UInt8](repeating: 0, count: limits.geometryBlobBytes + 1), at: location, limits: limits)
        #expect(problem?.message == "geometry cannot be read: its blob has 4417 bytes, more than 4416 (the geometry limit of 10 positions); simplify it first (ogr2ogr -simplify), or raise the limit with EVENTMAP_MAX_GEOMETRY_POSITIONS=20")
    }
}
