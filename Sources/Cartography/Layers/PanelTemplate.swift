import GeoKit
import GeoReference

/// What every panel of one size shares (the small multiples of a map are all drawn from one template): frame and
/// projection, the boundaries and key towns in its pixels, the style, and what is set over the map.
final class PanelTemplate {
    /// Where a district is drawn: its label point (centre of the largest inscribed circle of its visible outline,
    /// or its headquarters when outlines are approximate), that circle's radius, and its outline's index in `<defs>`.
    struct DistrictPlace {
        let point: Coordinate
        let room: Double
        let outlineIndex: Int?
    }

    let frame: Envelope
    let projection: MapProjection
    let style: MapStyle
    /// For district headquarters.
    let gazetteer: Gazetteer
    let boundaries: ProjectedBoundaries
    let towns: [KeyTown]
    /// Prefix of the ids of this template's definitions ("" for the main map, "i" for the inset).
    let prefix: String
    /// Where the scale bar and north arrow go; nil when they are elsewhere (the legend of small multiples).
    let furniture: Envelope?
    /// The inset drawn over the map, if any.
    let inset: InsetPlan?
    /// Boxes drawn over the panel (an inset, a title strip): labels keep out.
    let covered: [Envelope]
    /// Whether the border is labelled along it (the inset leaves that to the main map).
    let labelsBorder: Bool
    let districtPlaces: [String: DistrictPlace]
    /// Groups' reported bases in pixels, when asked for.
    let groupBases: [(point: Coordinate, tooltip: String)]
    /// The title over the panel (the inset's: what area it shows).
    let title: String?
    /// Lines no label may cross, even when it is set over symbols: the Afghanistan–Pakistan border and the Line of Control.
    let labelBarriers: LabelBarriers

    init(frame: Envelope, projection: MapProjection, style: MapStyle, boundaries: BoundaryData, gazetteer: Gazetteer,
         context: GEOSContext, prefix: String = "", furniture: Envelope? = nil, inset: InsetPlan? = nil,
         covered: [Envelope] = [], labelsBorder: Bool = true, groupBases: [GroupBase] = [],
         title: String? = nil, lines: BoundaryLines? = nil, display: DisplayOutlines? = nil) throws {
        self.title = title
        self.frame = frame
        self.projection = projection
        self.style = style
        self.gazetteer = gazetteer
        let pipeline = MapGeometryPipeline(projection: projection, clip: frame.expanded(by: 4), context: context)
        let outlines = display.flatMap { pipeline.acceptsDisplayOutlines ? $0.boundaries : nil } ?? boundaries
        let projected = try ProjectedBoundaries(outlines, through: pipeline, districts: style.officialDistricts, lines: lines)
        self.boundaries = projected
        towns = KeyTown.placed(gazetteer: gazetteer, projection: projection, frame: frame)
        self.prefix = prefix
        self.furniture = furniture
        self.inset = inset
        self.covered = covered
        self.labelsBorder = labelsBorder
        var places: [String: DistrictPlace] = [:]
        for (i, district) in projected.districts.enumerated() {
            if let p = district.labelPoint { places[district.unit.id] = DistrictPlace(point: p, room: district.labelRoom, outlineIndex: i) }
        }
        for district in gazetteer.districts where places[district.id] == nil {
            if let p = projection.project(district.point) { places[district.id] = DistrictPlace(point: p, room: 0, outlineIndex: nil) }
        }
        districtPlaces = places
        self.groupBases = groupBases.compactMap { base in projection.project(base.lonLat).map { ($0, base.tooltip) } }
        labelBarriers = try LabelBarriers(lines: [projected.border, projected.lineOfControl].compactMap { $0 },
                                          sides: projected.countries.filter { $0.unit.id == "AFG" || $0.unit.id == "PAK" }.map(\.outline),
                                          context: context)
    }
}
