import Foundation
import GeoKit
import EventModel
import EventFormats

/// Folds place and group names to comparable keys: case, Latin diacritics, punctuation and
/// spacing, and the Arabic-script letter variants that Pashto, Dari and Urdu texts mix.
public enum NameNormalizer {
    /// "Dera Ismaīl-Khan," → "dera ismail khan"; "كابل" and "کابل" fold to the same key.
    public static func key(_ name: String) -> String {
        if let ascii = asciiKey(name) { return ascii }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        for scalar in folded.unicodeScalars {
            if let mapped = arabicFolding[scalar.value] {
                if mapped == 0 { continue }
                append(Unicode.Scalar(mapped)!, to: &out, pendingSpace: &pendingSpace)
                continue
            }
            if (0x064B...0x065F).contains(scalar.value) || scalar.value == 0x0670 || scalar.value == 0x0640 || scalar.value == 0x200C || scalar.value == 0x200D {
                continue  // harakat, superscript alef, tatweel, zero-width joiners
            }
            if out.isEmpty || pendingSpace, scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark {
                continue  // a combining mark with no letter before it (after a control character or punctuation): folding would drop it on the next pass
            }
            if CharacterSet.alphanumerics.contains(scalar) {
                append(scalar, to: &out, pendingSpace: &pendingSpace)
            } else if scalar == "'" || scalar == "’" || scalar == "`" || scalar == "ʼ" || scalar == "ʻ" {
                continue  // apostrophes join: "Bara'" = "Bara"
            } else {
                pendingSpace = !out.isEmpty
            }
        }
        return String(out)
    }

    /// The key with all spaces removed: "D.I. Khan" and "DI Khan" meet at "dikhan".
    public static func compactKey(_ name: String) -> String {
        var compact = key(name)
        compact.removeAll { $0 == " " }
        return compact
    }

    /// The same folding for plain ASCII text without Foundation's folding: lowercased letters and
    /// digits, apostrophes dropped, any other run of characters one space. Nil when not ASCII.
    private static func asciiKey(_ name: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for byte in name.utf8 {
            guard byte < 0x80 else { return nil }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(byte + 32)
            case UInt8(ascii: "'"), UInt8(ascii: "`"):
                continue
            default:
                pendingSpace = !out.isEmpty
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func append(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView, pendingSpace: inout Bool) {
        if pendingSpace { out.append(" "); pendingSpace = false }
        out.append(scalar)
    }

    /// Arabic-script letters folded to the Persian/Urdu forms (0 drops the character).
    private static let arabicFolding: [UInt32: UInt32] = [
        0x064A: 0x06CC, 0x0649: 0x06CC, 0x06D2: 0x06CC, 0x06CD: 0x06CC, 0x06D0: 0x06CC,  // ya, alef maksura, yeh barree, Pashto yehs → ی
        0x0643: 0x06A9, 0x06AA: 0x06A9,  // Arabic kaf → keheh
        0x0629: 0x0647, 0x06C1: 0x0647, 0x06BE: 0x0647, 0x06D5: 0x0647,  // teh marbuta, heh goal, heh doachashmee, ae → ه
        0x0623: 0x0627, 0x0625: 0x0627, 0x0622: 0x0627, 0x0671: 0x0627,  // alef forms → ا
        0x0624: 0x0648,  // waw with hamza → و
        0x06AB: 0x06AF,  // Pashto kaf → gaf
    ]
}
