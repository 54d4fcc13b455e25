import GeoKit
import GeoReference

/// What every panel of one size shares (the small multiples of a map are all drawn from one template): frame and
/// projection, the boundaries and key towns in its pixels, the style, and what is set over the map.
final class PanelTemplate {
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

    init(frame: Envelope, projection: MapProjection, style: MapStyle, boundaries: BoundaryData, gazetteer: Gazetteer,
         context: GEOSContext, prefix: String = "", furniture: Envelope? = nil, inset: InsetPlan? = nil,
         covered: [Envelope] = [], labelsBorder: Bool = true) throws {
        self.frame = frame
        self.projection = projection
        self.style = style
        self.gazetteer = gazetteer
        let pipeline = MapGeometryPipeline(projection: projection, clip: frame.expanded(by: 4), context: context)
        self.boundaries = try ProjectedBoundaries(boundaries, through: pipeline, districts: style.officialDistricts)
        towns = KeyTown.placed(gazetteer: gazetteer, projection: projection, frame: frame)
        self.prefix = prefix
        self.furniture = furniture
        self.inset = inset
        self.covered = covered
        self.labelsBorder = labelsBorder
    }
}
