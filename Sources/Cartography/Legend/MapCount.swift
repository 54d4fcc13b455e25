/// Counts as a printed figure shows them: "955,133", not "955133" (thousands grouped with commas, like the
/// "1,000 km²" of the rate legend).
enum MapCount {
    static func text(_ n: Int) -> String {
        let digits = String(n.magnitude)
        guard digits.count > 3 else { return n < 0 ? "-" + digits : digits }
        var grouped = ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return n < 0 ? "-" + grouped : grouped
    }

    /// A whole number held as a double (class breaks, legend values).
    static func text(_ v: Double) -> String { text(Int(v.rounded())) }
}
