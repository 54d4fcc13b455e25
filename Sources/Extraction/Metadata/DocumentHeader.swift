import EventModel

/// What the first blocks of a document say about it: a dateline ("PESHAWAR, March 3, 2025 (Reuters) –"),
/// a "Date:" line, a byline ("By A. Writer, for Border Voices — 28 December 2024") or a header line
/// ("Inter Services Public Relations (ISPR), Rawalpindi — 14 April 2025").
struct DocumentHeader {
    var date: EventDate?
    var dateSource: String?
    var author: String?
    var publisher: String?
    /// The agency named in a dateline's parentheses ("Reuters").
    var agency: String?
    /// Where the document's dateline ends: block index and the index in the text after its dash or colon.
    var datelineEnd: (block: Int, index: String.Index)?
    /// Where every block's dateline ends (stories further down a page have their own): never places or event dates.
    var datelineEnds: [Int: String.Index] = [:]
    /// A dateline date without a year ("PESHAWAR, March 3 (Reuters) –"): month and day.
    var datelineMonthDay: (month: Int, day: Int)?

    static let headerBlockCount = 6

    init(_ document: Document, sentences: [[Sentence]]) {
        let absolute = DateFinder(documentDay: nil, documentDateSource: nil)
        for (block, blockSentences) in sentences.enumerated() {
            if let first = blockSentences.first, let end = Self.datelineEnd(first.tokens) {
                datelineEnds[block] = first.tokens[end - 1].range.upperBound
            }
        }
        for (block, blockSentences) in sentences.enumerated().prefix(Self.headerBlockCount) {
            guard let first = blockSentences.first, document.blocks[block].skipReason == nil else { continue }
            let tokens = blockSentences.flatMap(\.tokens)
            let text = document.text
            if date == nil, let labelled = Self.labelledDate(tokens, text: text, finder: absolute) {
                (date, dateSource) = (labelled, "'Date:' line")
            }
            if author == nil, tokens.first?.lower == "by", tokens.count < 40 {
                readByline(tokens, text: text)
                if date == nil, let found = Self.firstDay(tokens, text: text, finder: absolute) { (date, dateSource) = (found, "byline") }
                continue
            }
            if datelineEnd == nil, let end = Self.datelineEnd(first.tokens) {
                datelineEnd = (block, first.tokens[end - 1].range.upperBound)
                let head = Array(first.tokens[..<end])
                agency = Self.parenthesised(head, text: text)
                if let found = absolute.dates(in: head, text: text).first(where: { $0.date != nil })?.date, found.precision == .day {
                    if date == nil { (date, dateSource) = (found, "dateline") }
                } else if let monthDay = Self.monthDayWithoutYear(head) {
                    datelineMonthDay = monthDay
                }
                continue
            }
            if date == nil, tokens.count < 30, let found = Self.firstDay(tokens, text: text, finder: absolute) {
                (date, dateSource) = (found, "header line")
                if publisher == nil { publisher = Self.organisation(tokens, text: text) }
            }
        }
    }

    /// "Date: 5 March 2024", "Published: 2024-03-05".
    private static func labelledDate(_ tokens: [Token], text: String, finder: DateFinder) -> EventDate? {
        let labels: Set<String> = ["date", "dated", "published", "posted", "issued"]
        guard tokens.count >= 3, labels.contains(tokens[0].lower) || (tokens[0].lower == "release" && tokens[1].lower == "date") else { return nil }
        guard let colon = tokens.prefix(3).firstIndex(where: { $0.lower == ":" }) else { return nil }
        return firstDay(Array(tokens[(colon + 1)...]), text: text, finder: finder)
    }

    private static func firstDay(_ tokens: [Token], text: String, finder: DateFinder) -> EventDate? {
        finder.dates(in: tokens, text: text).compactMap(\.date).first { $0.precision == .day }
    }

