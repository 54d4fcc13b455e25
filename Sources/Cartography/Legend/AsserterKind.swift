/// Who asserts a claim, sorted into kinds for the legend (a count per kind; no kind weighs more than another):
/// read from the asserter's name as the source gives it.
enum AsserterKind: Int, CaseIterable, Comparable {
    case government, un, group, researchers, media, other

    init(_ asserter: String?) {
        let text = (asserter ?? "").lowercased()
        func has(_ words: [String]) -> Bool { words.contains { text.contains($0) } }
        if has(["united nations", "unama", "monitoring team", "security council"]) || text == "un" || text.hasPrefix("un ") {
            self = .un
        } else if has(["government", "ministry", "ispr", "army", "police", "counter terrorism", "authorities", "governor", "spokesman",
                       "spokesperson", "official", "president", "minister", "military", "department of state", "irgc", "ctd"]) {
            self = .government
        } else if has(["claim", "amaq", "statement by the group", "group itself", "umar media", "media outlet of"]) {
            self = .group
        } else if has(["research", "analyst", "ctc", "cisac", "institute", "university", "acled", "ucdp"]) {
            self = .researchers
        } else if has(["reuters", "dawn", "media", "news", "agency", "afp", "bbc", "press", "tribune", "post"]) {
            self = .media
        } else {
            self = .other
        }
    }

    var label: String {
        switch self {
        case .government: "governments and de facto authorities"
        case .un: "UN bodies"
        case .group: "the group itself"
        case .researchers: "researchers"
        case .media: "media reports"
        case .other: "others"
        }
    }

    static func < (a: AsserterKind, b: AsserterKind) -> Bool { a.rawValue < b.rawValue }

    /// "Origin claims by who asserts them: governments and de facto authorities 12, UN bodies 3, …".
    static func summary(_ asserters: [String?]) -> String? {
        guard !asserters.isEmpty else { return nil }
        var byName: [String: Int] = [:]
        for asserter in asserters { byName[asserter ?? "", default: 0] += 1 }
        var counts: [AsserterKind: Int] = [:]
        for (asserter, n) in byName { counts[AsserterKind(asserter.isEmpty ? nil : asserter), default: 0] += n }
        return "Origin claims by who asserts them: " + counts.keys.sorted().map { "\($0.label) \(MapCount.text(counts[$0]!))" }.joined(separator: ", ")
            + ". All drawn alike: the map does not weigh one asserter above another."
    }
}
