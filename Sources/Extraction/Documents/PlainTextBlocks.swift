/// Plain text: blocks are separated by blank lines; a single line break inside a block is a wrapped line.
enum PlainTextBlocks {
    static func blocks(of text: String) -> [TextBlock] {
        var collector = BlockCollector(text: text)
        var blockStart = text.startIndex
        var lineStart = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character.isNewline {
                let line = text[lineStart..<index]
                if line.allSatisfy(\.isWhitespace) {
                    collector.add(blockStart..<lineStart)
                    blockStart = next
                }
                lineStart = next
            }
            index = next
        }
        if !text[lineStart...].allSatisfy(\.isWhitespace) || blockStart < lineStart {
            collector.add(blockStart..<text.endIndex)
        }
        return collector.blocks
    }
}
