import Foundation
import CLibXML2

/// HTML through libxml2's HTML parser (recovering, quiet, no network): the text of the body in reading
/// order, blocks at block elements, nothing from script, style, noscript, head, navigation or forms;
/// `<title>` and the `<meta>` date, author and publisher.
enum HTMLBlocks {
    struct Result {
        var text: String
        var blocks: [TextBlock]
        var metadata: DocumentMetadata
    }

    static func read(_ html: String, path: String) throws(ExtractionError) -> Result {
        xmlInitParser()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        var bytes = Array(html.utf8)
        if bytes.isEmpty { bytes = [0x20] }
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlReadMemory(pointer, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let document else { throw .unparsableHTML(path: path) }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { throw .noText(path: path, reason: "the HTML has no elements") }
        var walker = TreeWalker()
        walker.walk(root)
        return walker.result()
    }

    /// Elements whose content is never text of the report.
    static let skipped: Set<String> = [
        "script", "style", "noscript", "head", "template", "svg", "math", "iframe", "object", "embed", "canvas",
        "nav", "footer", "aside", "form", "button", "select", "textarea", "option",
    ]
    /// Elements that begin and end a block.
    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
        "dt", "dd", "blockquote", "pre", "table", "tr", "thead", "tbody", "tfoot", "caption", "figure", "figcaption",
        "address", "hr", "body", "html", "center", "details", "summary",
    ]
    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
}

/// Walks the tree with an explicit stack (no recursion, however deep the markup).
private struct TreeWalker {
    private var out = ""
    private var blockStart = 0
    private var blockIsHeading = false
    private var blockLanguage: String?
    private var ranges: [(start: Int, end: Int, heading: Bool, language: String?)] = []
    private var metadata = DocumentMetadata()
    private var metaDates: [(rank: Int, text: String)] = []

    private enum Step { case enter(xmlNodePtr, String?), exit(String, String?) }

    mutating func walk(_ root: xmlNodePtr) {
        collectHead(root)
        var stack: [Step] = [.enter(root, nil)]
        while let step = stack.popLast() {
            switch step {
            case let .enter(node, inherited):
                switch node.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = node.pointee.content { appendText(String(cString: content)) }
                case XML_ELEMENT_NODE:
                    let name = Self.name(node)
                    if HTMLBlocks.skipped.contains(name) { continue }
                    let language = Self.attribute(node, "lang") ?? inherited
                    if name == "br" { out += "\n"; continue }
                    if name == "td" || name == "th" { appendText(" ") }
                    if HTMLBlocks.blockElements.contains(name) { breakBlock(heading: HTMLBlocks.headings.contains(name), language: language) }
                    stack.append(.exit(name, language))
                    var children: [xmlNodePtr] = []
                    var child = node.pointee.children
                    while let current = child { children.append(current); child = current.pointee.next }
                    for child in children.reversed() { stack.append(.enter(child, language)) }
                default:
                    continue
                }
            case let .exit(name, language):
                if HTMLBlocks.blockElements.contains(name) { breakBlock(heading: false, language: language) }
            }
        }
        breakBlock(heading: false, language: nil)
    }

    func result() -> HTMLBlocks.Result {
        var metadata = metadata
        metadata.dateText = metaDates.min { $0.rank < $1.rank }?.text
        if metadata.dateText != nil { metadata.dateSource = "HTML meta" }
        let text = out
        var collector = BlockCollector(text: text)
        let utf8 = text.utf8
        for range in ranges {
            let lower = utf8.index(utf8.startIndex, offsetBy: range.start)
            let upper = utf8.index(utf8.startIndex, offsetBy: range.end)
            collector.add(lower..<upper, isHeading: range.heading, language: range.language)
        }
        return HTMLBlocks.Result(text: text, blocks: collector.blocks, metadata: metadata)
    }

    /// Text with its runs of white space folded to one space (`<br>` writes a line break).
    private mutating func appendText(_ text: String) {
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace, out.utf8.count > blockStart, let last = out.unicodeScalars.last, !last.properties.isWhitespace { out.unicodeScalars.append(" ") }
            pendingSpace = false
            out.unicodeScalars.append(scalar)
        }
        if pendingSpace, out.utf8.count > blockStart, let last = out.unicodeScalars.last, !last.properties.isWhitespace { out.unicodeScalars.append(" ") }
    }

    private mutating func breakBlock(heading: Bool, language: String?) {
        let end = out.utf8.count
        if end > blockStart { ranges.append((blockStart, end, blockIsHeading, blockLanguage)) }
        if end > 0 { out += "\n\n" }
        blockStart = out.utf8.count
        blockIsHeading = heading
        blockLanguage = language
    }

    /// `<title>` and the `<meta>` elements of `<head>`.
    private mutating func collectHead(_ root: xmlNodePtr) {
        var stack: [xmlNodePtr] = [root]
        while let node = stack.popLast() {
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            let name = Self.name(node)
            if name == "body" { continue }
            if name == "title", metadata.title == nil { metadata.title = Self.text(of: node) }
            if name == "meta" { readMeta(node) }
            var child = node.pointee.children
            while let current = child { stack.append(current); child = current.pointee.next }
        }
    }

    private mutating func readMeta(_ node: xmlNodePtr) {
        let key = (Self.attribute(node, "name") ?? Self.attribute(node, "property") ?? Self.attribute(node, "itemprop") ?? "").lowercased()
        guard let content = Self.attribute(node, "content")?.trimmedSpaces, !content.isEmpty else { return }
        if let rank = Self.dateKeys.firstIndex(of: key) { metaDates.append((rank, content)) }
        if Self.authorKeys.contains(key), metadata.author == nil { metadata.author = content }
        if Self.publisherKeys.contains(key), metadata.publisher == nil { metadata.publisher = content }
        if key == "og:title", metadata.title == nil { metadata.title = content }
    }

    private static let dateKeys = [
        "date", "article:published_time", "og:article:published_time", "datepublished", "dc.date", "dc.date.issued",
        "dcterms.created", "dcterms.date", "pubdate", "publishdate", "publish-date", "publication_date", "citation_publication_date",
        "parsely-pub-date", "sailthru.date",
    ]
    private static let authorKeys: Set<String> = ["author", "article:author", "dc.creator", "dcterms.creator", "byl", "citation_author"]
    private static let publisherKeys: Set<String> = ["publisher", "og:site_name", "article:publisher", "dc.publisher", "dcterms.publisher", "citation_publisher"]

    static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    /// An attribute's value read from the tree (no allocation by libxml2, nothing to free).
    static func attribute(_ node: xmlNodePtr, _ wanted: String) -> String? {
        var property = node.pointee.properties
        while let current = property {
            if let name = current.pointee.name, String(cString: name).lowercased() == wanted {
                var value = ""
                var child = current.pointee.children
                while let text = child {
                    if let content = text.pointee.content { value += String(cString: content) }
                    child = text.pointee.next
                }
                return value
            }
            property = current.pointee.next
        }
        return nil
    }

    static func text(of node: xmlNodePtr) -> String {
        var parts: [String] = []
        var stack: [xmlNodePtr] = [node]
        while let current = stack.popLast() {
            if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content { parts.append(String(cString: content)) }
            var children: [xmlNodePtr] = []
            var child = current.pointee.children
            while let next = child { children.append(next); child = next.pointee.next }
            stack.append(contentsOf: children.reversed())
        }
        return parts.joined().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension String {
    var trimmedSpaces: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
