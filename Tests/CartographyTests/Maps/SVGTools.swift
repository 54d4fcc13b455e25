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

/// xmllint and rsvg-convert, run as a reader's tools would; a missing tool fails the test with what to install.
enum SVGTools {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static let xmllint = "/usr/bin/xmllint"

    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `xmllint --noout FILE`: exit 0 and no message means well-formed XML.
    static func checkWellFormed(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard FileManager.default.isExecutableFile(atPath: xmllint) else {
            throw Failure(description: "\(xmllint) is missing: the SVG tests check well-formedness with it. Install libxml2-utils (Scripts/setup --test does it; CI installs it)")
        }
        let result = try run(xmllint, ["--noout", path])
        #expect(result.status == 0 && result.output.isEmpty, "xmllint: \(result.output)", sourceLocation: sourceLocation)
    }

    /// Renders with librsvg's rsvg-convert; returns the PNG's size in bytes.
    @discardableResult
    static func render(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        guard let tool = MapJob.rsvgConvert() else {
            throw Failure(description: "rsvg-convert is missing: the SVG tests render every map with it. Install librsvg2-bin (Scripts/setup --test does it; CI installs it)")
        }
        let png = svg + ".png"
        let result = try run(tool, ["--format", "png", "--output", png, svg])
        #expect(result.status == 0, "rsvg-convert exited \(result.status): \(result.output)", sourceLocation: sourceLocation)
        let size = ((try? FileManager.default.attributesOfItem(atPath: png)[.size]) as? NSNumber)?.intValue ?? 0
        #expect(size > 1000, "rsvg-convert wrote \(size) bytes", sourceLocation: sourceLocation)
        let head = (FileManager.default.contents(atPath: png) ?? Data()).prefix(8)
        #expect(Array(head) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "not a PNG", sourceLocation: sourceLocation)
        return size
    }
}

/// Small readers of the SVG text for the checks.
enum SVGText {
    /// Every match of `pattern`'s first capture group.
    static func captures(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// The text without its `<style>` element (CSS lengths are not coordinates).
    static func withoutStyle(_ text: String) -> String {
        guard let start = text.range(of: "<style>"), let end = text.range(of: "</style>") else { return text }
        return String(text[..<start.lowerBound]) + String(text[end.upperBound...])
    }

    /// The contents of `<defs>`.
    static func defs(_ text: String) -> String {
        guard let start = text.range(of: "<defs>"), let end = text.range(of: "</defs>") else { return "" }
        return String(text[start.upperBound..<end.lowerBound])
    }

    /// The texts of `<text class="cls">` elements.
    static func texts(_ text: String, cls: String) -> [String] {
        captures("<text class=\"\(cls)\"[^>]*>([^<]*)</text>", in: text)
    }
}
