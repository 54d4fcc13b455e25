import Foundation
import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis

/// The few event-type categories a map tells apart by symbol shape.
enum EventCategory: Int, CaseIterable, Comparable {
    case explosions, battles, civilians, strategic, other

    init(eventType: String?) {
        let t = (eventType ?? "").lowercased()
        if t.contains("explosion") || t.contains("remote") || t.contains("bomb") || t.contains("airstrike") || t.contains("shelling") {
            self = .explosions
        } else if t.contains("battle") || t.contains("clash") || t.contains("armed") {
            self = .battles
        } else if t.contains("civilian") {
            self = .civilians
        } else if t.contains("strategic") || t.contains("arrest") || t.contains("release") || t.contains("prison") {
            self = .strategic
        } else {
            self = .other
        }
    }

    var label: String {
        switch self {
        case .explosions: "Explosions / remote violence"
        case .battles: "Battles"
        case .civilians: "Violence against civilians"
        case .strategic: "Strategic developments (arrests, releases)"
        case .other: "Other event types"
        }
    }

    var shape: SymbolShape {
        switch self {
        case .explosions: .circle
        case .battles: .square
        case .civilians: .triangle
        case .strategic: .diamond
        case .other: .cross
        }
    }

    static func < (a: EventCategory, b: EventCategory) -> Bool { a.rawValue < b.rawValue }
}

/// How an event's attribution is drawn: claimed events filled, attributed/alleged/disputed ones hatched and
/// outlined, unclaimed or unspecified ones grey. The map never turns an attribution into a claim.
enum AttributionStyle: Int, CaseIterable, Comparable {
    case claimed, attributed, unclaimed

    init(_ attribution: Attribution) {
        switch attribution {
        case .claimed: self = .claimed
        case .attributed, .alleged, .disputed: self = .attributed
        case .unclaimed, .unspecified: self = .unclaimed
        }
    }

    var cssClass: String {
        switch self {
        case .claimed: "ec"
        case .attributed: "ea"
        case .unclaimed: "eu"
        }
    }

    /// Located only to a district: the same colour, hollow.
    var hollowClass: String {
        switch self {
        case .claimed: "hc"
        case .attributed: "ha"
        case .unclaimed: "hu"
        }
    }

    var label: String {
        switch self {
        case .claimed: "Claimed by the actor named (filled)"
        case .attributed: "Attributed, alleged or disputed — not claimed (hatched)"
        case .unclaimed: "Unclaimed or attribution not reported (grey)"
        }
    }

    static func < (a: AttributionStyle, b: AttributionStyle) -> Bool { a.rawValue < b.rawValue }
}

/// Symbol outlines of equal area for equal `r` (area = πr²), centred on (0, 0), so symbol area reads the same
/// whatever the shape.
enum SymbolShape: String {
    case circle = "c", square = "s", triangle = "t", diamond = "d", cross = "x"

    /// Path data of the symbol with area πr², centred on the origin.
    func pathData(r: Double) -> String {
        func n(_ v: Double) -> String { NumberFormatting.string(v, decimals: 1) }
        switch self {
        case .circle:
            return "M\(n(-r)) 0a\(n(r)) \(n(r)) 0 1 0 \(n(2 * r)) 0a\(n(r)) \(n(r)) 0 1 0 \(n(-2 * r)) 0z"
        case .square:
            let h = r * Double.pi.squareRoot() / 2
            return "M\(n(-h)) \(n(-h))h\(n(2 * h))v\(n(2 * h))h\(n(-2 * h))z"
        case .triangle:
            let s = r * (4 * Double.pi / 3.0.squareRoot()).squareRoot(), height = s * 3.0.squareRoot() / 2
            return "M0 \(n(-2 * height / 3))L\(n(s / 2)) \(n(height / 3))H\(n(-s / 2))z"
        case .diamond:
            let d = r * (Double.pi / 2).squareRoot()
            return "M0 \(n(-d))L\(n(d)) 0 0 \(n(d))\(n(-d)) 0z"
        case .cross:
            let u = r * (Double.pi / 5).squareRoot(), h = u / 2
            return "M\(n(-h)) \(n(-3 * h))h\(n(u))v\(n(u))h\(n(u))v\(n(u))h\(n(-u))v\(n(u))h\(n(-u))v\(n(-u))h\(n(-u))v\(n(-u))h\(n(u))z"
        }
    }

    /// Half the width and half the height of the symbol's box for radius `r` (for label collision).
    func halfExtent(r: Double) -> Double {
        switch self {
        case .circle: r
        case .square: r * Double.pi.squareRoot() / 2
        case .triangle: r * (4 * Double.pi / 3.0.squareRoot()).squareRoot() / 2
        case .diamond: r * (Double.pi / 2).squareRoot()
        case .cross: r * (Double.pi / 5).squareRoot() * 1.5
        }
    }
}

/// Symbol sizes: area proportional to the reported low fatality figure, with a floor so small figures stay
/// visible; "not reported" and "none" take the smallest size (told apart by the edge: dashed when not reported),
/// and any reported death is a step larger; `k` scales for small multiples. Radii are kept to 0.25 px steps so equal
/// sizes share one definition in `<defs>`.
struct SymbolSizes {
    var k: Double
    /// Radius of an event whose toll is unknown or zero.
    var minimum: Double { 2.6 * k }
    /// Radius per √fatality.
    var perRootFatality: Double { 1.55 * k }

    func radius(fatalities: Int?) -> Double {
        guard let f = fatalities, f > 0 else { return quantised(minimum) }
        return quantised(max(minimum + 0.8 * k, perRootFatality * Double(f).squareRoot()))
    }

    /// Radius of the district circle for an event count (area ∝ count).
    func districtRadius(count: Int) -> Double { quantised(4.2 * k * Double(max(count, 1)).squareRoot()) }

    func quantised(_ r: Double) -> Double { (r * 4).rounded() / 4 }
}

/// The `<defs>` entries a map needs, each written once and placed with `<use>`.
final class SymbolDefinitions {
    private(set) var entries: [String: String] = [:]

    /// The id of the symbol of `shape` with radius `r`, defining it on first use.
    func id(_ shape: SymbolShape, r: Double) -> String {
        let id = "\(shape.rawValue)\(Int((r * 100).rounded()))"
        if entries[id] == nil { entries[id] = shape.pathData(r: r) }
        return id
    }

    func write(to doc: SVGDocument) {
        for key in entries.keys.sorted() {
            doc.raw("<path id=\"\(key)\" d=\"\(entries[key]!)\"/>")
        }
    }
}
