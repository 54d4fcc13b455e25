import Foundation
import GeoKit
import EventModel
import EventFormats

/// Geodesic distance from a point to the Afghanistan–Pakistan border and the nearest segment: an exact
/// search over the border's edges (`BorderEdges`: a chord bound rules out all but a few, which are measured
/// on the WGS84 geodesic), with recent answers kept.
public final class BorderMeasurer {
    public let context: GEOSContext
    private let segments: [BorderSegmentData]
    private let edges: BorderEdges

    public init(_ data: BoundaryData, context: GEOSContext = GEOSContext()) throws {
        self.context = context
        segments = data.borderSegments
        let lines = try data.borderSegments.map { segment in
            try Geometry(wkb: segment.wkb, in: context).parts.map { try $0.coordinates() }
        }
        edges = BorderEdges(lines: lines)
        guard !edges.isEmpty else { throw GeoDataError(file: "GeoData/boundaries/border.geojson", "has no border segments") }
    }

    public struct Nearest: Sendable {
        public let km: Double
        public let point: Coordinate
        public let segmentID: String
        public let segmentName: String
        /// Index of the segment in `BoundaryData.borderSegments`.
        public let segmentIndex: Int
    }

    /// Recent answers: the same points recur (a group's reported origin, repeated places).
    private var recent = RecentAnswers<Coordinate, Nearest>()

    public func nearest(to c: Coordinate) throws -> Nearest {
        try recent.value(for: c) {
            guard let found = edges.nearest(to: c, tieMeters: Self.tieKm * 1000) else {
                throw GEOSError.operation("borderNearest", message: "no border edge near \(c)")
            }
            // Segments as near as each other, within 1 m (a point nearest to the vertex where two segments meet),
            // resolve to the segment whose name sorts first, so every engine (PostGIS, whose geography distances
            // differ from these by centimetres there) names the same one. The distance is the nearest one.
            func segmentName(_ tie: BorderEdges.Found) -> String { segments[Int(edges.edges[tie.edge].segment)].name }
            let pick = found.ties.min { (segmentName($0), $0.meters, $0.edge) < (segmentName($1), $1.meters, $1.edge) } ?? found.best
            let index = Int(edges.edges[pick.edge].segment)
            let segment = segments[index]
            return Nearest(km: found.best.meters / 1000, point: pick.point, segmentID: segment.id, segmentName: segment.name,
                           segmentIndex: index)
        }
    }

    /// Segments whose distances differ by this little (1 m) are ties.
    public static let tieKm = 0.001

    /// Distance, side and nearest segment of a point; `side` is the country it lies in, if known.
    public func measure(_ c: Coordinate, side: String?) throws -> BorderMeasure {
        let nearest = try nearest(to: c)
        let band = segments[nearest.segmentIndex].uncertaintyKm
        return BorderMeasure(km: nearest.km, side: side, segment: nearest.segmentName, sideUncertain: nearest.km <= band)
    }
}
