import GeoKit

/// Where someone asserts that the perpetrators of one event came from, and who asserts it. An event has
/// zero or more origin claims; a group's reported bases (GeoData/group_origins.csv) are never one.
public struct OriginClaim: Sendable, Hashable {
    /// The place as asserted: a town, a district, a province or only a country ("Afghanistan").
    public var place: String?
    /// Coordinates of the place when the source gives a point.
    public var coordinate: Coordinate?
    public var coordinateFlags: CoordinateFlags
    /// Who asserts it (a government, a spokesman, the UN, a researcher …).
    public var assertedBy: String?
    /// Where the assertion was reported.
    public var source: String?
    /// When it was asserted (as given).
    public var date: String?

    public init(place: String? = nil, coordinate: Coordinate? = nil, coordinateFlags: CoordinateFlags = [],
                assertedBy: String? = nil, source: String? = nil, date: String? = nil) {
        self.place = place
        self.coordinate = coordinate
        self.coordinateFlags = coordinateFlags
        self.assertedBy = assertedBy
        self.source = source
        self.date = date
    }

    /// "Afghanistan (asserted by Pakistan's military spokesman)".
    public var summary: String {
        let what = place ?? coordinate.map { "\($0.y), \($0.x)" } ?? "an unnamed place"
        return what + " (asserted by \(assertedBy ?? "an unnamed party"))"
    }
}