    /// "By NAME, for PUBLISHER — DATE": the name, then the publisher without "for"/"of" and parentheses.
    private mutating func readByline(_ tokens: [Token], text: String) {
        let separators: Set<String> = [",", "—", "–", "|", "-"]
        var segments: [[Token]] = [[]]
        var depth = 0
        for token in tokens.dropFirst() {
            if token.lower == "(" { depth += 1 }
            if depth == 0, separators.contains(token.lower) { segments.append([]); continue }
            if depth == 0 { segments[segments.count - 1].append(token) }
            if token.lower == ")" { depth = max(0, depth - 1) }
        }
        let named = segments.filter { !$0.isEmpty && DateMentionCheck.hasNoDate($0, text: text) }
        if let name = named.first { author = name.text(0..<name.count, in: text) }
        if named.count > 1 {
            var words = named[1]
            if let first = words.first, ["for", "of", "at"].contains(first.lower) { words.removeFirst() }
            if !words.isEmpty { publisher = words.text(0..<words.count, in: text) }
        }
    }

    /// A dateline opens a block: one to four capitalised words in capitals, then ",", ":" or a dash; it ends at
    /// the dash or colon that follows (within 16 tokens), e.g. "PESHAWAR, March 3, 2025 (Reuters) –".
    private static func datelineEnd(_ tokens: [Token]) -> Int? {
        var i = 0
        while i < tokens.count, i < 4, tokens[i].isWord, tokens[i].isAllCaps { i += 1 }
        guard i > 0, i < tokens.count, [",", ":", "—", "–", "-"].contains(tokens[i].lower) else { return nil }
        if tokens[i].lower != "," { return i + 1 }
        var j = i + 1
        var depth = 0
        while j < tokens.count, j < 18 {
            let word = tokens[j].lower
            if word == "(" { depth += 1 }
            if word == ")" { depth -= 1 }
            if depth == 0, ["—", "–", "-", ":"].contains(word), tokens[j].spaceBefore || word != "-" { return j + 1 }
            j += 1
        }
        return nil
    }

    private static func parenthesised(_ tokens: [Token], text: String) -> String? {
        guard let open = tokens.firstIndex(where: { $0.lower == "(" }), let close = tokens[open...].firstIndex(where: { $0.lower == ")" }),
              close > open + 1 else { return nil }
        return tokens.text((open + 1)..<close, in: text)
    }

    private static func monthDayWithoutYear(_ tokens: [Token]) -> (month: Int, day: Int)? {
        for i in tokens.indices.dropLast() {
            if let month = DateFinder.monthNumbers[tokens[i].lower], tokens[i].isCapitalized, let day = tokens[i + 1].number, (1...31).contains(day) {
                return (month, day)
            }
            if let day = tokens[i].number, (1...31).contains(day), tokens[i + 1].isCapitalized, let month = DateFinder.monthNumbers[tokens[i + 1].lower] {
                return (month, day)
            }
        }
        return nil
    }

    /// The words before the first comma or dash of a header line, when they name an organisation.
    private static func organisation(_ tokens: [Token], text: String) -> String? {
        let cut = tokens.firstIndex { [",", "—", "–", "|"].contains($0.lower) } ?? tokens.count
        guard cut > 0 else { return nil }
        let words: Set<String> = ["public", "relations", "ministry", "office", "department", "police", "army", "mission", "government",
                                  "spokesman", "spokesperson", "directorate", "commission", "council", "agency", "press", "command", "authority"]
        let head = tokens[..<cut]
        guard head.contains(where: { words.contains($0.lower) }) || (head.contains { $0.isAllCaps } && cut <= 6) else { return nil }
        return tokens.text(0..<cut, in: text)
    }
}

/// Small checks on token runs used by the header reader.
enum DateMentionCheck {
    static func hasNoDate(_ tokens: [Token], text: String) -> Bool {
        DateFinder(documentDay: nil, documentDateSource: nil).dates(in: tokens, text: text).isEmpty
    }
}
