/// Spreadsheet-safe CSV cells (OWASP "CSV injection"). A cell that a spreadsheet would run as a formula
/// — it starts with `=`, `+`, `-`, `@`, a tab or a carriage return and is not a plain number — is written
/// with a leading apostrophe, which spreadsheets show as text. Cells that already start with apostrophes
/// before such a character get one more, so `restored(neutralized(x)) == x` for every cell.
public enum CSVCell {
    public static func neutralized(_ cell: String) -> String {
        needsApostrophe(cell) ? "'" + cell : cell
    }

    /// Undoes `neutralized`: the tool's readers call it on every cell.
    public static func restored(_ cell: String) -> String {
        guard cell.utf8.first == UInt8(ascii: "'") else { return cell }
        let rest = String(cell.dropFirst())
        return needsApostrophe(rest) ? rest : cell
    }

    /// Whether a cell starting with this byte may need the apostrophe (a fast first test for byte-level writers).
    @inline(__always)
    public static func mayNeedApostrophe(firstByte: UInt8) -> Bool {
        switch firstByte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13: true
        default: false
        }
    }

    static func needsApostrophe(_ cell: String) -> Bool {
        let bytes = cell.utf8
        guard let first = bytes.first(where: { $0 != UInt8(ascii: "'") }) else { return false }
        guard mayNeedApostrophe(firstByte: first) else { return false }
        return !isPlainNumber(cell)
    }

    /// "-12", "+3.5", "-1e-3": a number a spreadsheet reads as a number, not a formula.
    static func isPlainNumber(_ cell: String) -> Bool {
        guard let first = cell.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") else { return false }
        var digits = 0, dots = 0, exponent = false
        var previous = first
        for byte in cell.utf8.dropFirst() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): dots += 1; if dots > 1 || exponent { return false }
            case UInt8(ascii: "e"), UInt8(ascii: "E"): if exponent || digits == 0 { return false }; exponent = true
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if previous != UInt8(ascii: "e") && previous != UInt8(ascii: "E") { return false }
            default: return false
            }
            previous = byte
        }
        return digits > 0 && previous != UInt8(ascii: "e") && previous != UInt8(ascii: "E")
    }
}
