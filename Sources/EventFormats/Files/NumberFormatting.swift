import GeoKit
import EventModel
/// Fast fixed-precision decimal formatting into a byte buffer, trailing zeros trimmed
/// (written by hand because String(format:) per coordinate dominates large GeoJSON and SVG writes).
public enum NumberFormatting {
    /// Bytes `write(_:decimals:to:)` may use at most.
    public static let maximumLength = 32

    /// Appends `value` rounded to `decimals` (0–15) places; non-finite values are written as `null`.
    public static func append(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        var scratch: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &scratch) { raw in
            let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let count = write(value, decimals: decimals, to: p)
            out.append(contentsOf: UnsafeBufferPointer(start: p, count: count))
        }
    }

    /// Writes `value` as `append` does at `p`, which must have `maximumLength` bytes free; returns the bytes written.
    /// Touches no shared state and allocates nothing, so many threads may format at once.
    @inline(__always)
    public static func write(_ value: Double, decimals: Int, to p: UnsafeMutablePointer<UInt8>) -> Int {
        guard value.isFinite else {
            p[0] = UInt8(ascii: "n"); p[1] = UInt8(ascii: "u"); p[2] = UInt8(ascii: "l"); p[3] = UInt8(ascii: "l")
            return 4
        }
        precondition((0...15).contains(decimals), "decimals must be 0 to 15")
        var divisor: UInt64 = 1
        for _ in 0..<decimals { divisor &*= 10 }
        let scaled = (abs(value) * Double(divisor)).rounded()
        guard scaled < 9e15 else { return writeSlow(value, to: p) }
        let integer = UInt64(scaled)
        if integer == 0 { p[0] = UInt8(ascii: "0"); return 1 }
        var n = 0
        if value < 0 { p[0] = UInt8(ascii: "-"); n = 1 }
        n += writeDigits(integer / divisor, minimumDigits: 1, to: p + n)
        var fraction = integer % divisor
        if fraction != 0 {
            var digits = decimals
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            p[n] = UInt8(ascii: ".")
            n += 1
            n += writeDigits(fraction, minimumDigits: digits, to: p + n)
        }
        return n
    }

    /// Decimal digits of `value`, left-padded with zeros to `minimumDigits`.
    @inline(__always)
    private static func writeDigits(_ value: UInt64, minimumDigits: Int, to p: UnsafeMutablePointer<UInt8>) -> Int {
        var count = 1
        var probe = value / 10
        while probe > 0 { count += 1; probe /= 10 }
        count = max(count, minimumDigits)
        var v = value
        var k = count - 1
        while k >= 0 {
            p[k] = UInt8(truncatingIfNeeded: v % 10) &+ 48
            v /= 10
            k -= 1
        }
        return count
    }

    private static func writeSlow(_ value: Double, to p: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        for byte in String(value).utf8.prefix(maximumLength) { p[n] = byte; n += 1 }
        return n
    }

    public static func string(_ value: Double, decimals: Int) -> String {
        var out: [UInt8] = []
        append(value, decimals: decimals, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
