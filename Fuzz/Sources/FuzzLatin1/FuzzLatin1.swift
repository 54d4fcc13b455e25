import EventModel
import EventFormats
import FuzzSupport

/// Text that is not UTF-8 in an events file (Latin-1 / Windows-1252 exports): the input becomes the place and
/// notes of rows under a fixed header, line breaks and all. Every row becomes an event or a reject; an event's
/// text is valid Unicode without NUL, and a reject's raw text shows bad bytes escaped (\xNN), never raw.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLatin1(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    var bytes = Array("event_id,event_date,location,notes\n".utf8)
    var row = 1
    var field = 0
    bytes += Array("R1,2023-07-30,".utf8)
    for byte in UnsafeBufferPointer(start: data, count: size) {
        switch byte {
        case 10:
            row += 1
            field = 0
            bytes += Array("\nR\(row),2023-07-30,".utf8)
        case UInt8(ascii: ",") where field == 0:
            field = 1
            bytes.append(byte)
        default:
            bytes.append(byte)
        }
    }
    bytes.append(10)
    let path = bytes.withUnsafeBufferPointer { ScratchFile.write($0.baseAddress!, $0.count, name: "events.csv") }
    guard let reader = try? EventReader(path: path) else { return 0 }
    var rows = 0
    for result in reader {
        rows += 1
        switch result {
        case let .event(event):
            precondition(!(event.location ?? "").unicodeScalars.contains { $0.value == 0 }, "NUL in a location")
        case let .reject(reject):
            precondition(!reject.raw.unicodeScalars.contains { $0.value == 0 }, "NUL in a reject's raw text")
        }
    }
    let summary = reader.summary
    precondition(summary.events + summary.rejects == rows, "events + rejects != rows")
    return 0
}

@main enum Main {
    static func main() { runLibFuzzer(fuzzLatin1) }
}
