import GeoKit

/// The equal-area projection bins are counted in: Albers fitted to the lon/lat extent the map shows.
enum EqualArea {
    static func transform(for map: MapProjection) throws -> CoordinateTransform {
        let frame = map.frame
        let corners = [Coordinate(frame.minX, frame.minY), Coordinate(frame.maxX, frame.minY), Coordinate(frame.minX, frame.maxY),
                       Coordinate(frame.maxX, frame.maxY), Coordinate(frame.center.x, frame.minY), Coordinate(frame.center.x, frame.maxY)]
            .compactMap(map.unproject)
        guard let first = corners.first else { throw MapError("the map's extent cannot be unprojected for equal-area bins") }
        let e = corners.dropFirst().reduce(Envelope(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)) {
            $0.union(Envelope(minX: $1.x, minY: $1.y, maxX: $1.x, maxY: $1.y))
        }
        do {
            let crs = try CoordinateTransform.albersEqualArea(lonMin: e.minX, lonMax: e.maxX, latMin: e.minY, latMax: e.maxY)
            return try CoordinateTransform(from: "EPSG:4326", to: crs, context: PROJContext())
        } catch {
            throw MapError("the equal-area projection for bins cannot be made: \(error)")
        }
    }
}
