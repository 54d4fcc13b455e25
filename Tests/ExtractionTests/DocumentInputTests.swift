import Foundation
import Testing
@testable import Extraction

/// Bad and awkward input: clear errors, notes for what was skipped, nothing crashes.
@Suite struct DocumentInputTests {
    @Test func htmlScriptsStylesAndCommentsNeverBecomeText() throws {
        let path = ExtractionFixtures.document("html-scripts.html")
        let document = try DocumentLoader.load(path: path)
        for hidden in ["Quetta", "Zhob", "Mir Ali", "Bannu", "Khuzdar", "document.write", "content:"] {
            #expect(!document.text.contains(hidden), "'\(hidden)' from a script, style, noscript or comment reached the text")
        }
        #expect(document.metadata.title == "Checkpost attack in Lakki Marwat (invented test document)")
        #expect(document.metadata.publisher == "Valley Times (invented)")
        let report = ExtractionFixtures.extractor.extract(document)
        #expect(report.candidates.count == 1)
        let candidate = try #require(report.candidates.first)
        #expect(candidate.admin2 == "Lakki Marwat")
        #expect(candidate.date?.iso == "2025-01-19")
        #expect(candidate.fatalities?.text == "3", "the two attackers are not counted")
        #expect(candidate.attribution == .attributed && candidate.groupID == "gr-hgb" && candidate.attributedBy == "Police")
    }

    @Test func theUNReportSkipsNavigationScriptsTablesAndPashto() throws {
        let report = ExtractionFixtures.extractor.extract(path: ExtractionFixtures.document("un-report.html"))
        #expect(report.blocksSkipped == 1)
        #expect(report.notes.contains { $0.contains("Arabic script") && $0.contains("lang=ps") })
        #expect(!report.candidates.contains { $0.evidence.contains("Khost") || $0.evidence.contains("Quetta") || $0.evidence.contains("99") })
    }

    @Test func emptyBinaryAndBlankFilesAreClearErrors() {
        let empty = ExtractionFixtures.extractor.extract(path: ExtractionFixtures.bad("empty.txt"))
        #expect(empty.error == .empty(path: ExtractionFixtures.bad("empty.txt")))
        let binary = ExtractionFixtures.extractor.extract(path: ExtractionFixtures.bad("binary.bin"))
        guard case let .binary(_, reason)? = binary.error else { Issue.record("binary file read as text"); return }
        #expect(reason.contains("PNG"))
        let blank = ExtractionFixtures.extractor.extract(path: ExtractionFixtures.bad("whitespace.txt"))
        guard case .noText? = blank.error else { Issue.record("white space read as text"); return }
        let missing = ExtractionFixtures.extractor.extract(path: ExtractionFixtures.bad("no-such-file.txt"))
        guard case .unreadable? = missing.error else { Issue.record("a missing file is no error"); return }
    }

    @Test func latin1IsReadAsWindows1252WithANote() throws {
        let document = try DocumentLoader.load(path: ExtractionFixtures.document("latin1-report.txt"))
        #expect(document.encoding == "Windows-1252")
        #expect(document.notes.contains { $0.contains("Windows-1252") })
        #expect(document.text.contains("café") && document.text.contains("naïve") && document.text.contains("“We heard shots,”"))
        let report = ExtractionFixtures.extractor.extract(document)
        let candidate = try #require(report.candidates.first)
        #expect(candidate.admin2 == "Kohat" && candidate.date?.iso == "2025-06-07")
        #expect(candidate.fatalities?.text == "4" && candidate.injuries?.text == "2")
    }

    @Test func documentsAboveTheSizeLimitAreRefused() throws {
        let path = NSTemporaryDirectory() + "extract-large-\(UUID().uuidString).txt"
        try Data(repeating: 0x61, count: 4096).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = ExtractionOptions()
        options.maximumBytes = 1024
        let report = ExtractionFixtures.extractor.extract(path: path, options: options)
        #expect(report.error == .tooLarge(path: path, bytes: 4096, limit: 1024))
        #expect("\(report.error!)".contains("above the limit"))
    }

    @Test func otherBinaryInputsAreNamed() {
        func error(_ bytes: [UInt8], _ name: String) -> ExtractionError? {
            do { _ = try DocumentLoader.load(bytes: bytes, path: name); return nil } catch { return error }
        }
        guard case let .binary(_, pdf)? = error(Array("%PDF-1.7 ...".utf8), "report.pdf") else { Issue.record("PDF read as text"); return }
        #expect(pdf.contains("pdftotext"))
        guard case .binary? = error([0x41, 0x00, 0x42, 0x43], "nul.txt") else { Issue.record("NUL bytes read as text"); return }
        guard case .empty? = error([], "nothing.md") else { Issue.record("empty bytes"); return }
        guard case .noText? = error(Array("<html><head><script>var a = 1;</script></head><body></body></html>".utf8), "script-only.html") else {
            Issue.record("an HTML page with only a script has text"); return
        }
    }

    @Test func utf16WithAByteOrderMarkIsRead() throws {
        let text = "Gunmen attacked a checkpost in Tank district on Sunday, killing two policemen."
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let document = try DocumentLoader.load(bytes: bytes, path: "utf16.txt")
        #expect(document.encoding == "UTF-16LE")
        #expect(document.text == text)
    }

    @Test func paragraphsInOtherScriptsAndLanguagesAreSkippedAndSaid() throws {
        let text = """
        Gunmen attacked a checkpost in Tank district on Sunday, killing two policemen.

        د ټانک په ولسوالۍ کې وسله والو پر یوه پوسته برید وکړ او دوه پولیس یې ووژل.

        Des hommes armés ont attaqué un poste de contrôle dans le district de Tank dimanche et ont tué deux policiers.

        Вооружённые люди напали на блокпост в районе Танк.
        """
        let report = ExtractionFixtures.extract(text)
        #expect(report.candidates.count == 1)
        #expect(report.blocksSkipped == 3)
        #expect(report.notes.contains { $0.contains("Arabic script") })
        #expect(report.notes.contains { $0.contains("French") })
        #expect(report.notes.contains { $0.contains("Cyrillic") })
        guard case .noText? = ExtractionFixtures.extract("Вооружённые люди напали на блокпост в районе Танк.").error else {
            Issue.record("a document wholly in another script should say it has nothing to read"); return
        }
    }

    @Test func deeplyNestedAndBrokenHTMLDoesNotCrash() throws {
        let nested = String(repeating: "<div>", count: 20_000) + "Gunmen attacked a checkpost in Tank district on Sunday." + String(repeating: "</div>", count: 20_000)
        _ = try? DocumentLoader.load(bytes: Array(nested.utf8), path: "nested.html")
        let broken = "<html><body><p>Gunmen attacked a checkpost in <b>Tank district on Sunday<p>killing two <i>policemen</body>"
        let document = try DocumentLoader.load(bytes: Array(broken.utf8), path: "broken.html")
        #expect(document.text.contains("Tank district on Sunday"))
    }

    @Test func markdownMarkupIsBlankedButOffsetsStayInTheFile() throws {
        let text = "# Attack in **Tank**\n\n*By A. Writer* — 3 March 2025\n\n- Gunmen [attacked](https://example.org/x) a checkpost in _Tank district_ on Sunday.\n"
        let document = try DocumentLoader.load(bytes: Array(text.utf8), path: "note.md")
        #expect(document.text.unicodeScalars.count == text.unicodeScalars.count)
        #expect(!document.text.contains("https") && !document.text.contains("**") && !document.text.contains("#"))
        #expect(document.blocks.first?.isHeading == true)
    }
}
