import Foundation
import Testing
@testable import EventFormats
import TestSupport

/// The compact table of event ids behind duplicate-id rejects.
@Suite struct EventIDTableTests {
    @Test func remembersEveryIDWithItsFirstLine() {
        var table = EventIDTable()
        var reference: [String: Int] = [:]
        let ids = (0..<50_000).map { i in i % 7 == 0 ? "ACLED-\(i)-\(String(repeating: "x", count: i % 40))" : "EV\(i)" }
            + ["", "é", "Ñandú 1", "EV1 ", " EV1", "ev1"]
        for (line, id) in ids.enumerated() {
            #expect(table.line(of: id) == reference[id])
            if reference[id] == nil {
                table.insert(id, line: line + 2)
                reference[id] = line + 2
            }
        }
        #expect(table.count == reference.count)
        for (id, line) in reference { #expect(table.line(of: id) == line, "\(id)") }
        for probe in ["EV50000", "EV-1", "ACLED-7-", "EV1  ", "e\u{301}"] {
            #expect(table.line(of: probe) == reference[probe], "\(probe)")
        }
    }

    @Test func repeatedIDsAreRejectedNamingTheFirstLine() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/events.csv"
        try "event_id,event_date,location\nA,2023-01-01,Khar\nB,2023-01-02,Khar\nA,2023-01-03,Khar\n,2023-01-04,Khar\n,2023-01-04,Khar\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let results = Array(try EventReader(path: path))
        guard case let .reject(reject) = results[2] else { Issue.record("the repeated id was not rejected"); return }
        #expect(reject.reason.contains("already used on line 2"))
        guard case let .event(first) = results[3], case let .event(second) = results[4] else { Issue.record("generated ids"); return }
        #expect(second.eventID == first.eventID + "-2")
    }
}
