import Foundation

/// How a document's text is laid out, from its extension and, for unknown extensions, its first bytes.
public enum DocumentKind: String, Sendable, CaseIterable {
    case text, markdown, html

    /// `.html`/`.htm`/`.xhtml` are HTML, `.md`/`.markdown` Markdown; anything else is HTML when it starts
    /// like HTML (`<!DOCTYPE html`, `<html`), otherwise plain text.
    public static func detect(path: String, text: String) -> DocumentKind {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "html", "htm", "xhtml": return .html
        case "md", "markdown", "mdown", "mkd": return .markdown
        default:
            let head = text.prefix(512).drop { $0.isWhitespace }.prefix(14).lowercased()
            return head.hasPrefix("<!doctype html") || head.hasPrefix("<html") ? .html : .text
        }
    }
}
