/// Bytes → text: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, otherwise
/// Windows-1252 (a superset of Latin-1's printable range) with a note. Refuses bytes that are not text.
enum TextDecoder {
    struct Decoded {
        var text: String
        var encoding: String
        /// Set when the encoding was a fallback the reader should know about.
        var note: String?
    }

    static func decode(_ bytes: [UInt8], path: String) throws(ExtractionError) -> Decoded {
        guard !bytes.isEmpty else { throw .empty(path: path) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let rest = Array(bytes.dropFirst(3))
            if let decoded = try utf8(rest, path: path) { return decoded }
            return try windows1252(rest, path: path)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return try utf16(bytes, path: path)
        }
        if let signature = binarySignature(bytes) { throw .binary(path: path, reason: signature) }
        if let decoded = try utf8(bytes, path: path) { return decoded }
        return try windows1252(bytes, path: path)
    }

    private static func utf8(_ bytes: [UInt8], path: String) throws(ExtractionError) -> Decoded? {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        try checkControlCharacters(text.unicodeScalars, path: path)
        return Decoded(text: text, encoding: "UTF-8")
    }

    private static func utf16(_ bytes: [UInt8], path: String) throws(ExtractionError) -> Decoded {
        let bigEndian = bytes[0] == 0xFE
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let pair = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(bigEndian ? pair.0 << 8 | pair.1 : pair.1 << 8 | pair.0)
            index += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw .binary(path: path, reason: "it starts with a UTF-16 byte-order mark but is not valid UTF-16")
        }
        try checkControlCharacters(text.unicodeScalars, path: path)
        return Decoded(text: text, encoding: bigEndian ? "UTF-16BE" : "UTF-16LE")
    }

    private static func windows1252(_ bytes: [UInt8], path: String) throws(ExtractionError) -> Decoded {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        var undefined = 0
        for byte in bytes {
            if (0x80...0x9F).contains(byte) {
                if let mapped = cp1252High[Int(byte - 0x80)] { scalars.append(mapped) } else { undefined += 1; scalars.append("\u{FFFD}") }
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        try checkControlCharacters(scalars, path: path)
        if undefined * 20 > bytes.count { throw .binary(path: path, reason: "\(undefined) bytes are undefined in UTF-8 and in Windows-1252") }
        return Decoded(text: String(scalars), encoding: "Windows-1252",
                       note: "not valid UTF-8; read as Windows-1252 (Latin-1). If accented letters look wrong, convert the file to UTF-8 (iconv -f ENCODING -t UTF-8)")
    }

    /// NUL bytes or many control characters mean binary data, whatever the extension says.
    private static func checkControlCharacters(_ scalars: String.UnicodeScalarView, path: String) throws(ExtractionError) {
        var controls = 0
        var total = 0
        for scalar in scalars {
            total += 1
            if scalar.value == 0 { throw .binary(path: path, reason: "it contains NUL bytes") }
            if scalar.value < 0x20 && scalar != "\n" && scalar != "\r" && scalar != "\t" && scalar != "\u{0C}" { controls += 1 }
        }
        if total > 0 && controls * 100 > total { throw .binary(path: path, reason: "\(controls) control characters in \(total)") }
    }

    /// Well-known signatures of formats people may hand in by mistake.
    private static func binarySignature(_ bytes: [UInt8]) -> String? {
        let signatures: [([UInt8], String)] = [
            (Array("%PDF".utf8), "a PDF file: convert it to text first, e.g. pdftotext FILE.pdf"),
            ([0x50, 0x4B, 0x03, 0x04], "a ZIP container (DOCX, ODT, EPUB?): save it as plain text or HTML first"),
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
            ([0xFF, 0xD8, 0xFF], "a JPEG image"),
            (Array("GIF8".utf8), "a GIF image"),
            ([0xD0, 0xCF, 0x11, 0xE0], "an old Microsoft Office file (DOC, XLS): save it as plain text or HTML first"),
            ([0x1F, 0x8B], "gzip-compressed data: decompress it first"),
            (Array("{\\rtf".utf8), "an RTF file: save it as plain text or HTML first"),
        ]
        return signatures.first { bytes.starts(with: $0.0) }?.1
    }

    /// Windows-1252 bytes 0x80–0x9F; nil where the code page defines nothing.
    private static let cp1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]
}
