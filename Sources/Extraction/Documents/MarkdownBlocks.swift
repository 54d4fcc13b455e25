/// Markdown: the markup (heading marks, emphasis, link targets, list bullets, code fences, table bars,
/// inline tags) is replaced by spaces one scalar for one, so offsets still point into the file; headings,
/// list items and table rows become blocks of their own.
enum MarkdownBlocks {
    static func read(_ source: String) -> (text: String, blocks: [TextBlock]) {
        var scalars = Array(source.unicodeScalars)
        var lines: [(range: Range<Int>, kind: LineKind)] = []
        var inFence = false
        var start = 0
        for end in lineEnds(scalars) {
            let kind = blankLine(&scalars, start..<end, inFence: &inFence)
            lines.append((start..<end, kind))
            start = end + 1
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        let text = String(view)
        return (text, blocks(text: text, scalarCount: scalars.count, lines: lines))
    }

    enum LineKind { case blank, paragraph, heading, item }

    private static func lineEnds(_ scalars: [Unicode.Scalar]) -> [Int] {
        var ends = scalars.indices.filter { scalars[$0] == "\n" }
        if ends.last != scalars.count { ends.append(scalars.count) }
        return ends
    }

    /// Blanks the markup of one line and says what the line is.
    private static func blankLine(_ s: inout [Unicode.Scalar], _ line: Range<Int>, inFence: inout Bool) -> LineKind {
        var first = line.lowerBound
        while first < line.upperBound, s[first] == " " || s[first] == "\t" { first += 1 }
        let content = String(String.UnicodeScalarView(s[first..<line.upperBound])).trimmingTrailingWhitespace
        if content.hasPrefix("```") || content.hasPrefix("~~~") {
            inFence.toggle()
            blank(&s, line)
            return .blank
        }
        if inFence || content.isEmpty { blank(&s, line); return .blank }
        if content.allSatisfy({ "-=*_ ".contains($0) }), content.count >= 3 { blank(&s, line); return .blank }
        if content.hasPrefix("["), content.contains("]:") { blank(&s, line); return .blank }
        var kind = LineKind.paragraph
        var cursor = first
        while cursor < line.upperBound, s[cursor] == ">" { s[cursor] = " "; cursor += 1; while cursor < line.upperBound, s[cursor] == " " { cursor += 1 } }
        if cursor < line.upperBound, s[cursor] == "#" {
            var hashes = cursor
            while hashes < line.upperBound, s[hashes] == "#" { hashes += 1 }
            if hashes - cursor <= 6, hashes == line.upperBound || s[hashes] == " " {
                blank(&s, cursor..<hashes)
                var tail = line.upperBound
                while tail > hashes, s[tail - 1] == "#" || s[tail - 1] == " " { tail -= 1 }
                blank(&s, tail..<line.upperBound)
                kind = .heading
            }
        } else if let marker = listMarker(s, cursor, line.upperBound) {
            blank(&s, cursor..<marker)
            kind = .item
        } else if s[cursor] == "|" {
            if content.allSatisfy({ "|-: ".contains($0) }) { blank(&s, line); return .blank }
            for i in line where s[i] == "|" { s[i] = " " }
            kind = .item
        }
        blankInline(&s, cursor..<line.upperBound)
        return kind
    }

    /// "- ", "* ", "+ ", "12. ", "3) ": the end of the marker, when the line starts with one.
    private static func listMarker(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Int? {
        guard start < end else { return nil }
        if "-*+".unicodeScalars.contains(s[start]), start + 1 < end, s[start + 1] == " " { return start + 2 }
        var digit = start
        while digit < end, ("0"..."9").contains(s[digit]) { digit += 1 }
        if digit > start, digit - start <= 3, digit + 1 < end, s[digit] == "." || s[digit] == ")", s[digit + 1] == " " { return digit + 2 }
        return nil
    }

    /// Emphasis marks, code ticks, link and image brackets, link targets, autolinks and inline tags.
    private static func blankInline(_ s: inout [Unicode.Scalar], _ range: Range<Int>) {
        var i = range.lowerBound
        while i < range.upperBound {
            switch s[i] {
            case "*", "`", "~":
                s[i] = " "
            case "_":
                let before = i > range.lowerBound ? s[i - 1] : " "
                let after = i + 1 < range.upperBound ? s[i + 1] : " "
                if !isWordScalar(before) || !isWordScalar(after) { s[i] = " " }
            case "!" where i + 1 < range.upperBound && s[i + 1] == "[":
                s[i] = " "
            case "[":
                s[i] = " "
            case "]" where i + 1 < range.upperBound && s[i + 1] == "(":
                var close = i + 2
                while close < range.upperBound, s[close] != ")" { close += 1 }
                blank(&s, i..<min(close + 1, range.upperBound))
                i = close
            case "]":
                s[i] = " "
            case "<":
                var close = i + 1
                while close < range.upperBound, s[close] != ">" { close += 1 }
                let next = i + 1 < range.upperBound ? s[i + 1] : " "
                if close < range.upperBound, next == "/" || next == "!" || next.properties.isAlphabetic { blank(&s, i..<close + 1); i = close }
            default:
                break
            }
            i += 1
        }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    private static func blank(_ s: inout [Unicode.Scalar], _ range: Range<Int>) {
        for i in range where s[i] != "\n" && s[i] != "\r" { s[i] = " " }
    }

    /// Paragraphs are runs of paragraph lines; headings and items stand alone.
    private static func blocks(text: String, scalarCount: Int, lines: [(range: Range<Int>, kind: LineKind)]) -> [TextBlock] {
        var cursor = ScalarCursor(text: text)
        var collector = BlockCollector(text: text)
        var open: String.Index?
        func close(at end: Int) {
            if let start = open { collector.add(start..<cursor.index(at: end)) }
            open = nil
        }
        for (range, kind) in lines {
            switch kind {
            case .blank:
                close(at: range.lowerBound)
            case .heading, .item:
                close(at: range.lowerBound)
                let lower = cursor.index(at: range.lowerBound)
                collector.add(lower..<cursor.index(at: range.upperBound), isHeading: kind == .heading)
            case .paragraph:
                if open == nil { open = cursor.index(at: range.lowerBound) }
            }
        }
        close(at: scalarCount)
        return collector.blocks
    }
}

/// String indexes of increasing scalar offsets, found in one forward walk.
struct ScalarCursor {
    let text: String
    private var index: String.Index
    private var offset = 0

    init(text: String) {
        self.text = text
        index = text.startIndex
    }

    mutating func index(at target: Int) -> String.Index {
        precondition(target >= offset, "offsets are asked for in increasing order")
        let scalars = text.unicodeScalars
        while offset < target, index < scalars.endIndex {
            index = scalars.index(after: index)
            offset += 1
        }
        return index
    }
}

extension String {
    var trimmingTrailingWhitespace: String {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[..<end])
    }
}
