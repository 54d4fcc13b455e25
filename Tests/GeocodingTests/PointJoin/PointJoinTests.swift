import Foundation
import GeoKit
import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs
import TestSupport

@Suite struct PointJoinTests {
    @Test func everyPointMatchesBruteForceGEOS() throws {
        let points = PointJoinFixture.points(6000) + (try PointJoinFixture.boundaryPoints(limit: 400))
        let expected = try PointJoinFixture.bruteForce(points)
        let (summary, output, _) = try PointJoinFixture.join(PointJoinFixture.csv(points))
        #expect(summary.rows == points.count)
        #expect(summary.rejects == 0)
        #expect(summary.decidedByGrid > 0 && summary.decidedByGrid < points.count)
        let got = PointJoinFixture.assignments(output)
        #expect(got.count == points.count)
        var wrong = 0
        for (i, polygon) in expected.enumerated() where got[String(i)] != polygon.map({ PointJoinFixture.boundaries.ids[$0] }) ?? "" {
            wrong += 1
        }
        #expect(wrong == 0, "\(wrong) of \(points.count) points differ from the brute-force GEOS reference")
        #expect(summary.inside == expected.compactMap { $0 }.count)
    }

    @Test func outputKeepsInputOrderWhateverTheBlocksAndWorkers() throws {
        let text = PointJoinFixture.csv(PointJoinFixture.points(3000, seed: 7))
        let reference = try PointJoinFixture.join(text, workers: 1, blockBytes: 1 << 20, gridLevels: 0).1
        for (workers, block, levels) in [(2, 512, 2), (3, 100, 5), (2, 1 << 16, nil)] {
            let output = try PointJoinFixture.join(text, workers: workers, blockBytes: block, gridLevels: levels).1
            #expect(output == reference, "workers \(workers), block \(block) bytes, grid levels \(String(describing: levels))")
        }
        let ids = reference.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[0] }
        #expect(ids == (0..<3000).map { Substring(String($0)) })
    }

    @Test func gridCellsInsideAndOutsideAreDecidedCorrectly() throws {
        let boundaries = PointJoinFixture.boundaries
        let workers = try (0..<2).map { _ in try PointJoinPolygons(boundaries) }
        let grid = try PointGrid.build(boundaries, workers: workers, topCells: 8, levels: 3)
        let context = GEOSContext()
        let polygons = try boundaries.wkb.map { try Geometry(wkb: $0, in: context) }
        let envelopes = polygons.map { $0.envelope! }
        var inside = 0, outside = 0, mixed = 0
        for row in 0..<grid.rows {
            for column in 0..<grid.columns {
                let envelope = grid.decidedRectangle(column: column, row: row)
                let rectangle = try Geometry.rectangle(envelope, in: context)
                var touching: [Int] = []
                for k in polygons.indices where envelopes[k].intersects(envelope) {
                    if try polygons[k].intersects(rectangle) { touching.append(k) }
                }
                switch grid.cell(column: column, row: row) {
                case let .inside(p):
                    inside += 1
                    #expect(try polygons[p].covers(rectangle), "cell \(column),\(row) is not inside polygon \(p)")
                    #expect(touching.first == p, "cell \(column),\(row): a lower polygon than \(p) touches it")
                case .outside:
                    outside += 1
                    #expect(touching.isEmpty, "cell \(column),\(row) is marked outside but touches \(touching)")
                case let .mixed(candidates):
                    mixed += 1
                    #expect(Set(touching).isSubset(of: Set(candidates)), "cell \(column),\(row) misses candidates")
                    #expect(candidates == candidates.sorted())
                }
            }
        }
        #expect(inside > 0 && outside > 0 && mixed > 0)
        #expect(grid.mixedCellCount == mixed)
        // Points outside the extent are outside; points in an inside cell take that polygon.
        #expect(grid.cell(x: boundaries.extent!.minX - 1, y: boundaries.extent!.minY) == .outside)
    }

    @Test func boundaryPointsGoToTheLowestCoveringPolygonEveryTime() throws {
        let points = try PointJoinFixture.boundaryPoints(limit: 300)
        let expected = try PointJoinFixture.bruteForce(points)
        let text = PointJoinFixture.csv(points)
        let first = try PointJoinFixture.join(text, workers: 2, blockBytes: 256, gridLevels: 4).1
        let second = try PointJoinFixture.join(text, workers: 1, blockBytes: 1 << 20, gridLevels: 0).1
        #expect(first == second)
        let got = PointJoinFixture.assignments(first)
        for (i, polygon) in expected.enumerated() {
            #expect(got[String(i)] == polygon.map { PointJoinFixture.boundaries.ids[$0] } ?? "", "boundary point \(i)")
        }
        // Shared edges exist in the sample: some points are covered by two polygons.
        let context = GEOSContext()
        let prepared = try PointJoinFixture.boundaries.wkb.map { try PreparedGeometry(Geometry(wkb: $0, in: context)) }
        let shared = try points.filter { p in
            let point = try Geometry.point(x: p.0, y: p.1, in: context)
            return try prepared.filter { try $0.covers(point) }.count > 1
        }
        #expect(!shared.isEmpty)
    }

    @Test func badRowsGoToRejectsWithTheirLines() throws {
        let lines = [
            "id,lon,lat",
            "a,69.1,34.4",
            "b,abc,34.4",          // 3: not a number
            "c,69.1",              // 4: too few fields
            "d,69.1,34.4,extra",   // 5: too many fields
            "e,200,34.4",          // 6: longitude out of range
            "f,69.1,-95",          // 7: latitude out of range
            "",                    // 8: blank, skipped
            "\"g, quoted\",69.2,34.5",
            "h,,34.4",             // 10: empty lon
            "\"i,69.1,34.4",       // 11: unbalanced quote
            "j,1e1,2.5e1",         // exponent numbers are numbers
            "k,69.1,34.4\r",       // CRLF
            "l,nan,34.4",          // 14: not a number
        ]
        let (summary, output, rejects) = try PointJoinFixture.join(lines.joined(separator: "\n") + "\n")
        #expect(summary.rows == 12)
        #expect(summary.blankLines == 1)
        #expect(summary.rejects == 8)
        #expect(summary.inside + summary.outside == 4)
        let outputLines = output.split(separator: "\n")
        #expect(outputLines.first == "id,boundary_id")
        #expect(outputLines.count == 5)
        #expect(output.contains("\"g, quoted\","))
        #expect(output.contains("\nj,\n"))
        let rejectLines = rejects.split(separator: "\n").dropFirst()
        let numbers = rejectLines.map { line -> Int in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return Int(fields[1])!
        }
        #expect(numbers == [3, 4, 5, 6, 7, 10, 11, 14])
        #expect(rejects.contains("not a number"))
        #expect(rejects.contains("out of range"))
        #expect(rejects.contains("the header has 3"))
        #expect(rejects.contains("unbalanced quote"))
        #expect(rejects.contains("b,abc,34.4"))
    }

    @Test func missingColumnsAndEmptyFilesAreClearErrors() throws {
        #expect(throws: PointJoinError.self) { try PointJoinFixture.join("id,x1,lat\n1,2,3\n") }
        #expect(throws: PointJoinError.self) { try PointJoinFixture.join("") }
        let (summary, output, _) = try PointJoinFixture.join("\u{FEFF}ID, Longitude ,Latitude\n1,69.1,34.4\n")
        #expect(summary.rows == 1)
        #expect(output.hasPrefix("id,boundary_id\n1,"))
    }

    @Test func geoJSONOutputIsRFC7946() throws {
        var points = PointJoinFixture.points(500, seed: 3)
        points.append((-0.0000001, 0.5))
        let text = PointJoinFixture.csv(points).replacingOccurrences(of: "\n7,", with: "\n\"q\"\"uote\\\",") // id: q"uote\
        let (summary, output, _) = try PointJoinFixture.join(text, output: "out.geojson")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(root["type"] as? String == "FeatureCollection")
        #expect(root["crs"] == nil)
        let features = try #require(root["features"] as? [[String: Any]])
        #expect(features.count == points.count)
        #expect(summary.rows == points.count)
        let bbox = try #require(root["bbox"] as? [Double])
        #expect(bbox.count == 4 && bbox[0] <= bbox[2] && bbox[1] <= bbox[3])
        let expected = try PointJoinFixture.bruteForce(points)
        for (i, feature) in features.enumerated() {
            #expect(feature["type"] as? String == "Feature")
            let geometry = try #require(feature["geometry"] as? [String: Any])
            #expect(geometry["type"] as? String == "Point")
            let c = try #require(geometry["coordinates"] as? [Double])
            #expect(c.count == 2 && (-180...180).contains(c[0]) && (-90...90).contains(c[1]))
            #expect(c[0] >= bbox[0] && c[0] <= bbox[2] && c[1] >= bbox[1] && c[1] <= bbox[3])
            let properties = try #require(feature["properties"] as? [String: Any])
            #expect(properties["id"] as? String == (i == 7 ? "q\"uote\\" : String(i)))
            if let polygon = expected[i] {
                #expect(properties["boundary_id"] as? String == PointJoinFixture.boundaries.ids[polygon])
            } else {
                #expect(properties["boundary_id"] is NSNull)
            }
        }
        let sequence = try PointJoinFixture.join(text, output: "out.geojsons").1
        let records = sequence.split(separator: "\u{1E}")
        #expect(records.count == points.count)
        for record in records.prefix(20) {
            #expect(try JSONSerialization.jsonObject(with: Data(record.utf8)) is [String: Any])
        }
    }

    @Test func boundariesReaderMatchesTheGeneralGeoJSONReader() throws {
        let context = GEOSContext()
        let features = try GeoJSONFeatureReader.read(path: PointJoinFixture.polygonsPath, in: context)
        let boundaries = PointJoinFixture.boundaries
        #expect(boundaries.ids == features.map { $0["id"]!.stringValue! })
        for (wkb, feature) in zip(boundaries.wkb, features) {
            let mine = try Geometry(wkb: wkb, in: context)
            #expect(try mine.equalsExact(feature.geometry!))
        }
    }
}

