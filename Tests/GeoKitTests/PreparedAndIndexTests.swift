import Testing
@testable import GeoKit

@Suite struct PreparedAndIndexTests {
    let context = GEOSContext()

    func grid() throws -> [Geometry] {
        var cells: [Geometry] = []
        for row in 0..<3 {
            for col in 0..<3 {
                let x = Double(col), y = Double(row)
                cells.append(try Geometry.rectangle(Envelope(minX: x, minY: y, maxX: x + 1, maxY: y + 1), in: context))
            }
        }
        return cells
    }

    @Test func preparedPredicatesMatchPlainOnes() throws {
        let square = try Geometry(wkt: "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))", in: context)
        let prepared = try PreparedGeometry(square)
        for (x, y) in [(5.0, 5.0), (10, 5), (11, 5), (0, 0), (-1, -1)] {
            let p = try Geometry.point(x: x, y: y, in: context)
            #expect(try prepared.contains(p) == square.contains(p))
            #expect(try prepared.covers(p) == square.covers(p))
            #expect(try prepared.intersects(p) == square.intersects(p))
        }
        #expect(try prepared.containsProperly(Geometry.point(x: 5, y: 5, in: context)))
        #expect(try !prepared.containsProperly(Geometry.point(x: 10, y: 5, in: context)))
        #expect(try prepared.distance(to: Geometry.point(x: 13, y: 14, in: context)) == 5)
        let (onSquare, _) = try prepared.nearestPoints(to: Geometry.point(x: 13, y: 5, in: context))
        #expect(onSquare == Coordinate(10, 5))
    }

    @Test func treeQueryFindsEnvelopeCandidates() throws {
        let tree = try STRtree(grid(), in: context)
        let hits = tree.candidates(intersecting: try Geometry.point(x: 1.5, y: 2.5, in: context))
        #expect(hits == [7])
        let corner = tree.candidates(intersecting: try Geometry.point(x: 1, y: 1, in: context))
        #expect(corner == [0, 1, 3, 4])
        #expect(try tree.candidates(intersecting: Envelope(minX: 5, minY: 5, maxX: 6, maxY: 6)).isEmpty)
    }

    @Test func treeNearestUsesTrueDistance() throws {
        let tree = try STRtree(grid(), in: context)
        #expect(try tree.nearest(to: Geometry.point(x: 3.5, y: 0.2, in: context)) == 2)
        #expect(try tree.nearest(to: Geometry.point(x: -4, y: 2.9, in: context)) == 6)
        let empty = try STRtree([], in: context)
        #expect(try empty.nearest(to: Geometry.point(x: 0, y: 0, in: context)) == nil)
    }
}
