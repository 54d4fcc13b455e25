import Foundation
import Testing
@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs
import TestSupport

@Suite struct RejectWriterTests {
    @Test func writesOneCSVRowPerRejectWithNothingLost() throws {
        let folder = try TestFolder()
        let rejects = try EventFixtures.read("ragged.csv").results.rejects + EventFixtures.read("invalid-utf8.csv", encoding: .utf8).results.rejects
        let path = folder.path + "/rejects.csv"
        try RejectWriter.write(rejects, to: path)

        let records = try CSVReader(path: path).map { try $0.get().fields }
        #expect(records.count == 4)
        #expect(records[0] == ["file", "line", "field", "reason", "raw"])
        #expect(records[1][0] == EventFixtures.path("ragged.csv"))
        #expect(records[1][1] == "2" && records[1][2] == "")
        #expect(records[1][4] == "R1,2023-07-30,Khar, Bajaur")
        #expect(records[3][1] == "2" && records[3][2] == "location")
        #expect(records[3][4] == "U1,2023-07-30,Kh\\xE2r")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["rejects.csv"])
    }

    @Test func discardLeavesNoFile() throws {
        let folder = try TestFolder()
        let writer = try RejectWriter(path: folder.path + "/rejects.csv")
        writer.write(Reject(file: "a.csv", line: 2, field: nil, reason: "x", category: .ragged, raw: "a"))
        writer.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
