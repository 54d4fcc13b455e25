import GeoKit
import EventModel
import EventFormats
import GeoReference
/// Words around a name that are not part of it: fillers ("in", "the"), approximations ("near X",
/// "X area") and generic unit words ("X district", "X valley") that hint at the unit's kind.
enum QueryWords {
    struct Stripped {
        var tokens: [Substring]
        var changed: Bool
        var preferredKind: NameCandidate.Kind?
    }

    static let leadingFillers: [[Substring]] = [["in", "the"], ["at", "the"], ["in"], ["at"], ["the"]]

    static let leadingApproximations: [[Substring]] = [
        ["on", "the", "outskirts", "of"], ["in", "the", "outskirts", "of"], ["in", "the", "vicinity", "of"],
        ["in", "the", "suburbs", "of"], ["outskirts", "of"], ["vicinity", "of"], ["suburbs", "of"], ["near", "to"],
        ["close", "to"], ["near"], ["nearby"], ["outside"], ["around"], ["north", "of"], ["south", "of"], ["east", "of"],
        ["west", "of"], ["northeast", "of"], ["northwest", "of"], ["southeast", "of"], ["southwest", "of"],
    ]

    static let trailingApproximations: [[Substring]] = [
        ["border", "area"], ["border", "region"], ["border", "areas"], ["area"], ["areas"], ["region"], ["bazaar"],
        ["bazar"], ["vicinity"], ["outskirts"], ["suburbs"], ["surroundings"], ["locality"],
    ]

    static let trailingGeneric: [([Substring], NameCandidate.Kind?)] = [
        (["tribal", "district"], .district), (["district"], .district), (["agency"], .district), (["tehsil"], nil),
        (["subdivision"], nil), (["province"], .province), (["city"], .place), (["town"], .place),
        (["village"], .place), (["valley"], .place), (["cantonment"], .place), (["cantt"], .place),
        (["border", "crossing"], .place), (["crossing"], .place), (["border"], .place), (["range"], .place),
        (["mountains"], .place), (["river"], .place),
        // Landmarks inside a place: "Peshawar café", "Quetta railway station" are in the place, at its precision.
        (["cafe"], nil), (["hotel"], nil), (["market"], nil), (["mosque"], nil), (["school"], nil), (["hospital"], nil),
        (["railway", "station"], nil), (["police", "station"], nil), (["bus", "station"], nil), (["chowk"], nil),
        (["press", "club"], nil), (["university"], nil), (["college"], nil), (["airport"], nil),
    ]

    static let leadingGeneric: [([Substring], NameCandidate.Kind?)] = [
        (["district", "of"], .district), (["district"], .district), (["province", "of"], .province),
        (["province"], .province), (["wilayat", "e"], .province), (["velayat", "e"], .province),
        (["city", "of"], .place), (["town", "of"], .place), (["village", "of"], .place), (["tehsil"], nil),
    ]

    private static let approximationEdges: (first: Set<Substring>, last: Set<Substring>) = (
        Set((leadingApproximations + leadingFillers).map { $0[0] }), Set(trailingApproximations.map { $0[$0.count - 1] })
    )

    private static let genericEdges: (first: Set<Substring>, last: Set<Substring>) = (
        Set(leadingGeneric.map { $0.0[0] }), Set(trailingGeneric.map { $0.0[$0.0.count - 1] })
    )

    /// The range of `tokens` left after leading fillers and approximations; `isApproximate` says
    /// whether "near"-like words went.
    static func stripApproximations(_ tokens: [Substring]) -> (range: Range<Int>, isApproximate: Bool) {
        guard tokens.count > 1, let first = tokens.first, let last = tokens.last,
              approximationEdges.first.contains(first) || approximationEdges.last.contains(last) else {
            return (0..<tokens.count, false)
        }
        var tokens = tokens[...]
        var isApproximate = false
        var changed = true
        while changed && tokens.count > 1 {
            changed = false
            if let prefix = leadingApproximations.first(where: { startsWith(tokens, $0) }), prefix.count < tokens.count {
                tokens = tokens.dropFirst(prefix.count); isApproximate = true; changed = true
            } else if let suffix = trailingApproximations.first(where: { endsWith(tokens, $0) }), suffix.count < tokens.count {
                tokens = tokens.dropLast(suffix.count); isApproximate = true; changed = true
            } else if let filler = leadingFillers.first(where: { startsWith(tokens, $0) }), filler.count < tokens.count {
                tokens = tokens.dropFirst(filler.count); changed = true
            }
        }
        return (tokens.startIndex..<tokens.endIndex, isApproximate)
    }

    /// Drops generic unit words at either end, remembering the kind they point to.
    static func stripGeneric(_ tokens: [Substring]) -> Stripped {
        guard tokens.count > 1, let first = tokens.first, let last = tokens.last,
              genericEdges.first.contains(first) || genericEdges.last.contains(last) else {
            return Stripped(tokens: tokens, changed: false, preferredKind: nil)
        }
        var tokens = tokens[...]
        var kind: NameCandidate.Kind?
        var changed = false
        var progressed = true
        while progressed && tokens.count > 1 {
            progressed = false
            if let (suffix, suffixKind) = trailingGeneric.first(where: { endsWith(tokens, $0.0) }), suffix.count < tokens.count {
                tokens = tokens.dropLast(suffix.count); kind = kind ?? suffixKind; progressed = true
            } else if let (prefix, prefixKind) = leadingGeneric.first(where: { startsWith(tokens, $0.0) }), prefix.count < tokens.count {
                tokens = tokens.dropFirst(prefix.count); kind = kind ?? prefixKind; progressed = true
            }
            changed = changed || progressed
        }
        return Stripped(tokens: Array(tokens), changed: changed, preferredKind: kind)
    }

    /// "X of Y", "X in Y" → (X, Y), splitting at the last such word.
    static func splitRelation(_ tokens: [Substring]) -> (inner: [Substring], outer: [Substring])? {
        guard tokens.count >= 3,
              let index = tokens.indices.dropFirst().dropLast().last(where: { tokens[$0] == "of" || tokens[$0] == "in" }) else {
            return nil
        }
        return (Array(tokens[..<index]), Array(tokens[(index + 1)...]))
    }

    private static func startsWith(_ tokens: ArraySlice<Substring>, _ prefix: [Substring]) -> Bool {
        tokens.count >= prefix.count && zip(tokens, prefix).allSatisfy { $0 == $1 }
    }

    private static func endsWith(_ tokens: ArraySlice<Substring>, _ suffix: [Substring]) -> Bool {
        tokens.count >= suffix.count && zip(tokens.suffix(suffix.count), suffix).allSatisfy { $0 == $1 }
    }
}
