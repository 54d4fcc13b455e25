/// Reads the killed and injured a sentence reports: "killing at least 12 people and wounding 30 others",
/// "eight khwarij were killed", "between 56 and 63 people died", "the death toll rose to 63". Numbers in
/// parentheses (ages), dates, subsets ("including two children") and measures ("4 km") are left out.
enum CasualtyReader {
    private static let killVerbs: Set<String> = ["killing", "killed", "kills", "kill"]
    private static let injureVerbs: Set<String> = ["injuring", "injured", "injures", "wounding", "wounded", "wounds", "hurting"]
    private static let killCues: Set<String> = ["killed", "dead", "died", "deaths", "martyred", "shahadat", "perished", "lives", "slain", "fatalities"]
    private static let injuryCues: Set<String> = ["injured", "wounded", "hurt", "injuries", "wounds"]
    private static let tollRises: Set<String> = ["rose", "risen", "climbed", "increased", "reached", "jumped", "mounted", "rises", "climbs"]
    private static let subsetWords: Set<String> = ["including", "among", "of"]
    private static let units: Set<String> = [
        "km", "kilometres", "kilometers", "miles", "metres", "meters", "am", "pm", "hours", "hour", "days", "day", "weeks", "months",
        "years", "year", "percent", "%", "kg", "minutes", "times", "districts", "provinces", "cases", "per",
    ]

    /// `excluded`: token indexes already read as dates.
    static func mentions(in t: [Token], text: String, excluded: Set<Int>) -> [CasualtyMention] {
        var depth = 0
        var w: [Int] = []
        for (i, token) in t.enumerated() {
            if token.lower == "(" { depth += 1; continue }
            if token.lower == ")" { depth = max(0, depth - 1); continue }
            if depth == 0, !excluded.contains(i) { w.append(i) }
        }
        var used = Set<Int>()
        var found: [CasualtyMention] = []
        // Verb first: "killing at least 12 people", "injured six others".
        for (p, index) in w.enumerated() {
            let word = t[index].lower
            let previous = p > 0 ? t[w[p - 1]].lower : ""
            let shotDead = (word == "dead" && previous == "shot") || (word == "down" && previous == "gunned")
            let category: CasualtyMention.Category? = killVerbs.contains(word) || shotDead ? .killed : injureVerbs.contains(word) ? .injured : nil
            guard let category, let read = figure(t, w, at: p + 1), !read.positions.contains(where: used.contains) else { continue }
            read.positions.forEach { used.insert($0) }
            found.append(CasualtyMention(category: category, figure: read.figure, noun: noun(t, w, after: read.end), isTollUpdate: false,
                                         text: t.text(index..<(w[read.end - 1] + 1), in: text)))
        }
        // Number first: "eight khwarij were killed", "two soldiers … embraced shahadat", "56 and 63 people died".
        var p = 0
        while p < w.count {
            guard !used.contains(p), let read = figure(t, w, at: p), !read.positions.contains(where: used.contains) else { p += 1; continue }
            if p > 0, subsetWords.contains(t[w[p - 1]].lower) || (p > 1 && t[w[p - 2]].lower == "among") {
                read.positions.forEach { used.insert($0) }
                p = read.end
                continue
            }
            var q = read.end
            var category: CasualtyMention.Category?
            while q < w.count, q - read.end <= 12 {
                let word = t[w[q]].lower
                if [".", ";", "?", "!"].contains(word) || NumberWords.read(t, at: w[q]) != nil && q > read.end { break }
                if killVerbs.contains(word) && word != "killed" || injureVerbs.contains(word) && !["injured", "wounded"].contains(word) { break }
                if killCues.contains(word) { category = .killed; break }
                if injuryCues.contains(word) { category = .injured; break }
                q += 1
            }
            let before = t[w[max(0, p - 4)]..<w[p]]
            let afterToll = before.contains { $0.lower == "toll" }
            let toll = afterToll && before.contains { Self.tollRises.contains($0.lower) }
            if afterToll { category = .killed }
            if let category {
                read.positions.forEach { used.insert($0) }
                found.append(CasualtyMention(category: category, figure: read.figure, noun: noun(t, w, after: read.end), isTollUpdate: toll,
                                             text: t.text(w[p]..<(w[min(q, w.count - 1)] + 1), in: text)))
                p = read.end
            } else {
                p += 1
            }
        }
        return found
    }

    /// A figure at filtered position `p`: qualifiers, a number or a range, "+": the figure, the positions it used and the end.
    private static func figure(_ t: [Token], _ w: [Int], at start: Int) -> (figure: CasualtyFigure, positions: [Int], end: Int)? {
        var p = start
        var open = false
        var approximate = false
        var range = false
        func word(_ k: Int) -> String { k < w.count ? t[w[k]].lower : "" }
        switch (word(p), word(p + 1)) {
        case ("at", "least"), ("more", "than"), ("upwards", "of"), ("no", "fewer"): open = true; p += 2
        case ("over", _), ("above", _): open = true; p += 1
        case ("as", "many"): approximate = true; p += 3
        case ("up", "to"): approximate = true; p += 2
        case ("nearly", _), ("about", _), ("around", _), ("approximately", _), ("roughly", _), ("almost", _), ("some", _), ("an", "estimated"), ("estimated", _):
            approximate = true; p += word(p) == "an" ? 2 : 1
        case ("between", _): range = true; p += 1
        default: break
        }
        if word(p) == "fewer", word(p + 1) == "than" { p += 2 }
        guard p < w.count, let (value, endToken) = NumberWords.read(t, at: w[p]) else { return nil }
        var end = p + 1
        while end < w.count, w[end] < endToken { end += 1 }
        if units.contains(word(end)) || (value > 1900 && value < 2100 && t[w[p]].text.count == 4) { return nil }
        var figure = CasualtyFigure(low: value, high: open ? nil : value, isApproximate: approximate)
        if ["and", "to", "-", "–", "or"].contains(word(end)), (range || word(end) != "and"), end + 1 < w.count,
           let (second, secondEnd) = NumberWords.read(t, at: w[end + 1]), second > value {
            figure = CasualtyFigure(low: value, high: second)
            end += 2
            while end < w.count, w[end] < secondEnd { end += 1 }
        } else if range {
            return nil
        }
        if word(end) == "+" { figure.high = nil; end += 1 }
        if word(end) == "dozen" { return nil }
        return (figure, Array(start..<end), end)
    }

    /// The first word after the figure, past "other", "more", "of" and "the": "people", "soldiers", "attackers".
    private static func noun(_ t: [Token], _ w: [Int], after end: Int) -> String? {
        for k in end..<min(w.count, end + 4) {
            let token = t[w[k]]
            guard token.isWord else { return nil }
            if ["other", "more", "of", "the", "were", "was", "also"].contains(token.lower) { continue }
            return token.lower
        }
        return nil
    }
}
