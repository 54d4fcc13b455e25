/// How the bytes of a delimited text file are read as text.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// UTF-8, and a field that is not valid UTF-8 is read as Windows-1252 (what Excel on Windows saves),
    /// the row kept and a note added. The header must be UTF-8 (or the file read with `.cp1252`).
    case auto
    /// UTF-8 only: a field that is not valid UTF-8 rejects its row.
    case utf8
    /// ISO-8859-1: every byte is the code point of the same number.
    case latin1
    /// Windows-1252: ISO-8859-1 with printable characters (€ ‘ ’ “ ” – — …) in 0x80–0x9F.
    case cp1252

    /// Decodes `bytes` as a single-byte encoding (`.latin1` or `.cp1252`); ASCII stays as it is.
    static func decodeSingleByte(_ bytes: some Collection<UInt8>, windows1252: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if windows1252, (0x80...0x9F).contains(byte) {
                scalars.append(Unicode.Scalar(windows1252High[Int(byte) - 0x80])!)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    /// 0x80–0x9F of Windows-1252 (WHATWG encoding standard); the five unassigned bytes map to the C1 control
    /// of the same number, as the standard says.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
