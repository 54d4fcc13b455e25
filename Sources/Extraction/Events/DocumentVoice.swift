import Foundation

/// Who speaks when a document states something in its own voice, and how to cite it.
struct DocumentVoice: Sendable {
    var author: String?
    var publisher: String?
    var title: String?
    var dateText: String?
    let path: String

    /// "Sana Yusufzai (Border Voices)", "Frontier Wire", or "the document" when it names no one.
    var asserter: String {
        switch (author.map(Self.cleaned), publisher.map(Self.cleaned)) {
        case let (author?, publisher?) where !Self.isPlaceholder(author): "\(author) (\(publisher))"
        case let (_, publisher?): publisher
        case let (author?, nil): author
        default: "the document"
        }
    }

    /// "Frontier Wire, 2025-03-03 [Blast at market in Bajaur kills at least 12] (news-report.txt)".
    var citation: String {
        var parts: [String] = []
        if let publisher { parts.append(Self.cleaned(publisher)) } else if let author { parts.append(Self.cleaned(author)) }
        if let dateText { parts.append(dateText) }
        var text = parts.joined(separator: ", ")
        if let title, !title.isEmpty { text += (text.isEmpty ? "" : " ") + "[\(title.replacingOccurrences(of: ";", with: ","))]" }
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return (text.isEmpty ? "" : text + " ") + "(\(file))"
    }

    /// Bylines like "Staff Reporter" name no one in particular.
    private static func isPlaceholder(_ name: String) -> Bool {
        ["staff reporter", "staff", "correspondent", "our correspondent", "web desk", "news desk", "agencies"].contains(name.lowercased())
    }

    static func cleaned(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "*_,;:—–-")))
    }
}
