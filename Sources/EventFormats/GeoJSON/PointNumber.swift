#if canImport(Glibc)
import Glibc
#endif

/// Decimal text → Double without allocating: an exact fast path (Clinger: ≤ 2^53 mantissa, ≤ 22
/// fraction digits, one correctly rounded division), `strtod` for everything else (exponents, long digits).
package enum PointNumber {
    @inline(__always)
    package static func parse(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var i = start, e = end
        while i < e && (base[i] == 32 || base[i] == 9) { i += 1 }
        while e > i && (base[e - 1] == 32 || base[e - 1] == 9) { e -= 1 }
        guard i < e else { return nil }
        let textStart = i
        var negative = false
        if base[i] == UInt8(ascii: "-") { negative = true; i += 1 } else if base[i] == UInt8(ascii: "+") { i += 1 }
        var mantissa: UInt64 = 0
        var fractionDigits = 0
        var digits = 0
        var sawPoint = false
        while i < e {
            let c = base[i] &- 48
            if c < 10 {
                guard mantissa < 1 << 53 / 10 else { return slow(base, textStart, e) }
                mantissa = mantissa &* 10 &+ UInt64(c)
                digits += 1
                if sawPoint { fractionDigits += 1 }
            } else if base[i] == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                return slow(base, textStart, e)
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        guard fractionDigits <= 22 else { return slow(base, textStart, e) }
        // 10^k is exact for k ≤ 22, so the quotient is correctly rounded.
        var power = 1.0
        for _ in 0..<fractionDigits { power *= 10 }
        let value = Double(mantissa) / power
        return negative ? -value : value
    }

    private static func slow(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let length = end - start
        guard length < 128 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { text -> Double? in
            for k in 0..<length {
                let b = base[start + k]
                // Only what a decimal number may hold: no hex floats, no "inf"/"nan" words.
                guard (b >= 48 && b <= 57) || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
                        || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") else { return nil }
                text[k] = CChar(bitPattern: b)
            }
            text[length] = 0
            var stop: UnsafeMutablePointer<CChar>?
            let value = strtod(text.baseAddress!, &stop)
            guard let stop, stop == text.baseAddress! + length else { return nil }
            return value
        }
    }
}
