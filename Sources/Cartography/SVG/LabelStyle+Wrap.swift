extension LabelStyle {
    /// `text` broken into lines no wider than `width` at this style (a word wider than `width` gets a line of its
    /// own); each "\n" starts a new paragraph.
    func wrap(_ text: String, width: Double) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n") {
            var current = ""
            for word in paragraph.split(separator: " ") {
                let candidate = current.isEmpty ? String(word) : current + " " + word
                if self.width(candidate) > width, !current.isEmpty {
                    lines.append(current)
                    current = String(word)
                } else {
                    current = candidate
                }
            }
            if !current.isEmpty { lines.append(current) }
        }
        return lines
    }
}
