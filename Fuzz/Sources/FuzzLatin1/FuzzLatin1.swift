import EventModel
import EventFormats
import FuzzSupport

/// Events files that are not UTF-8 (Latin-1 / Windows-1252 exports): the input becomes the place and notes of rows
/// under a fixed UTF-8 header, read with each encoding (auto: UTF-8 with a Windows-1252 fallback per field; utf8;
/// latin1; cp1252). Every row becomes an event or a reject; no text holds NUL; only `utf8` rejects a row for bytes
/// that are not UTF-8; `latin1` gives only code points up to U+00FF, `cp1252` none of the C1 controls it defines
/// otherwise; a reject's raw text shows bad bytes escaped (\xNN), never NUL.
private let definedHigh: Set<UInt32> = Set(0x80...0x9F).subtracting([0x81, 0x8D, 0x8F, 0x90, 0x9D])

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
    for encoding in TextEncoding.allCases {
        var options = ReadOptions()
        options.encoding = encoding
        guard let reader = try? EventReader(path: path, options: options) else { continue }
        var rows = 0
        for result in reader {
            rows += 1
            switch result {
            case let .event(event):
                let scalars = ((event.location ?? "") + (event.notes ?? "")).unicodeScalars
                precondition(!scalars.contains { $0.value == 0 }, "NUL in an event's text")
                if encoding == .latin1 { precondition(scalars.allSatisfy { $0.value <= 0xFF }, "latin1 gave a code point above U+00FF") }
                if encoding == .cp1252 { precondition(!scalars.contains { definedHigh.contains($0.value) }, "cp1252 left a C1 control it defines") }
            case let .reject(reject):
                precondition(!reject.raw.unicodeScalars.contains { $0.value == 0 }, "NUL in a reject's raw text")
                if encoding != .utf8 { precondition(!reject.reason.contains("not valid UTF-8"), "\(encoding) rejected a row as not UTF-8: \(reject.reason)") }
            }
        }
        let summary = reader.summary
        precondition(summary.events + summary.rejects == rows, "events + rejects != rows")
    }
    return 0
}

@main enum Main {
    static func main() { runLibFuzzer(fuzzLatin1) }
}
