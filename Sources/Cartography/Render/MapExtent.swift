import GeoKit
import GeoReference

/// What the map is fitted to — a named unit, or the four focus provinces plus every event and origin drawn — and
/// its projection: the one asked for, or Albers equal-area fitted to that extent.
struct MapExtent {
    let projection: MapProjection
    /// The extent in projected units.
    let projected: Envelope

    /// `box`: the lon/lat box of the events' points and origins (stands in for them when there are many).
    init(mapped: [MapEvent], box: Envelope?, boundaries: BoundaryData, options: SVGMapOptions, context: GEOSContext) throws {
        var fitUnits: [AdminUnit]
        var fitPoints: [Coordinate] = []
        if let name = options.extent {
            fitUnits = try Self.unit(named: name, in: boundaries)
        } else {
            fitUnits = boundaries.provinces.filter(FocusProvinces.contains)
            if mapped.count > 10_000, let box {
                fitPoints = Self.outline(of: [Coordinate(box.minX, box.minY), Coordinate(box.maxX, box.maxY)])
            } else {
                fitPoints = mapped.map(\.lonLat) + mapped.compactMap(\.origin)
            }
        }
        let fitShapes = try fitUnits.map { try Geometry(wkb: $0.wkb, in: context) }
        var lonLat = fitShapes.compactMap(\.envelope).reduce(nil as Envelope?) { $0?.union($1) ?? $1 }
        for p in fitPoints {
            let e = Envelope(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)
            lonLat = lonLat?.union(e) ?? e
        }
        guard let lonLatExtent = lonLat else { throw MapError("nothing to fit the map to: no boundaries and no events with a point") }
        projection = try options.projection.map { try MapProjection(crs: $0) } ?? MapProjection.albers(fitting: lonLatExtent)
        guard let projected = try projection.projectedBounds(of: fitShapes, points: fitPoints) else {
            throw MapError("the extent cannot be projected with '\(projection.crs)'; choose a projection that covers the region")
        }
        self.projected = projected
    }

    /// Many points stand in for by the outline of their lon/lat box, densified so curved parallels are covered.
    static func outline(of points: [Coordinate]) -> [Coordinate] {
        var box = Envelope(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        for p in points { box = Envelope(minX: min(box.minX, p.x), minY: min(box.minY, p.y), maxX: max(box.maxX, p.x), maxY: max(box.maxY, p.y)) }
        return (0...16).flatMap { i -> [Coordinate] in
            let t = Double(i) / 16
            return [Coordinate(box.minX + t * box.width, box.minY), Coordinate(box.minX + t * box.width, box.maxY),
                    Coordinate(box.minX, box.minY + t * box.height), Coordinate(box.maxX, box.minY + t * box.height)]
        }
    }

    /// The province, country or district called `name` (name or id, any case).
    static func unit(named name: String, in boundaries: BoundaryData) throws -> [AdminUnit] {
        let key = name.lowercased()
        let all = boundaries.provinces + boundaries.countries + boundaries.districts
        let found = all.filter { $0.id.lowercased() == key || $0.name.lowercased() == key }
        guard let first = found.first else {
            let names = (boundaries.provinces + boundaries.countries).map(\.name).sorted().joined(separator: ", ")
            throw MapError("the extent option '\(name)' is not a province, country or district name or id; try one of: \(names)")
        }
        return [first]
    }
}
