import Foundation
import Testing
@testable import PostGIS

/// The README's promise through the built binary: `eventmap export` then `eventmap query … --engine postgis`
/// prints what the in-process engine prints.
@Suite(.enabled(if: TestPostgres.available)) struct CommandLineTests {
    @Test func theEnginesPrintTheSameTables() throws {
        let schema = TestPostgres.uniqueName("cli")
        let export = try EventmapBinary.run(["export", TestData.samples, "--schema", schema])
        #expect(export.status == 0, "\(export.errors)")
        let n = TestData.sampleEvents.count
        #expect(export.errors.contains("events: \(n) rows, \(n) new"), "\(export.errors)")
        for query in [["near-border", "--km", "50"], ["links", "--cross-border-only"], ["aggregate", "--by", "district"],
                      ["aggregate", "--by", "flow", "--within", "Nangarhar"], ["links"], ["near-border", "--km", "25", "--group", "TTP"]] {
            let inProcess = try EventmapBinary.run(["query"] + query + [TestData.samples])
            let postgis = try EventmapBinary.run(["query"] + query + ["--engine", "postgis", "--schema", schema])
            #expect(inProcess.status == 0 && postgis.status == 0, "\(query): \(postgis.errors)")
            #expect(postgis.output == inProcess.output, "\(query)")
        }
        let withFile = try EventmapBinary.run(["query", "links", TestData.samples, "--engine", "postgis"])
        #expect(withFile.status == 64 && withFile.errors.contains("leave the file out"))
        let empty = try EventmapBinary.run(["query", "links", "--engine", "postgis", "--schema", TestPostgres.uniqueName("nothing")])
        #expect(empty.status == 1 && empty.errors.contains("has no EventMapper query functions"), "\(empty.errors)")
    }
}
