import Foundation

/// Reads a file into a `Document`: size limit, encoding, layout (plain text, Markdown, HTML) and the
/// screening of blocks in other scripts or languages.
public enum DocumentLoader {
    /// The default size limit: 20 MB. Reports are far smaller; a bigger file is almost always the wrong file.
    public static let defaultMaximumBytes = 20 * 1_048_576

    public static func load(path: String, maximumBytes: Int = defaultMaximumBytes) throws(ExtractionError) -> Document {
        let bytes = try readBytes(path, maximumBytes: maximumBytes)
        return try load(bytes: bytes, path: path)
    }

    /// Reads bytes already in memory (tests, standard input) as the document `path`.
    public static func load(bytes: [UInt8], path: String, kind: DocumentKind? = nil) throws(ExtractionError) -> Document {
        let decoded = try TextDecoder.decode(bytes, path: path)
        let kind = kind ?? DocumentKind.detect(path: path, text: decoded.text)
        var document: Document
        switch kind {
        case .text:
            document = Document(path: path, kind: kind, text: decoded.text, blocks: PlainTextBlocks.blocks(of: decoded.text))
        case .markdown:
            let (text, blocks) = MarkdownBlocks.read(decoded.text)
            document = Document(path: path, kind: kind, text: text, blocks: blocks)
        case .html:
            let html = try HTMLBlocks.read(decoded.text, path: path)
            document = Document(path: path, kind: kind, text: html.text, blocks: html.blocks, metadata: html.metadata)
        }
        document.encoding = decoded.encoding
        if let note = decoded.note { document.notes.append(note) }
        screenLanguages(&document)
        guard document.blocks.contains(where: { $0.skipReason == nil }) else {
            let reason = document.blocks.isEmpty ? (kind == .html ? "no text outside markup, scripts and styles" : "only white space")
                : "every paragraph was skipped: " + (document.blocks.compactMap(\.skipReason).first ?? "")
            throw .noText(path: path, reason: reason)
        }
        return document
    }

    private static func readBytes(_ path: String, maximumBytes: Int) throws(ExtractionError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw .unreadable(path: path, reason: "it is a folder; give the documents inside it") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > maximumBytes { throw .tooLarge(path: path, bytes: size, limit: maximumBytes) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path: path, reason: "permission denied?") }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.read(upToCount: maximumBytes + 1) ?? Data() } catch {
            throw .unreadable(path: path, reason: "\(error.localizedDescription)")
        }
        if data.count > maximumBytes { throw .tooLarge(path: path, bytes: data.count, limit: maximumBytes) }
        return [UInt8](data)
    }

    /// Marks blocks in another script or language as skipped and says so in the notes.
    private static func screenLanguages(_ document: inout Document) {
        for i in document.blocks.indices {
            let block = document.blocks[i]
            guard let reason = LanguageScreen.skipReason(document.text[block.range], declaredLanguage: block.declaredLanguage) else { continue }
            document.blocks[i].skipReason = reason
            let length = document.text.unicodeScalars[block.range].count
            document.notes.append("skipped the paragraph at offset \(block.offset) (\(length) characters): \(reason); the rules read English only")
        }
    }
}
