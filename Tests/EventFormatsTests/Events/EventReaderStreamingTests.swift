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

@Suite struct EventReaderStreamingTests {
    @Test func streamsTwoHundredThousandRows() throws {
        let folder = try TestFolder()
        let path = folder.path + "/large.csv"
        let file = try AtomicFile(path: path)
        file.write("event_id,event_date,location,latitude,longitude,fatalities,sources\n")
        let rows = 200_000
        for i in 0..<rows {
            let day = i % 28 + 1
            file.write("L\(i),2023-07-\(day < 10 ? "0" : "")\(day),\"Khar, Bajaur\",\(34 + Double(i % 1000) / 1000),\(71 + Double(i % 700) / 1000),\(i % 90)+,Dawn; Reuters\n")
        }
        try file.commit()

        let reader = try EventReader(path: path)
        var events = 0
        var last = ""
        for result in reader {
            if let event = result.event { events += 1; last = event.eventID }
        }
        #expect(events == rows)
        #expect(reader.summary.rowsRead == rows && reader.summary.rejects == 0)
        #expect(last == "L\(rows - 1)")
    }
}
