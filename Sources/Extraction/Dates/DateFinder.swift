import EventModel

/// Finds the dates a sentence names: absolute days, months and years, and relative ones ("yesterday",
/// "on Sunday", "last Tuesday", "in July", "last week"), read against the document date.
struct DateFinder {
    /// The document's date; nil when unknown (relative dates then stay unread, with a reason).
    let documentDay: CivilDay?
    let documentDateSource: String?

    static let monthNumbers: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
        "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]
    static let weekdayNumbers: [String: Int] = [
        "sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    ]
    static let monthPrepositions: Set<String> = ["in", "during", "early", "late", "mid", "since", "until", "by", "of", "last", "this", "from", "through", "till", "-"]
    private static let boundWords: Set<String> = ["since", "until", "till", "through", "period", "from", "between", "next", "coming", "upcoming"]
    private static let countNouns: Set<String> = ["people", "persons", "civilians", "soldiers", "militants", "men", "women", "children", "km", "kilometres", "kilometers", "miles", "metres", "meters", "houses", "families", "troops", "policemen"]

    /// Dates in `tokens`, leaving out tokens before `start` (a dateline).
    func dates(in tokens: [Token], text: String, from start: Int = 0) -> [DateMention] {
        var found: [DateMention] = []
        var i = start
        while i < tokens.count {
            if let (end, days) = Self.relativeToPrevious(tokens, at: i) {
                found.append(DateMention(tokens: i..<end, text: tokens.text(i..<end, in: text), date: nil,
                                         reading: "'\(tokens.text(i..<end, in: text))' counts from the event told before", isBound: false,
                                         daysAfterPreviousEvent: days))
                i = end
                continue
            }
            if let (end, date, reading) = read(tokens, at: i) {
                let bound = tokens.hasWord(Self.boundWords, before: i, within: 2) || (date.map { isFuture($0) } ?? false)
                found.append(DateMention(tokens: i..<end, text: tokens.text(i..<end, in: text), date: date, reading: reading, isBound: bound))
                i = end
            } else {
                i += 1
            }
        }
        return found
    }

    private func read(_ t: [Token], at i: Int) -> (Int, EventDate?, String?)? {
        if let found = iso(t, i) ?? dayMonth(t, i) ?? monthDay(t, i) ?? monthYear(t, i) { return found }
        if let found = bareMonth(t, i) ?? weekday(t, i) ?? relativeWord(t, i) ?? yearOnly(t, i) { return found }
        return nil
    }

    func month(_ token: Token) -> Int? {
        guard token.isCapitalized else { return nil }
        return Self.monthNumbers[token.lower]
    }

    private func day(_ token: Token) -> Int? {
        guard let value = token.number, (1...31).contains(value), token.text.prefix(while: \.isNumber).count <= 2 else { return nil }
        return value
    }

    private func year(_ token: Token) -> Int? {
        guard let value = token.number, token.text.count == 4, (1900...2100).contains(value) else { return nil }
        return value
    }

    // 2025-03-02
    private func iso(_ t: [Token], _ i: Int) -> (Int, EventDate?, String?)? {
        guard i + 4 < t.count, let y = year(t[i]), t[i + 1].lower == "-", let m = t[i + 2].number, t[i + 3].lower == "-",
              let d = t[i + 4].number, !t[i + 1].spaceBefore, !t[i + 2].spaceBefore,
              let date = try? EventDate(year: y, month: m, day: d) else { return nil }
        return (i + 5, date, nil)
    }

    // 3 March 2025, 12/13 April 2025, 5th of March, 22 February
    private func dayMonth(_ t: [Token], _ i: Int) -> (Int, EventDate?, String?)? {
        guard let d = day(t[i]) else { return nil }
        var j = i + 1
        var note: String?
        if j + 1 < t.count, t[j].lower == "/", let second = day(t[j + 1]) {
            note = "a night or span of days (\(d)/\(second)): the first day is used"
            j += 2
        }
        if j < t.count, t[j].lower == "of" { j += 1 }
        guard j < t.count, let m = month(t[j]) else { return nil }
        j += 1
        if j < t.count, t[j].lower == "," { j += 1 }
        if j < t.count, let y = year(t[j]) {
            return (j + 1, try? EventDate(year: y, month: m, day: d), note)
        }
        let end = t[j - 1].lower == "," ? j - 1 : j
        let (date, reading) = inferYear(month: m, day: d, note: note)
        return (end, date, reading)
    }

    // March 3, 2025; December 21
    private func monthDay(_ t: [Token], _ i: Int) -> (Int, EventDate?, String?)? {
        guard let m = month(t[i]), i + 1 < t.count, let d = day(t[i + 1]) else { return nil }
        if i + 2 < t.count, Self.countNouns.contains(t[i + 2].lower) { return nil }
        var j = i + 2
        if j + 1 < t.count, t[j].lower == ",", let y = year(t[j + 1]) { return (j + 2, try? EventDate(year: y, month: m, day: d), nil) }
        if j < t.count, let y = year(t[j]) { j += 1; return (j, try? EventDate(year: y, month: m, day: d), nil) }
        let (date, reading) = inferYear(month: m, day: d, note: nil)
        return (i + 2, date, reading)
    }

    // July 2023
    private func monthYear(_ t: [Token], _ i: Int) -> (Int, EventDate?, String?)? {
        guard let m = month(t[i]), i + 1 < t.count else { return nil }
        var j = i + 1
        if t[j].lower == "," || t[j].lower == "of", j + 1 < t.count { j += 1 }
        guard let y = year(t[j]) else { return nil }
        return (j + 1, try? EventDate(year: y, month: m), nil)
    }

    // in 2023, the 2014 massacre
    private func yearOnly(_ t: [Token], _ i: Int) -> (Int, EventDate?, String?)? {
        guard let y = year(t[i]), y >= 1950 else { return nil }
        if i + 1 < t.count, Self.countNouns.contains(t[i + 1].lower) { return nil }
        if i > 0, ["$", "£", "€", "rs", "no", "pr"].contains(t[i - 1].lower) { return nil }
        if i > 0, t[i - 1].lower == "/" || (t[i - 1].lower == "-" && !t[i].spaceBefore) { return nil }
        return (i + 1, try? EventDate(year: y), nil)
    }

    private func inferYear(month: Int, day: Int, note: String?) -> (EventDate?, String?) {
        guard let today = documentDay else { return (nil, "no year given and the document has no date") }
        let year = today.parts.year
        var date = try? EventDate(year: year, month: month, day: day)
        var reading = "the year \(year) taken from the document date \(documentText)"
        if let candidate = date, let candidateDay = CivilDay(candidate), candidateDay > today.adding(1) {
            date = try? EventDate(year: year - 1, month: month, day: day)
            reading = "the year \(year - 1) taken as the last before the document date \(documentText)"
        }
        return (date, [note, reading].compactMap { $0 }.joined(separator: "; "))
    }

    private func isFuture(_ date: EventDate) -> Bool {
        guard let today = documentDay else { return false }
        switch date.precision {
        case .day: return CivilDay(date).map { $0 > today.adding(1) } ?? false
        case .month: return (date.year, date.month ?? 0) > (today.parts.year, today.parts.month)
        case .year: return date.year > today.parts.year
        }
    }

    var documentText: String {
        (documentDay?.date?.iso ?? "?") + (documentDateSource.map { ", \($0)" } ?? "")
    }
}
