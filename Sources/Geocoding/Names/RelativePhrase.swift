import Foundation
import GeoKit
import EventModel
import EventFormats
import GeoReference

/// A place given relative to another: "Dargai Military Base - 100km north of Peshawar", "10 km from Quetta",
/// "Shamozai near Kabal". The reference is where the text points from, never where the event was: the
/// geocoder places such a text no finer than the reference's district, or only its province when far.
struct RelativePhrase: Equatable {
    /// Words before the relation ("dargai military base"); empty when the text starts with it.
    var head: Range<Int>
    /// Words of the reference place ("peshawar").
    var reference: Range<Int>
    var km: Double?
    /// Degrees clockwise from north.
    var bearing: Double?

    static let bearings: [[Substring]: Double] = [
        ["north"]: 0, ["northeast"]: 45, ["north", "east"]: 45, ["east"]: 90, ["southeast"]: 135, ["south", "east"]: 135,
        ["south"]: 180, ["southwest"]: 225, ["south", "west"]: 225, ["west"]: 270, ["northwest"]: 315, ["north", "west"]: 315,
        ["n"]: 0, ["ne"]: 45, ["e"]: 90, ["se"]: 135, ["s"]: 180, ["sw"]: 225, ["w"]: 270, ["nw"]: 315,
    ]
    private static let units: [Substring: Double] = [
        "km": 1, "kms": 1, "kilometre": 1, "kilometres": 1, "kilometer": 1, "kilometers": 1, "mi": 1.609, "mile": 1.609, "miles": 1.609,
    ]
    private static let nearWords: [[Substring]] = [["near"], ["close", "to"], ["near", "to"], ["outside"], ["in", "the", "vicinity", "of"], ["vicinity", "of"]]
    private static let hedges: Set<Substring> = ["about", "some", "approximately", "approx", "around", "roughly", "nearly", "almost"]

    /// Finds the relation in the normalised words of a text, or nil when there is none (or only a leading
    /// "near X" / "north of X", which the approximation words already read).
    static func parse(_ tokens: [Substring]) -> RelativePhrase? {
        guard tokens.count >= 2 else { return nil }
        for index in tokens.indices where tokens[index] == "of" || tokens[index] == "from" {
            guard index + 1 < tokens.count else { continue }
            var start = index
            var bearing: Double?
            for width in [2, 1] where start - width >= 0 {
                if let found = bearings[Array(tokens[(start - width)..<start])] {
                    // Single letters ("n of") count only after a distance.
                    if width == 1 && tokens[start - 1].count <= 2 && !(start >= 2 && distance(tokens, endingAt: start - 1) != nil) { continue }
                    bearing = found
                    start -= width
                    break
                }
            }
            var km: Double?
            if let found = distance(tokens, endingAt: start) {
                km = found.km
                start = found.start
            }
            guard km != nil || bearing != nil else { continue }
            if tokens[index] == "from" && km == nil { continue }
            while start > 0, hedges.contains(tokens[start - 1]) { start -= 1 }
            if start == 0 && km == nil { return nil }  // "north of X": an approximation word
            return RelativePhrase(head: 0..<start, reference: (index + 1)..<tokens.count, km: km, bearing: bearing)
        }
        for index in tokens.indices.dropFirst() {
            for words in nearWords where index + words.count < tokens.count && Array(tokens[index..<(index + words.count)]) == words {
                return RelativePhrase(head: 0..<index, reference: (index + words.count)..<tokens.count, km: nil, bearing: nil)
            }
        }
        return nil
    }

    /// "100km", "100 km", "100 kilometres" ending just before `end`: the distance in km and where it starts.
    private static func distance(_ tokens: [Substring], endingAt end: Int) -> (km: Double, start: Int)? {
        guard end >= 1 else { return nil }
        let last = tokens[end - 1]
        if let unit = units.first(where: { last.hasSuffix($0.key) && last.count > $0.key.count }),
           let value = Double(last.dropLast(unit.key.count)) {
            return (value * unit.value, end - 1)
        }
        if let unit = units[last], end >= 2, let value = Double(tokens[end - 2]) {
            return (value * unit, end - 2)
        }
        return nil
    }

    /// "100 km north of Peshawar" for notes.
    var description: String {
        let distance = km.map { "about \(Int($0.rounded())) km" }
        let direction = bearing.map { RelativePhrase.bearingName($0) }
        return [distance, direction].compactMap { $0 }.joined(separator: " ")
    }

    static func bearingName(_ degrees: Double) -> String {
        ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"][Int((degrees / 45).rounded()) % 8]
    }
}
