/// A sentence of one block (or a clause of one, see `SentenceSplitter`), with its tokens.
struct Sentence: Sendable {
    /// Position in the document: block index, sentence index within the document.
    let block: Int
    let index: Int
    /// The same for every clause of one sentence (figures in one sentence add up: "five were killed, while two …").
    let wholeSentence: Int
    let range: Range<String.Index>
    let tokens: [Token]
    let isHeading: Bool
}

/// Cuts a block into sentences at ".", "!" and "?" followed by a capital, a digit or a quote, except after
/// abbreviations ("Gen.", "Mr.", "Jan.", "U.N.") and initials ("D.I. Khan", "A. Writer").
///
/// A clause longer than `maxClauseTokens` (text without sentence punctuation: a table or a list run together,
/// converted PDF text, a hostile file) is cut into pieces of that many tokens, each read as a sentence of its own:
/// the rules look across a sentence, so one sentence of a million words took hours (docs/LIMITS.md).
enum SentenceSplitter {
    /// The longest clause read as one: 400 words and marks; real sentences stay far below it.
    static let maxClauseTokens = 400

    static func sentences(in document: Document, block: Int, firstIndex: Int) -> [Sentence] {
        var cut = 0
        return sentences(in: document, block: block, firstIndex: firstIndex, cut: &cut)
    }

    /// As above; `cut` counts the clauses cut into pieces for being longer than `maxClauseTokens`.
    static func sentences(in document: Document, block: Int, firstIndex: Int, cut: inout Int) -> [Sentence] {
        let range = document.blocks[block].range
        let tokens = Tokenizer.tokens(document.text, in: range)
        var sentences: [Sentence] = []
        var wholeSentences = 0
        var longClauses = 0
        var start = 0
        var i = 0
        while i < tokens.count {
            if isBoundary(tokens, at: i) {
                var end = i + 1
                while end < tokens.count, closing.contains(tokens[end].lower) { end += 1 }
                append(tokens[start..<end])
                start = end
                i = end
                continue
            }
            i += 1
        }
        if start < tokens.count { append(tokens[start...]) }
        cut += longClauses
        return sentences

        /// Adds a sentence, cut into clauses at ";" and at ", while", ", whereas", ", but": two events told in one
        /// sentence ("Checkpost attacked in Bannu; ISKP claims Jalalabad blast") must not share their claims.
        func append(_ slice: ArraySlice<Token>) {
            var clauseStart = slice.startIndex
            for i in slice.indices where i > clauseStart && i + 1 < slice.endIndex {
                let cut = slice[i].lower == ";" || (slice[i].lower == "," && ["while", "whereas", "but"].contains(slice[i + 1].lower))
                if cut {
                    appendClause(slice[clauseStart...i])
                    clauseStart = i + 1
                }
            }
            appendClause(slice[clauseStart...])
            wholeSentences += 1
        }

        func appendClause(_ slice: ArraySlice<Token>) {
            guard slice.count <= maxClauseTokens else {
                longClauses += 1
                var pieceStart = slice.startIndex
                while pieceStart < slice.endIndex {
                    let pieceEnd = min(pieceStart + maxClauseTokens, slice.endIndex)
                    appendClause(slice[pieceStart..<pieceEnd])
                    wholeSentences += 1
                    pieceStart = pieceEnd
                }
                wholeSentences -= 1  // append(_:) counts the last piece
                return
            }
            guard let first = slice.first, let last = slice.last else { return }
            sentences.append(Sentence(block: block, index: firstIndex + sentences.count, wholeSentence: firstIndex + wholeSentences,
                                      range: first.range.lowerBound..<last.range.upperBound,
                                      tokens: Array(slice), isHeading: document.blocks[block].isHeading))
        }
    }

    private static let closing: Set<String> = ["\"", "”", "’", "'", ")", "]"]
    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "brig", "adm", "st", "no", "nos", "vol",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "etc", "vs", "inc",
        "co", "ltd", "govt", "dept", "prof", "rev", "sr", "jr", "hon", "gov", "sen", "rep", "pres", "e", "i", "u", "s",
    ]

    private static func isBoundary(_ tokens: [Token], at i: Int) -> Bool {
        let mark = tokens[i].lower
        guard mark == "." || mark == "!" || mark == "?" || mark == "…" else { return false }
        var next = i + 1
        while next < tokens.count, closing.contains(tokens[next].lower) { next += 1 }
        guard next < tokens.count else { return true }
        let following = tokens[next]
        guard following.isCapitalized || following.kind == .number || following.lower == "\"" || following.lower == "“" || following.lower == "(" else {
            return false
        }
        guard mark == ".", i > 0 else { return true }
        let previous = tokens[i - 1]
        if previous.isWord, !tokens[i].spaceBefore {
            if abbreviations.contains(previous.lower) && !(previous.lower == "no" && following.kind != .number) { return false }
            if previous.text.count == 1, previous.isCapitalized { return false }
        }
        return true
    }
}
