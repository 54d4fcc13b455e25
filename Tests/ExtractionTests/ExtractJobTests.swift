import Foundation
import Testing
import EventModel
import EventFormats
import GeoReference
@testable import Extraction
@testable import Jobs

/// The job end to end: candidates written through the output format table, valid input for the event
/// reader (and so for geocode, query and map), duplicates of known events flagged.
@Suite struct ExtractJobTests {
    static let reference: ReferenceData = try! ReferenceData.load(ExtractionFixtures.geodata, useImported: false)

    static func temporary(_ name: String) -> String {
        let folder = NSTemporaryDirectory() + "extract-job-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/" + name
    }

    static let documents = ExtractionFixtures.annotated.map { name in
        ["news-report.txt", "government-statement.md", "un-report.html", "advocacy-oped.md"].first { $0.hasPrefix(name) }!
    }.map(ExtractionFixtures.document)

    @Test func csvHasTheCanonicalColumnsAndReadsBackAsEvents() throws {
        let output = Self.temporary("candidates.csv")
        let summary = try ExtractJob.run(ExtractJob.Options(documents: Self.documents, output: output), reference: Self.reference)
        #expect(summary.written == output)
        #expect(summary.candidates == 14)
        let header = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")[0].split(separator: ",").map(String.init)
        #expect(header == CandidateTable.columns(withDuplicates: false))
        var events = 0
        var rejects: [String] = []
        for result in try EventReader(path: output) {
            switch result {
            case let .event(event):
                events += 1
                #expect(event.extra.contains { $0.name == "status" && $0.value == "candidate" })
                #expect(event.extra.contains { $0.name == "evidence" && !$0.value.isEmpty })
            case let .reject(reject):
                rejects.append("\(reject.line): \(reject.reason)")
            }
        }
        #expect(events == 14, "\(rejects)")
    }

    @Test func geoJSONCarriesTheGazetteerPointOnlyForPlacesAndDistricts() throws {
        let output = Self.temporary("candidates.geojson")
        _ = try ExtractJob.run(ExtractJob.Options(documents: Self.documents, output: output), reference: Self.reference)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as! [String: Any]
        let features = object["features"] as! [[String: Any]]
        #expect(features.count == 14)
        for feature in features {
            let properties = feature["properties"] as! [String: Any]
            let precision = properties["geo_precision"] as? Int ?? 9
            let hasPoint = !(feature["geometry"] is NSNull) && feature["geometry"] != nil
            #expect(hasPoint == (precision <= 3), "\(properties["event_id"] ?? "?"): precision \(precision)")
            #expect(properties["latitude"] is NSNull, "reported coordinates stay empty")
            #expect(properties["status"] as? String == "candidate")
        }
    }

    @Test func mergeFlagsCandidatesThatRepeatKnownEvents() throws {
        let known = Self.temporary("known.csv")
        try """
        event_id,event_date,event_type,sub_event_type,location,admin2,admin1,country,group,attribution,sources
        K-1,2025-03-01,Explosions/Remote violence,Remote explosive,Khar,Bajaur,Khyber Pakhtunkhwa,Pakistan,TTP,attributed,test
        K-2,2025-03-02,Strategic developments,Arrests,Khar,Bajaur,Khyber Pakhtunkhwa,Pakistan,,,test
        K-3,2025-02-20,Explosions/Remote violence,Remote explosive,Bajaur,Bajaur,Khyber Pakhtunkhwa,Pakistan,,,test
        K-4,2025-02-23,Strategic developments,Arrests,Jalalabad,Jalalabad,Nangarhar,Afghanistan,,,test
        """.write(toFile: known, atomically: true, encoding: .utf8)
        let output = Self.temporary("candidates.csv")
        var options = ExtractJob.Options(documents: [ExtractionFixtures.document("news-report.txt")], output: output)
        options.merge = known
        let summary = try ExtractJob.run(options, reference: Self.reference)
        let candidates = summary.reports[0].candidates
        #expect(candidates.first { $0.eventType == .bombing }?.duplicateOf == ["K-1"], "same district, same kind, a day apart")
        #expect(candidates.first { $0.eventType == .arrest }?.duplicateOf == ["K-4"], "two days apart")
        #expect(candidates.first { $0.eventType == .attack }?.duplicateOf == [])
        #expect(summary.duplicates == 2)
        #expect(try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")[0].hasSuffix(",duplicate_of"))
    }

    @Test func noCandidateMeansNothingWritten() throws {
        let output = Self.temporary("candidates.csv")
        let summary = try ExtractJob.run(ExtractJob.Options(documents: [ExtractionFixtures.bad("empty.txt"), ExtractionFixtures.bad("binary.bin")],
                                                            output: output), reference: Self.reference)
        #expect(summary.candidates == 0 && summary.written == nil)
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(summary.description.contains("nothing written"))
        #expect(summary.failed.count == 2)
    }

    @Test func idsStayUniqueAcrossDocumentsOfTheSameName() throws {
        let folder = Self.temporary("")
        for sub in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: folder + sub, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: ExtractionFixtures.document("latin1-report.txt"), toPath: folder + sub + "/report.txt")
        }
        let summary = try ExtractJob.run(ExtractJob.Options(documents: [folder + "a/report.txt", folder + "b/report.txt"], output: folder + "out.csv"),
                                         reference: Self.reference)
        #expect(summary.reports.flatMap(\.candidates).map(\.eventID) == ["report-1", "report-1-2"])
    }
}
