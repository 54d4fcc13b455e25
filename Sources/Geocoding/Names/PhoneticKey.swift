import GeoKit
import EventModel
import EventFormats
import GeoReference
/// A transliteration-blind skeleton of a Latin key, so that spellings of one Pashto, Dari or Urdu name
/// meet: vowel runs become one vowel (Kunar/Konar, Bajaur/Bajour, Nangarhar/Ningarhar), izafe and
/// word breaks vanish (Pul-e-Charkhi/Puli Charkhi), doubled letters collapse (Kurram/Kuram), q → k,
/// v → w, kh/sh/ch stay distinct, other aspiration h's drop (Dhadar/Dadhar, Ghazi/Gazi), a silent
/// h after a vowel drops (Mehtarlam/Mihtarlam, Kamah/Kama), m before a consonant becomes n
/// (Miramshah/Miranshah), w after a vowel and y anywhere but first act as vowels (Kowt/Kot, Zai/Zay).
enum PhoneticKey {
    private static let vowel = UInt8(ascii: "a")
    private static let space = UInt8(ascii: " ")

    /// Nil when the key is not plain ASCII: native scripts match by their exact key.
    static func make(_ tokens: [Substring]) -> String? {
        var letters: [UInt8] = []
        var starts: [Bool] = []
        var ends: [Bool] = []
        for token in tokens {
            let bytes = token.utf8
            for (offset, byte) in bytes.enumerated() {
                guard byte < 0x80 else { return nil }
                letters.append(byte)
                starts.append(offset == 0)
                ends.append(offset == bytes.count - 1)
            }
        }
        guard !letters.isEmpty else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(letters.count)
        var index = 0
        while index < letters.count {
            let (symbol, consumed) = symbolAt(index, letters, starts, ends)
            if let symbol, out.last != symbol { out.append(symbol) }
            index += consumed
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func symbolAt(_ i: Int, _ letters: [UInt8], _ starts: [Bool], _ ends: [Bool]) -> (UInt8?, Int) {
        let c = letters[i]
        let next: UInt8 = i + 1 < letters.count ? letters[i + 1] : space
        let prev: UInt8 = i > 0 ? letters[i - 1] : space
        switch c {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"):
            return (vowel, 1)
        case UInt8(ascii: "y"):
            return (i == 0 ? c : vowel, 1)
        case UInt8(ascii: "w"), UInt8(ascii: "v"):
            return (!starts[i] && isVowelLetter(prev) ? vowel : UInt8(ascii: "w"), 1)
        case UInt8(ascii: "k") where next == UInt8(ascii: "h") && !ends[i]:
            return (UInt8(ascii: "x"), 2)
        case UInt8(ascii: "s") where next == UInt8(ascii: "h") && !ends[i]:
            return (UInt8(ascii: "$"), 2)
        case UInt8(ascii: "c") where next == UInt8(ascii: "h") && !ends[i]:
            return (UInt8(ascii: "c"), 2)
        case UInt8(ascii: "c"), UInt8(ascii: "q"):
            return (UInt8(ascii: "k"), 1)
        case UInt8(ascii: "h"):
            if starts[i] { return (c, 1) }
            let betweenVowels = isVowelLetter(prev) && !ends[i] && isVowelLetter(next)
            return (betweenVowels ? c : nil, 1)
        case UInt8(ascii: "m"):
            return (isConsonantLetter(next) && next != UInt8(ascii: "h") ? UInt8(ascii: "n") : c, 1)
        default:
            return (c, 1)
        }
    }

    private static func isVowelLetter(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "a") || c == UInt8(ascii: "e") || c == UInt8(ascii: "i") || c == UInt8(ascii: "o")
            || c == UInt8(ascii: "u") || c == UInt8(ascii: "y") || c == UInt8(ascii: "w")
    }

    private static func isConsonantLetter(_ c: UInt8) -> Bool {
        c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") && !isVowelLetter(c)
    }
}
