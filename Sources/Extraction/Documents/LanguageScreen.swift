/// Finds blocks the English rules cannot read: blocks written mostly in a non-Latin script (Arabic-script
/// Pashto, Dari and Urdu, Cyrillic, Devanagari, …), and Latin-script blocks whose common words are French,
/// Spanish, German, Portuguese, Italian or Dutch rather than English.
enum LanguageScreen {
    /// Why the block should be skipped, or nil to read it.
    static func skipReason(_ text: Substring, declaredLanguage: String?) -> String? {
        var latin = 0
        var other: [String: Int] = [:]
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if let script = script(of: scalar.value) { other[script, default: 0] += 1 } else { latin += 1 }
        }
        let otherTotal = other.values.reduce(0, +)
        if otherTotal >= 3, otherTotal * 2 > latin + otherTotal {
            let script = other.max { $0.value < $1.value }!.key
            return "written mostly in \(script) script" + (declaredLanguage.map { " (lang=\($0))" } ?? "")
        }
        if let language = latinLanguage(text) { return "reads as \(language), not English" }
        return nil
    }

    /// The script of a non-Latin letter; nil for Latin letters (and anything not listed).
    private static func script(of value: UInt32) -> String? {
        switch value {
        case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: "Arabic"
        case 0x0400...0x052F: "Cyrillic"
        case 0x0370...0x03FF: "Greek"
        case 0x0590...0x05FF: "Hebrew"
        case 0x0900...0x097F: "Devanagari"
        case 0x0980...0x09FF: "Bengali"
        case 0x0A00...0x0A7F: "Gurmukhi"
        case 0x0E00...0x0E7F: "Thai"
        case 0x10A0...0x10FF: "Georgian"
        case 0x0530...0x058F: "Armenian"
        case 0x3040...0x30FF: "Japanese kana"
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: "Han (Chinese)"
        case 0xAC00...0xD7AF, 0x1100...0x11FF: "Hangul"
        case 0x0000...0x024F, 0x1E00...0x1EFF: nil
        default: value > 0x024F ? "another non-Latin" : nil
        }
    }

    private static let english: Set<String> = ["the", "of", "and", "in", "to", "was", "were", "a", "on", "by", "said", "at", "for", "with", "from", "is", "that", "has", "had", "killed", "his", "their"]
    private static let others: [(String, Set<String>)] = [
        ("French", ["le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour", "par", "sur", "qui", "au", "aux", "été", "ont"]),
        ("Spanish", ["el", "los", "las", "del", "y", "es", "una", "por", "para", "con", "que", "fue", "en", "al", "han"]),
        ("German", ["der", "die", "das", "und", "ist", "ein", "eine", "den", "dem", "mit", "von", "zu", "wurde", "nicht", "sich", "bei"]),
        ("Portuguese", ["os", "as", "do", "da", "dos", "das", "e", "um", "uma", "para", "com", "foi", "em", "não", "ao"]),
        ("Italian", ["il", "gli", "della", "delle", "di", "che", "è", "un", "una", "per", "con", "sono", "nel", "alla"]),
        ("Dutch", ["de", "het", "een", "en", "van", "is", "dat", "niet", "zijn", "met", "voor", "op", "werd", "bij"]),
    ]

    /// A Latin-script block whose function words are mostly another language's.
    private static func latinLanguage(_ text: Substring) -> String? {
        let words = text.lowercased().split { !$0.isLetter }.map(String.init)
        guard words.count >= 8 else { return nil }
        let englishCount = words.filter(english.contains).count
        let best = others.map { language, set in (language, words.filter(set.contains).count) }.max { $0.1 < $1.1 }!
        return best.1 >= 4 && best.1 > 2 * englishCount ? best.0 : nil
    }
}
