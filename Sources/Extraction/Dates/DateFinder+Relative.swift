import EventModel

/// Dates read against the document date or the event told before: "in July", "on Sunday", "last Tuesday",
/// "yesterday", "last week", "two days ago", "a day earlier".
extension DateFinder {
    /// "a day earlier", "two days later", "the previous day", "the next day", "hours later".
    static func relativeToPrevious(_ t: [Token], at i: Int) -> (end: Int, days: Int)? {
        if t.matches(["the", "previous", "day"], at: i) || t.matches(["the", "day", "before"], at: i) { return (i + 3, -1) }
        if t.matches(["the", "next", "day"], at: i) || t.matches(["the", "following", "day"], at: i) { return (i + 3, 1) }
        if t.matches(["hours", "later"], at: i) || t.matches(["hours", "earlier"], at: i) { return (i + 2, 0) }
        if t.matches(["a", "day", "earlier"], at: i) || t.matches(["a", "day", "before"], at: i) { return (i + 3, -1) }
        if t.matches(["a", "day", "later"], at: i) || t.matches(["a", "day", "after"], at: i) { return (i + 3, 1) }
        guard let (count, next) = NumberWords.read(t, at: i), count <= 14, next + 1 < t.count, ["day", "days"].contains(t[next].lower) else { return nil }
        switch t[next + 1].lower {
        case "earlier", "before": return (next + 2, -count)
        case "later", "after": return (next + 2, count)
        default: return nil
        }
    }

    // in July, mid-July
    func bareMonth(_ t: [Token], _ i: Int) -> (Int, EventDate?, String?)? {
        guard let m = month(t[i]), i > 0, Self.monthPrepositions.contains(t[i - 1].lower) else { return nil }
        guard let today = documentDay else { return (i + 1, nil, "'\(t[i].text)' has no year and the document has no date") }
        let (year, docMonth, _) = today.parts
        let y = m <= docMonth ? year : year - 1
        return (i + 1, try? EventDate(year: y, month: m), "'\(t[i].text)' read as \(m <= docMonth ? "this" : "last") year's, from the document date \(documentText)")
    }

    // on Sunday, Sunday night, last Tuesday
    func weekday(_ t: [Token], _ i: Int) -> (Int, EventDate?, String?)? {
        guard t[i].isCapitalized, let wanted = Self.weekdayNumbers[t[i].lower] else { return nil }
        var end = i + 1
        if end < t.count, ["night", "morning", "evening", "afternoon"].contains(t[end].lower) { end += 1 }
        let strictlyBefore = i > 0 && t[i - 1].lower == "last"
        let phrase = (i > 0 && ["on", "last", "this"].contains(t[i - 1].lower) ? t[i - 1].text + " " : "") + t[i..<end].map(\.text).joined(separator: " ")
        guard let today = documentDay else { return (end, nil, "'\(phrase)' is relative and the document has no date") }
        var back = (today.weekday - wanted + 7) % 7
        if back == 0 && strictlyBefore { back = 7 }
        let day = today.adding(-back)
        return (end, day.date, "'\(phrase)' read as \(day.date?.iso ?? "?") (\(back == 0 ? "the document's own day" : "the \(t[i].text) before the document date") \(documentText))")
    }

    // yesterday, today, last night, last week, this month, last year, two days ago
    func relativeWord(_ t: [Token], _ i: Int) -> (Int, EventDate?, String?)? {
        let word = t[i].lower
        var end = i + 1
        enum Shift { case days(Int), weekMonth(Int), months(Int), years(Int) }
        var shift: Shift?
        switch word {
        case "yesterday": shift = .days(-1)
        case "today", "tonight": shift = .days(0)
        case "last", "past", "this", "earlier":
            var j = i + 1
            if word == "earlier", j < t.count, t[j].lower == "this" { j += 1 }
            guard j < t.count else { return nil }
            let past = word == "last" || word == "past"
            switch t[j].lower {
            case "night": shift = past ? .days(-1) : .days(0)
            case "morning", "afternoon", "evening": shift = word == "this" || word == "earlier" ? .days(0) : nil
            case "week": shift = .weekMonth(past ? -7 : 0)
            case "month": shift = .months(past ? -1 : 0)
            case "year": shift = .years(past ? -1 : 0)
            default: shift = nil
            }
            end = j + 1
        default:
            if let (count, next) = NumberWords.read(t, at: i), next + 1 < t.count, t[next + 1].lower == "ago" {
                switch t[next].lower {
                case "day", "days": shift = .days(-count)
                case "week", "weeks": shift = .weekMonth(-7 * count)
                default: shift = nil
                }
                end = next + 2
            }
        }
        guard let shift else { return nil }
        let phrase = t[i..<end].map(\.text).joined(separator: " ")
        guard let today = documentDay else { return (end, nil, "'\(phrase)' is relative and the document has no date") }
        let (year, month, _) = today.parts
        let date: EventDate?
        switch shift {
        case let .days(n): date = today.adding(n).date
        case let .weekMonth(n): date = today.adding(n).date?.coarsened(to: .month)
        case let .months(n):
            let total = year * 12 + (month - 1) + n
            date = try? EventDate(year: total / 12, month: total % 12 + 1)
        case let .years(n): date = try? EventDate(year: year + n)
        }
        return (end, date, "'\(phrase)' read as \(date?.iso ?? "?") from the document date \(documentText)")
    }
}
