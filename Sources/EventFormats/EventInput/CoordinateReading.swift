import GeoKit
import EventModel

/// Reads and checks a latitude/longitude pair; the rules of EVENT-SCHEMA.md in one place.
struct CoordinateReading {
    var coverageCheck: (@Sendable (Coordinate) -> Bool)?

    func read(latitude: EventField, longitude: EventField, in row: RowInput) throws(RowProblem) -> (Coordinate, CoordinateFlags)? {
        let latText = row.text(latitude)
        let lonText = row.text(longitude)
        switch (latText, lonText) {
        case (nil, nil):
            return nil
        case let (lat?, nil):
            throw RowProblem(row.column(longitude), .coordinates, "\(latitude.rawValue) is given (\(lat)) but \(longitude.rawValue) is empty; give both or neither")
        case let (nil, lon?):
            throw RowProblem(row.column(latitude), .coordinates, "\(longitude.rawValue) is given (\(lon)) but \(latitude.rawValue) is empty; give both or neither")
        case let (lat?, lon?):
            let y = try number(lat, column: row.column(latitude))
            let x = try number(lon, column: row.column(longitude))
            return try check(Coordinate(x: x, y: y), latitudeColumn: row.column(latitude), longitudeColumn: row.column(longitude))
        }
    }

    private func number(_ text: String, column: String) throws(RowProblem) -> Double {
        let allowed = text.unicodeScalars.allSatisfy { "0123456789.+-eE".unicodeScalars.contains($0) }
        guard allowed, let value = Double(text), value.isFinite else {
            let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            if parts.count == 2, let whole = Double(parts[0]), whole.isFinite, !parts[1].isEmpty, parts[1].allSatisfy(\.isNumber) {
                throw RowProblem(column, .coordinates, "'\(text)' has a decimal comma; write decimal degrees with a point, such as \(parts[0]).\(parts[1])")
            }
            throw RowProblem(column, .coordinates, "'\(text)' is not a finite decimal number; write decimal degrees such as 34.52 (not degrees-minutes-seconds, NaN or Infinity)")
        }
        return value
    }

    private func check(_ point: Coordinate, latitudeColumn: String, longitudeColumn: String) throws(RowProblem) -> (Coordinate, CoordinateFlags) {
        let swapped = Coordinate(x: point.y, y: point.x)
        let inRange = { (c: Coordinate) in (-90...90).contains(c.y) && (-180...180).contains(c.x) }
        if point.x == 0 && point.y == 0 {
            throw RowProblem(latitudeColumn, .nullIsland, "null island: coordinates 0,0 are almost always a missing value; leave both empty when the position is unknown")
        }
        if !inRange(point) {
            // An impossible coordinate cannot be geocoded as given, and is never silently swapped: it is rejected,
            // and the reason says when the swapped reading would fall in the covered area.
            var swapHint = inRange(swapped) && (coverageCheck?(swapped) ?? false)
                ? "; swapped, (\(swapped.y), \(swapped.x)) would lie in the covered area — latitude and longitude look exchanged" : ""
            if max(abs(point.x), abs(point.y)) >= 1000 {
                // Degrees never reach 1000: these are metres (UTM, Web Mercator) from a projected file.
                swapHint += "; the values look like projected coordinates (metres, e.g. UTM or Web Mercator), not longitude/latitude — reproject the file to EPSG:4326 (WGS84 lon/lat), e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson"
            }
            if !(-90...90).contains(point.y) {
                throw RowProblem(latitudeColumn, .coordinates, "latitude \(point.y) is outside -90…90\(swapHint); check the value and that latitude and longitude are in the right columns")
            }
            throw RowProblem(longitudeColumn, .coordinates, "longitude \(point.x) is outside -180…180\(swapHint); check the value and that latitude and longitude are in the right columns")
        }
        if let coverageCheck, !coverageCheck(point), coverageCheck(swapped) {
            return (point, .possiblySwapped)
        }
        return (point, [])
    }
}

/// Why a row is rejected, before it knows its file and line.
struct RowProblem: Error {
    let field: String?
    let category: RejectCategory
    let reason: String

    init(_ field: String?, _ category: RejectCategory, _ reason: String) {
        self.field = field
        self.category = category
        self.reason = reason
    }
}