@Suite struct PointJoinParsingTests {
    @Test func numbersParseLikeStrtod() {
        for text in ["69.123456", "-0.5", "+12", "0", "34.", ".25", "1e3", "-2.5E-2", "123456789012345678901234", "0.1000000000000000055511151231257827",
                     " 7.25 ", "180", "-180.000000"] {
            let bytes = Array(text.utf8)
            let parsed = bytes.withUnsafeBufferPointer { PointNumber.parse($0.baseAddress!, 0, $0.count) }
            #expect(parsed == strtod(text, nil), "\(text)")
        }
        for text in ["", "abc", "1.2.3", "nan", "inf", "0x10", "--1", "1,5", "."] {
            let bytes = Array(text.utf8) + [0]
            let parsed = bytes.withUnsafeBufferPointer { PointNumber.parse($0.baseAddress!, 0, $0.count - 1) }
            #expect(parsed == nil, "\(text)")
        }
    }

    @Test func numberFormattingRoundsAndTrims() {
        let cases: [(Double, Int, String)] = [
            (69.1234567, 6, "69.123457"), (-0.5, 6, "-0.5"), (0, 6, "0"), (-0.0000001, 6, "0"), (12, 3, "12"),
            (0.000123, 6, "0.000123"), (-72.6, 1, "-72.6"), (1e20, 6, "1e+20"), (.nan, 6, "null"), (34.5, 0, "35"),
        ]
        for (value, decimals, expected) in cases {
            #expect(NumberFormatting.string(value, decimals: decimals) == expected, "\(value) to \(decimals)")
        }
        var state: UInt64 = 1
        for _ in 0..<2000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let value = (Double(state >> 11) / Double(1 << 53) - 0.5) * 400
            let scaled = abs(value) * 1e6
            if abs(scaled - scaled.rounded(.down) - 0.5) < 1e-3 { continue } // a near tie: printf and scaling may round apart
            let reference = String(format: "%.6f", value)
            var trimmed = reference.contains(".") ? String(reference.reversed().drop { $0 == "0" }.reversed()) : reference
            if trimmed.hasSuffix(".") { trimmed.removeLast() }
            if trimmed == "-0" { trimmed = "0" }
            #expect(NumberFormatting.string(value, decimals: 6) == trimmed, "\(value)")
        }
    }
}
