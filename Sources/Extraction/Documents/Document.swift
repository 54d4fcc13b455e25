/// A document ready to read: its text, cut into blocks (paragraphs, headings, list items, table rows),
/// and what its markup said about it.
public struct Document: Sendable {
    public let path: String
    public let kind: DocumentKind
    /// The text every offset refers to: the decoded file for plain text and Markdown (markup blanked out
    /// with spaces, so offsets still point into the file), the extracted text for HTML.
    public let text: String
    public internal(set) var blocks: [TextBlock]
    public internal(set) var metadata: DocumentMetadata
    /// What the reader should know: the encoding fallback, paragraphs skipped and why.
    public internal(set) var notes: [String]
    public internal(set) var encoding: String

    init(path: String, kind: DocumentKind, text: String, blocks: [TextBlock], metadata: DocumentMetadata = DocumentMetadata(),
         notes: [String] = [], encoding: String = "UTF-8") {
        self.path = path
        self.kind = kind
        self.text = text
        self.blocks = blocks
        self.metadata = metadata
        self.notes = notes
        self.encoding = encoding
    }
}

/// One paragraph, heading, list item or table row.
public struct TextBlock: Sendable {
    public let range: Range<String.Index>
    /// Offset of the block's first character in Unicode scalars from the start of `Document.text`.
    public let offset: Int
    public let isHeading: Bool
    /// The language the markup declares for it (HTML `lang`), when any.
    public let declaredLanguage: String?
    /// Set when the block is not read (another script or language); says why.
    public internal(set) var skipReason: String?

    init(range: Range<String.Index>, offset: Int, isHeading: Bool = false, declaredLanguage: String? = nil) {
        self.range = range
        self.offset = offset
        self.isHeading = isHeading
        self.declaredLanguage = declaredLanguage
    }
}

/// What a document says about itself: from HTML `<title>`/`<meta>`, or from its first lines (a dateline,
/// a "Date:" line, a byline) when `DocumentHeader` reads them.
public struct DocumentMetadata: Sendable {
    public var title: String?
    /// The publication date as the document gives it, before it is read as a date.
    public var dateText: String?
    /// Where the date came from: "--date", "HTML meta date", "dateline", "Date: line", "header line".
    public var dateSource: String?
    public var author: String?
    public var publisher: String?

    public init(title: String? = nil, dateText: String? = nil, dateSource: String? = nil, author: String? = nil, publisher: String? = nil) {
        self.title = title
        self.dateText = dateText
        self.dateSource = dateSource
        self.author = author
        self.publisher = publisher
    }
}

/// Builds blocks in text order and counts their scalar offsets in one pass.
struct BlockCollector {
    let text: String
    private(set) var blocks: [TextBlock] = []
    private var lastIndex: String.Index
    private var lastOffset = 0

    init(text: String) {
        self.text = text
        lastIndex = text.startIndex
    }

    /// Adds the block `range` after trimming white space; empty blocks are dropped.
    mutating func add(_ range: Range<String.Index>, isHeading: Bool = false, language: String? = nil) {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, text[lower].isWhitespace { lower = text.index(after: lower) }
        while upper > lower, text[text.index(before: upper)].isWhitespace { upper = text.index(before: upper) }
        guard lower < upper else { return }
        precondition(lower >= lastIndex, "blocks are added in text order")
        lastOffset += text.unicodeScalars.distance(from: lastIndex, to: lower)
        lastIndex = lower
        blocks.append(TextBlock(range: lower..<upper, offset: lastOffset, isHeading: isHeading, declaredLanguage: language))
    }
}

extension Document {
    /// The scalar offset of `index`, an index inside block `block`.
    func offset(of index: String.Index, inBlock block: Int) -> Int {
        blocks[block].offset + text.unicodeScalars.distance(from: blocks[block].range.lowerBound, to: index)
    }
}
