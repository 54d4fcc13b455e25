import Foundation
import Testing
@testable import Cartography
@testable import Jobs
import TestSupport

/// Print outputs through rsvg-convert: a vector PDF at the page's size and a PNG at the dpi asked for.
@Suite struct PrintOutputTests {
    /// Width and height of a PNG from its IHDR chunk.
    static func pngSize(_ path: String) throws -> (Int, Int) {
        let data = try #require(FileManager.default.contents(atPath: path))
        let bytes = [UInt8](data.prefix(24))
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        func word(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (word(16), word(20))
    }

    @Test func pdfAndPNGAtTheirSizes() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var options = MapJob.Options(input: TestPaths.geodata + "/samples/events.csv", output: directory + "/map.svg")
        options.map.page = try PageSize(parsing: "11x8.5in")
        options.png = true
        options.pdf = true
        options.dpi = 150
        let summary = try MapJob.run(options, reference: SharedGeoData.reference)
        #expect(summary.outputs.contains(options.pdfPath) && summary.outputs.contains(options.pngPath))
        let (width, height) = try Self.pngSize(options.pngPath)
        #expect(abs(width - 1650) <= 1 && abs(height - 1275) <= 1, "11 × 8.5 in at 150 dpi: \(width) × \(height)")
        let pdf = String(decoding: try #require(FileManager.default.contents(atPath: options.pdfPath)), as: UTF8.self)
        #expect(pdf.hasPrefix("%PDF-"))
        let box = SVGText.captures("/MediaBox \\[ ?0 0 ([0-9.]+) ([0-9.]+) ?\\]", in: pdf)
        #expect(box.first.flatMap(Double.init).map { abs($0 - 792) < 1 } ?? false, "11 in = 792 pt wide: \(box)")
        #expect(!pdf.contains("/Subtype /Image") || pdf.contains("/Font"), "vector text, not a picture of the page")
    }

    @Test func sizesInInches() throws {
        let letter = try PageSize(parsing: "11x8.5in")
        #expect(abs(letter.width - 1056) < 0.01 && abs(letter.height - 816) < 0.01)
        #expect(letter.millimetres.map { abs($0.width - 279.4) < 0.01 } ?? false)
        #expect(throws: MapError.self) { try PageSize(parsing: "100x8.5in") }
    }
}
