import EventModel
import FuzzSupport

/// Event dates as people write them (`EventDate(parsing:order:)`): ISO days, months and years, named months
/// ("30 July 2023", "July 30, 2023"), weekdays checked against the day, ordinals, dotted day-first dates, slash dates
/// plain or ambiguous under each day/month order, and Excel serial days. Every input is a date or an
/// EventValueError; a date reads back from its ISO form as itself; a date refused as ambiguous reads under either
/// order, differently (unless a weekday rules a reading out); an Excel serial lies in 1950–2100 and reads back from ISO.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHumanDates(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size <= 256 else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for order in [nil, DateOrder.dmy, .mdy] {
        do {
            let date = try EventDate(parsing: text, order: order)
            let again = try? EventDate(parsing: date.iso)
            precondition(again == date, "\(text.debugDescription) (\(order?.rawValue ?? "no order")) → \(date.iso) → \(again?.iso ?? "error")")
            for precision in EventDate.Precision.allCases {
                let coarse = date.coarsened(to: precision)
                // Precision orders day < month < year (finer first): coarsening never makes a date finer.
                precondition(coarse.precision == max(date.precision, precision) && coarse.year == date.year,
                             "coarsened \(date.iso) to \(precision): \(coarse.iso)")
            }
        } catch where order == nil && error.reason.contains("is ambiguous") {
            // Without a weekday both readings are days, and different ones. A weekday may rule out one reading or both
            // ("Fri 8/06/2004" is 6 August only; "Fri 8/06/2005" neither): the parser still calls such a date ambiguous.
            let dmy = try? EventDate(parsing: text, order: .dmy), mdy = try? EventDate(parsing: text, order: .mdy)
            let hasWeekday = text.contains { $0.isLetter }
            precondition((hasWeekday || (dmy != nil && mdy != nil)) && (dmy == nil || dmy != mdy),
                         "\(text.debugDescription) refused as ambiguous: \(dmy?.iso ?? "-") / \(mdy?.iso ?? "-")")
        } catch {}
    }
    if let serial = EventDate.excelSerial(text) {
        precondition((1950...2100).contains(serial.year) && (try? EventDate(parsing: serial.iso)) == serial, "Excel serial \(text) → \(serial.iso)")
    }
    return 0
}

@main enum Main {
    static func main() { runLibFuzzer(fuzzHumanDates) }
}
