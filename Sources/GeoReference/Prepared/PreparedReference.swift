import GeoKit
import EventModel
import EventFormats

/// One worker's GEOS view of the reference data, built once per worker and reused by every command:
/// the point index over districts, provinces and countries, the border measurer, border corridors by
/// width, the border segment lines, and unit areas. It owns one GEOS context and must stay on the thread
/// (or worker) that uses it.
public final class PreparedReference {
    public let data: ReferenceData
    public let context: GEOSContext
    public let index: BoundaryIndex
    public let border: BorderMeasurer
    private var corridors: [Double: BorderCorridor] = [:]
    private var areas: [String: Double]?
    private var segmentLines: [(segment: BorderSegmentData, line: Geometry)]?

    public init(_ data: ReferenceData, context: GEOSContext = GEOSContext()) throws {
        self.data = data
        self.context = context
        index = try BoundaryIndex(data.boundaries, context: context)
        border = try BorderMeasurer(data.boundaries, context: context)
    }

    public var gazetteer: Gazetteer { data.gazetteer }
    public var boundaries: BoundaryData { data.boundaries }

    /// The band within `km` of the border, built on first use for each width.
    public func corridor(km: Double) throws -> BorderCorridor {
        if let built = corridors[km] { return built }
        let built = try BorderCorridor(lines: borderSegmentLines().map(\.line), km: km, measurer: border)
        corridors[km] = built
        return built
    }

    /// Every border segment with its line in this context, in the order of `BoundaryData.borderSegments`.
    public func borderSegmentLines() throws -> [(segment: BorderSegmentData, line: Geometry)] {
        if let segmentLines { return segmentLines }
        let lines = try data.boundaries.borderSegments.map { ($0, try Geometry(wkb: $0.wkb, in: context)) }
        segmentLines = lines
        return lines
    }

    /// The outline of a district, province or country in this context.
    public func geometry(of unit: AdminUnit) throws -> Geometry {
        try index.geometry(of: unit) ?? Geometry(wkb: unit.wkb, in: context)
    }

    /// The Albers equal-area projection fitted to Afghanistan and Pakistan that unit areas are measured in.
    // try!: constant, valid longitudes and latitudes (albersEqualArea throws only for invalid ones).
    public static let equalAreaCRS = try! CoordinateTransform.albersEqualArea(lonMin: 60, lonMax: 78, latMin: 23, latMax: 38)

    /// Area of a district, province or country in km², in `equalAreaCRS` (computed for every unit on first use).
    public func areaKm2(of unitID: String) throws -> Double? {
        if let areas { return areas[unitID] }
        let transform = try CoordinateTransform(from: "EPSG:4326", to: Self.equalAreaCRS, context: PROJContext())
        var computed: [String: Double] = [:]
        let boundaries = data.boundaries
        for unit in boundaries.districts + boundaries.provinces + boundaries.countries where computed[unit.id] == nil {
            let projected = try geometry(of: unit).transformed(by: transform)
            computed[unit.id] = try projected.area() / 1e6
        }
        areas = computed
        return computed[unitID]
    }
}
