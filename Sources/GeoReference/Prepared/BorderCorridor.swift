import GeoKit
import EventModel
import EventFormats

/// The band within `km` of the border, built as a GEOS buffer in a Lambert conformal conic fitted to the
/// border (its scale error over the border's 29–37°N is under 0.4%, measured in the tests) and turned back
/// into lon/lat. Points are tested with prepared geometries of a slightly narrower and a slightly wider
/// band; only points between the two are decided by their exact geodesic distance.
public final class BorderCorridor {
    public let km: Double
    /// The corridor polygon in lon/lat, for layers and maps.
    public let polygon: Geometry
    private let inner: PreparedGeometry
    private let outer: PreparedGeometry
    private let measurer: BorderMeasurer
    /// Relative width of the undecided band around the corridor's edge.
    package static let tolerance = 0.01
    public static let projection = "+proj=lcc +lat_1=30.7 +lat_2=35.7 +lat_0=33.2 +lon_0=67.7 +datum=WGS84 +units=m +no_defs +type=crs"

    /// `lines`: the border segments, in the measurer's context (`PreparedReference.corridor(km:)` passes them).
    public init(lines: [Geometry], km: Double, measurer: BorderMeasurer) throws {
        guard km > 0, km.isFinite else { throw CorridorWidthError(km: km) }
        self.km = km
        self.measurer = measurer
        let context = measurer.context
        let border = try Geometry.collection(.multiLineString, lines.flatMap(\.parts), in: context)
        let transform = try CoordinateTransform(from: "EPSG:4326", to: Self.projection, context: PROJContext())
        let projected = try border.transformed(by: transform)
        func band(_ distanceKm: Double) throws -> Geometry {
            try projected.buffer(distanceKm * 1000, quadrantSegments: 16).transformed(by: transform, direction: .inverse)
        }
        polygon = try band(km)
        inner = try PreparedGeometry(band(km * (1 - Self.tolerance)))
        outer = try PreparedGeometry(band(km * (1 + Self.tolerance)))
    }

    /// Whether the point lies within `km` of the border (geodesic), and its distance when that had to be measured.
    public func contains(_ c: Coordinate) throws -> Bool {
        let point = try Geometry.point(c, in: measurer.context)
        if try inner.covers(point) { return true }
        if try !outer.covers(point) { return false }
        return try measurer.nearest(to: c).km <= km + Self.exactness
    }

    /// A point this close to the corridor's edge (1 mm) counts as on it: "within N km" includes N.
    static let exactness = 1e-6
}

/// A corridor needs a positive, finite width.
public struct CorridorWidthError: Error, Equatable, CustomStringConvertible {
    public let km: Double
    public var description: String { "the corridor width must be a positive number of kilometres (got \(km))" }
}
