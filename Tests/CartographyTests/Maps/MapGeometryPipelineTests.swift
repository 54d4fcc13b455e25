import Foundation
import GeoKit
import Testing
@testable import Cartography
import TestSupport

/// Project → clip → simplify, the one geometry stage every map layer goes through.
@Suite struct MapGeometryPipelineTests {
    let geos = GEOSContext()
    let frame = Envelope(minX: 0, minY: 0, maxX: 600, maxY: 400)

    /// Albers fitted to 69–72°E, 33–35°N, drawn into a 600 × 400 px frame.
    func pipeline() throws -> MapGeometryPipeline {
        let projection = try MapProjection.albers(fitting: Envelope(minX: 69, minY: 33, maxX: 72, maxY: 35))
        let corners = [Coordinate(69, 33), Coordinate(72, 33), Coordinate(69, 35), Coordinate(72, 35), Coordinate(70.5, 35)]
        let extent = try #require(try projection.projectedBounds(of: [], points: corners))
        projection.fit(extent, into: frame, padding: 10)
        return MapGeometryPipeline(projection: projection, clip: frame.expanded(by: 4), context: geos)
    }

    func wkt(_ text: String) throws -> Geometry { try Geometry(wkt: text, in: geos) }

    @Test func projectsEveryVertexAsThePointProjectionDoes() throws {
        let pipeline = try pipeline()
        let polygon = try wkt("POLYGON ((70 33.5, 71 33.5, 71 34.5, 70 34.5, 70 33.5), (70.4 33.9, 70.6 33.9, 70.6 34.1, 70.4 33.9))")
        let framed = try #require(try pipeline.framed(polygon))
        #expect(framed.interiorRings.count == 1, "holes survive")
        let shell = try #require(framed.exteriorRing).coordinates()
        let expected = try #require(polygon.exteriorRing).coordinates().compactMap { pipeline.projection.project($0) }
        #expect(expected.count == 5 && shell == expected, "inside the frame nothing is clipped: the vertices are the projected ones")
    }

    @Test func clipsToTheFrameAndDropsWhatIsOutside() throws {
        let pipeline = try pipeline()
        let straddling = try #require(try pipeline.framed(wkt("POLYGON ((71.5 33.5, 75 33.5, 75 34.5, 71.5 34.5, 71.5 33.5))")))
        let box = try #require(straddling.envelope)
        #expect(box.maxX <= pipeline.clip.maxX + 1e-9 && box.minX > frame.minX, "cut at the clip rectangle: \(box)")
        #expect(try pipeline.framed(wkt("POLYGON ((80 20, 81 20, 81 21, 80 20))")) == nil, "nothing in the frame")
        #expect(try pipeline.framed(wkt("POLYGON ((70 95, 71 95, 71 96, 70 95))")) == nil, "PROJ cannot project it: nothing left")
    }

    /// A border between 70.5° and 70.5° + `wiggle` (every other vertex), from 33.5°N to 34.5°N, 201 vertices.
    func wigglyEdge(wiggle: Double) -> [Coordinate] {
        (0...200).map { i in Coordinate(70.5 + (i.isMultiple(of: 2) ? 0 : wiggle), 33.5 + Double(i) * 0.005) }
    }

    @Test func simplifiesToAQuarterPixel() throws {
        let pipeline = try pipeline()
        // Wiggles of a few metres: about a hundredth of a pixel at this scale.
        let polygon = try Geometry.polygon(exterior: [Coordinate(70, 33.5)] + wigglyEdge(wiggle: 0.00005) + [Coordinate(70, 34.5), Coordinate(70, 33.5)], in: geos)
        let framed = try #require(try pipeline.framed(polygon))
        let simplified = try #require(try pipeline.simplifiedEach(coverage: [framed]).first)
        #expect(simplified.vertexCount < 10, "the wiggles are gone: \(simplified.vertexCount) vertices")
        let outline = try simplified.boundary()
        for c in try #require(framed.exteriorRing).coordinates() {
            #expect(try Geometry.point(c, in: geos).distance(to: outline) <= MapGeometryPipeline.tolerance + 1e-9)
        }
    }

    @Test func simplifiesALayerAsOneCoverage() throws {
        let pipeline = try pipeline()
        let edge = wigglyEdge(wiggle: 0.00005)
        let west = try Geometry.polygon(exterior: [Coordinate(70, 33.5)] + edge + [Coordinate(70, 34.5), Coordinate(70, 33.5)], in: geos)
        let east = try Geometry.polygon(exterior: [Coordinate(71, 33.5), Coordinate(71, 34.5)] + edge.reversed() + [Coordinate(71, 33.5)], in: geos)
        let framed = try [west, east].map { try #require(try pipeline.framed($0)) }
        let simplified = try pipeline.simplifiedEach(coverage: framed)
        #expect(simplified.count == 2)
        #expect(try pipeline.simplified(coverage: framed).partCount == 2, "one part per shape, in order")
        #expect(try simplified[0].intersection(simplified[1]).area() < 0.01, "neighbours do not overlap")
        // GEOS's topology-preserving simplifier keeps the shared edge (simplifying one side would cross the other),
        // so neighbours meet along it; what opens near its ends stays far under a pixel.
        let union = try simplified[0].union(simplified[1])
        #expect(union.type == .polygon)
        let gaps = try union.interiorRings.map { try Geometry.polygon(exterior: $0.coordinates(), in: geos).area() }
        #expect(gaps.reduce(0, +) < 0.05, "gaps between neighbours: \(gaps) px²")
    }

    @Test func linesSnapMergeAndSimplify() throws {
        let pipeline = try pipeline()
        // Two pieces of one line that meet within a micro-degree.
        let pieces = try wkt("MULTILINESTRING ((70 33.6, 70.5 34, 70.8 34.2), (70.8000001 34.2000001, 71.2 34.4, 71.5 34.3))")
        let line = try #require(try pipeline.lines(pieces))
        #expect(line.type == .lineString, "merged into one line: \(line.type.name)")
        #expect(try pipeline.lines(wkt("LINESTRING (80 20, 81 21)")) == nil)
    }
}
