import GeoKit

/// One panel being drawn: its template, the events inside its frame with their district totals, what they add up
/// to, and what the layers drawn so far leave for those above — what labels must keep clear of, and counts.
struct MapDrawingContext {
    let template: PanelTemplate
    /// The events inside the frame (under an aggregate: only those with an origin line to draw).
    let events: [PanelEvent]
    /// What the panel's events add up to (district values, hexagonal bins).
    let aggregate: PanelAggregate
    /// Origin → event links of the panel when already worked out (nil: from `events`).
    var links: [MapLink]?
    /// Events per district id.
    let districtCounts: [String: Int]
    /// The headquarters of the districts with events, most events first.
    let headquarters: [DistrictHeadquarters]
    /// Layers add their symbols as obstacles; the labels layer places the labels.
    var labels: LabelPlacer
    var stats = PanelStats()

    init(template: PanelTemplate, events: [PanelEvent], aggregate: PanelAggregate? = nil) {
        self.template = template
        let frame = template.frame
        self.events = events.filter { $0.point.x.isFinite && frame.contains($0.point) }
        stats.outside = events.count - self.events.count
        let counts = aggregate?.districtEvents ?? PanelEvent.districtCounts(self.events)
        self.aggregate = aggregate ?? PanelAggregate(districtEvents: counts)
        districtCounts = counts
        headquarters = template.style.mode == .points ? DistrictHeadquarters.located(counts: counts, template: template) : []
        labels = LabelPlacer(frame: frame, barriers: template.labelBarriers)
        labels.allowsLeaders = template.style.k >= 0.9
        if let furniture = template.furniture { labels.addObstacle(furniture) }
        for box in template.covered { labels.addObstacle(box) }
    }

    var frame: Envelope { template.frame }
    var style: MapStyle { template.style }
    var projection: MapProjection { template.projection }
    var drawsPoints: Bool { style.mode == .points }
}

/// What one panel drew.
struct PanelStats {
    var drawn = 0
    var outside = 0
    var links = 0
    /// Events nudged off an exact twin.
    var dodged = 0
    /// Labels left out for lack of room.
    var dropped: [String] = []
}
