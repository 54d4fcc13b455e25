import GeoKit
import GeoReference

/// The Line of Control in Jammu and Kashmir, derived from the boundary data rather than drawn by hand: the stretch
/// of boundary that Pakistan's Gilgit-Baltistan and Azad Jammu and Kashmir share with India in Natural Earth's
/// outlines (which show the de facto line). It is drawn as its own dotted line, never as an international
/// boundary, and any map whose extent includes Kashmir carries the note below (after the UN's practice).
enum LineOfControl {
    static let label = "Line of Control (approximate)"
    /// Azad Jammu and Kashmir, Gilgit-Baltistan.
    static let provinceIDs: Set<String> = ["PK1", "PK3"]
    static let indiaID = "IND"
    static let note = "The dotted line shows only approximately the Line of Control in Jammu and Kashmir agreed by India and "
        + "Pakistan; the parties have not yet agreed the final status of Jammu and Kashmir."
    /// The mark set after the names of areas the note concerns.
    static let mark = "*"

    /// The line in lon/lat, merged; nil when the data has no such shared boundary (no India or no AJK/GB).
    static func derive(_ boundaries: BoundaryData, context: GEOSContext) throws -> Geometry? {
        let kashmir = try boundaries.provinces.filter { provinceIDs.contains($0.id) }.map { try Geometry(wkb: $0.wkb, in: context) }
        guard !kashmir.isEmpty, let india = boundaries.countries.first(where: { $0.id == indiaID }) else { return nil }
        let pakistaniSide = try Geometry.collection(.geometryCollection, kashmir, in: context).unaryUnion().boundary()
        let indianSide = try Geometry(wkb: india.wkb, in: context).boundary()
        let shared = try pakistaniSide.intersection(indianSide)
        guard !shared.isEmpty, try shared.length() > 0 else { return nil }
        return (try? shared.lineMerge()) ?? shared
    }
}
