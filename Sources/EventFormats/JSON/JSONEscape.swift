import GeoKit
import EventModel
/// Decodes one JSON string escape (RFC 8259 §7) for the byte-level parsers.
package enum JSONEscape {
    /// Decodes the escape that follows a backslash, starting at `bytes[i]`, and moves `i` past it.
    /// Surrogate pairs are joined; a lone surrogate becomes U+FFFD. Returns the scalar, or why the escape is bad.
    package static func decode<Bytes: RandomAccessCollection>(_ bytes: Bytes, at i: inout Int) -> Result<Unicode.Scalar, Failure>
        where Bytes.Element == UInt8, Bytes.Index == Int {
        guard i < bytes.count else { return .failure(Failure("a string ends inside an escape")) }
        let byte = bytes[i]
        i += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return .success(Unicode.Scalar(byte))
        case UInt8(ascii: "b"): return .success("\u{8}")
        case UInt8(ascii: "f"): return .success("\u{C}")
        case UInt8(ascii: "n"): return .success("\n")
        case UInt8(ascii: "r"): return .success("\r")
        case UInt8(ascii: "t"): return .success("\t")
        case UInt8(ascii: "u"):
            guard var scalar = hex4(bytes, at: &i) else { return .failure(Failure("\\u must be followed by four hex digits")) }
            if (0xD800...0xDBFF).contains(scalar), bytes.count - i >= 6, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                i += 2
                guard let low = hex4(bytes, at: &i) else { return .failure(Failure("\\u must be followed by four hex digits")) }
                scalar = (0xDC00...0xDFFF).contains(low) ? 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
            }
            return .success(Unicode.Scalar(scalar) ?? "\u{FFFD}")
        default:
            return .failure(Failure("'\\\(Character(Unicode.Scalar(byte)))' is not a JSON escape"))
        }
    }

    /// Appends a scalar's UTF-8 bytes.
    package static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        out.append(contentsOf: String(scalar).utf8)
    }

    package struct Failure: Error {
        package let reason: String
        package init(_ reason: String) { self.reason = reason }
    }

    private static func hex4<Bytes: RandomAccessCollection>(_ bytes: Bytes, at i: inout Int) -> UInt32?
        where Bytes.Element == UInt8, Bytes.Index == Int {
        guard bytes.count - i >= 4 else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value << 4 | digit
            i += 1
        }
        return value
    }
}
