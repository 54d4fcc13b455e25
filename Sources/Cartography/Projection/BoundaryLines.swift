import GeoKit
import GeoReference

/// The line work and the sea in lon/lat, worked out once per map (every panel size projects the same): the
/// Afghanistan–Pakistan border merged into lines, the Line of Control, international boundaries without it, and the
/// sea — what no country covers and reaches the southern edge of the boundary data. Other gaps (countries the data
/// leaves out, such as Nepal; the Siachen area no outline covers) are land without a name.
final class BoundaryLines {
    let border: Geometry?
    let lineOfControl: Geometry?
    let international: Geometry?
    let sea: Geometry?

    init(_ boundaries: BoundaryData, context: GEOSContext) throws {
        let segments = try boundaries.borderSegments.map { try Geometry(wkb: $0.wkb, in: context) }
        border = segments.isEmpty ? nil : try Geometry.collection(.geometryCollection, segments, in: context).unaryUnion()
        let loc = try LineOfControl.derive(boundaries, context: context)
        lineOfControl = loc
        let shapes = try boundaries.countries.map { try Geometry(wkb: $0.wkb, in: context) }
        var sea: Geometry?
        if let land = try? Geometry.collection(.geometryCollection, shapes, in: context).unaryUnion(), let bounds = land.envelope {
            let open = try Geometry.rectangle(bounds, in: context).difference(land)
            let seas = open.parts.filter { ($0.envelope?.minY ?? .infinity) <= bounds.minY + 1e-6 && ((try? $0.area()) ?? 0) > 1 }
            if !seas.isEmpty { sea = try Geometry.collection(.multiPolygon, seas, in: context) }
        }
        self.sea = sea
        let outlines = try shapes.map { try $0.boundary() }
        if outlines.isEmpty {
            international = nil
        } else {
            var lines = try Geometry.collection(.geometryCollection, outlines, in: context).unaryUnion()
            if let loc { lines = try lines.difference(loc.buffer(0.002)) }
            international = lines
        }
    }
}
