import EventModel
import FuzzSupport

/// Event dates as people write them (`EventDate(parsing:)`): ISO days, months and years, and whatever else the
/// parser accepts. Every input is either a date or an EventValueError; a date reads back from its ISO form as
/// itself, and coarsening keeps it a date.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHumanDates(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size <= 256 else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let date = try? EventDate(parsing: text) else { return 0 }
    let again = try? EventDate(parsing: date.iso)
    precondition(again == date, "\(text.debugDescription) → \(date.iso) → \(again?.iso ?? "error")")
    for precision in EventDate.Precision.allCases {
        let coarse = date.coarsened(to: precision)
        precondition(coarse.precision <= date.precision && coarse.precision <= precision, "coarsened \(date.iso) to \(precision): \(coarse.iso)")
        precondition(coarse <= date || coarse.year == date.year, "coarsened \(date.iso) moved it: \(coarse.iso)")
    }
    return 0
}

@main enum Main {
    static func main() { runLibFuzzer(fuzzHumanDates) }
}
