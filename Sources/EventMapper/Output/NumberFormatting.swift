/// Fast fixed-precision decimal formatting into a byte buffer, trailing zeros trimmed
/// (written by hand because String(format:) per coordinate dominates large GeoJSON and SVG writes).
public enum NumberFormatting {
    static let powers: [Double] = (0...15).map { (0..<$0).reduce(1.0) { acc, _ in acc * 10 } }

    /// Appends `value` rounded to `decimals` (0–15) places; non-finite values are written as `null`.
    public static func append(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        guard value.isFinite else { out.append(contentsOf: Array("null".utf8)); return }
        let scale = powers[decimals]
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else {
            out.append(contentsOf: Array(String(value).utf8))
            return
        }
        var integer = UInt64(scaled)
        if integer == 0 { out.append(UInt8(ascii: "0")); return }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            while integer > 0 {
                d[count] = UInt8(integer % 10)
                integer /= 10
                count += 1
            }
            var fractionDigits = decimals
            var lowest = 0
            while fractionDigits > 0, lowest < count, d[lowest] == 0 {
                lowest += 1
                fractionDigits -= 1
            }
            let integerDigits = count - decimals
            if integerDigits <= 0 {
                out.append(UInt8(ascii: "0"))
            } else {
                for i in stride(from: count - 1, through: decimals, by: -1) { out.append(d[i] + 48) }
            }
            if fractionDigits > 0 {
                out.append(UInt8(ascii: "."))
                for i in stride(from: decimals - 1, through: lowest, by: -1) {
                    out.append(i < count ? d[i] + 48 : 48)
                }
            }
        }
    }

    public static func string(_ value: Double, decimals: Int) -> String {
        var out: [UInt8] = []
        append(value, decimals: decimals, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
