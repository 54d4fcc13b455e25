import GeoReference

/// Finds gazetteer names (places, districts, provinces, countries) in a sentence, says what each does
/// there and links qualifiers ("Khar, Bajaur", "Barmal district of Paktika", "Jalalabad, the capital of Nangarhar").
struct PlaceMentionFinder: Sendable {
    private var index = NameKeyIndex()

    init(gazetteer: Gazetteer) {
        func add(_ names: [String]) {
            for name in names {
                index.add(name)
                if let head = NameKeyIndex.head(name) { index.add(head) }
            }
        }
        for place in gazetteer.places { add([place.name] + place.aliases) }
        for district in gazetteer.districts { add([district.name] + district.aliases) }
        for province in gazetteer.provinces { add([province.name] + province.aliases) }
        for country in gazetteer.countries { add([country.name] + country.aliases.filter { $0.count > 2 }) }
    }

    /// Words that are also gazetteer names but usually plain English at the start of a sentence.
    private static let sentenceStartWords: Set<String> = ["tank", "hub", "mach", "dera", "spin", "bara", "wesh"]
    static let unitWords: Set<String> = ["district", "province", "city", "town", "village", "tehsil", "area", "border", "region",
                                         "valley", "agency", "division", "subdivision", "crossing", "bazaar", "market"]
    private static let chainWords: Set<String> = [",", "of", "in", "the", "capital", "headquarters", "district", "province", "city", "area", "region"]
    private static let originBeforeFrom: Set<String> = [
        "came", "come", "comes", "coming", "infiltrate", "infiltrated", "infiltrating", "infiltration", "crossed", "cross", "crossing",
        "entered", "operate", "operates", "operating", "planned", "directed", "orchestrated", "launched", "fired", "firing", "shelling",
        "sneaked", "slipped", "travelled", "traveled", "arrived", "controlled", "masterminded", "sent", "dispatched",
    ]
    private static let originBeforeIn: Set<String> = [
        "sanctuaries", "sanctuary", "havens", "haven", "hideouts", "hideout", "bases", "camps", "trained", "headquartered",
        "planned", "hiding", "sheltering", "sheltered", "harboured", "harbored", "safe",
    ]
    private static let reportingVerbs: Set<String> = ["said", "says", "has", "have", "had", "rejected", "rejects", "denied", "denies", "blamed",
                                                      "blames", "accused", "accuses", "claimed", "insists", "insisted", "told", "warned", "condemned"]

    /// Mentions in `tokens` from `start` (after a dateline), outside the token ranges `excluded` (group names).
    func mentions(in tokens: [Token], text: String, from start: Int, excluded: [Range<Int>]) -> [PlaceMention] {
        var found: [PlaceMention] = []
        var i = start
        while i < tokens.count {
            if excluded.contains(where: { $0.contains(i) }) { i += 1; continue }
            let token = tokens[i]
            guard token.isWord, token.isCapitalized || token.isAllCaps,
                  !(i == start && Self.sentenceStartWords.contains(token.lower)),
                  let (end, _) = index.longestMatch(in: tokens, at: i, accept: { key, range in
                      !excluded.contains { $0.overlaps(range) } && writtenAsListed(key, tokens[range.lowerBound])
                  }) else {
                i += 1
                continue
            }
            var mention = PlaceMention(tokens: i..<end, text: tokens.text(i..<end, in: text), role: role(tokens, i, end))
            if end < tokens.count, Self.unitWords.contains(tokens[end].lower) { mention.unitWord = String(tokens[end].text) }
            found.append(mention)
            i = end
        }
        linkQualifiers(&found, tokens)
        return found
    }

    /// Acronyms ("ICT", "DIK") only in capitals, as listed.
    private func writtenAsListed(_ key: String, _ first: Token) -> Bool {
        guard let names = index.names[key] else { return false }
        return names.contains { name in
            let isAcronym = name.count <= 4 && name.allSatisfy { $0.isUppercase || $0 == "." }
            return !isAcronym || first.isAllCaps
        }
    }

    private func role(_ t: [Token], _ start: Int, _ end: Int) -> PlaceMention.Role {
        var before = start > 0 ? t[start - 1].lower : ""
        var at = start - 1
        if before == "the", start >= 2 { before = t[start - 2].lower; at = start - 2 }
        let beforeThat = at >= 1 ? t[at - 1].lower : ""
        if before == "of", ["resident", "residents", "native", "natives", "inhabitant", "inhabitants"].contains(beforeThat) { return .residence }
        if before == "from", ["hailing", "hails", "hailed"].contains(beforeThat) { return .residence }
        if before == "from", t.hasWord(Self.originBeforeFrom, before: at, within: 5) { return .origin }
        if before == "in" || before == "inside", t.hasWord(Self.originBeforeIn, before: at, within: 3) || beforeThat == "based" && (at < 2 || t[at - 2].lower != "intelligence") {
            return .origin
        }
        if t.hasWord(["hospital", "hospitals"], before: start, within: 4) || t.hasWord(["shifted", "taken", "referred", "rushed"], before: start, within: 4) && t.hasWord(["to"], before: start, within: 3) {
            return .destination
        }
        if end < t.count, Self.reportingVerbs.contains(t[end].lower) {
            let verb = t[end].lower
            if ["has", "have", "had"].contains(verb) {
                if end + 1 < t.count, Self.reportingVerbs.contains(t[end + 1].lower) { return .speaker }
            } else {
                return .speaker
            }
        }
        return .location
    }

    /// Links each mention to the next when only unit words, commas, "of", "in", "the", "capital" stand between.
    private func linkQualifiers(_ mentions: inout [PlaceMention], _ t: [Token]) {
        guard mentions.count > 1 else { return }
        for k in 0..<(mentions.count - 1) {
            let gap = mentions[k].tokens.upperBound..<mentions[k + 1].tokens.lowerBound
            guard gap.count <= 5, gap.allSatisfy({ Self.chainWords.contains(t[$0].lower) || Self.unitWords.contains(t[$0].lower) }),
                  !gap.isEmpty || mentions[k].tokens.upperBound == mentions[k + 1].tokens.lowerBound,
                  mentions[k + 1].role == .location || mentions[k + 1].role == mentions[k].role else { continue }
            mentions[k].qualifier = k + 1
            mentions[k + 1].isQualifier = true
            mentions[k + 1].role = mentions[k].role
        }
    }
}
