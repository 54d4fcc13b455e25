import Foundation
import Testing
@testable import EventFormats
import TestSupport

/// Every CSV the `eventmap` binary writes, with cells a spreadsheet would run as formulas: by default no cell
/// starts like a formula (a leading apostrophe, OWASP), the tool's own reader gives back exactly what was read,
/// and `--raw-csv` writes the cells untouched.
@Suite(.serialized) struct SpreadsheetSafeCSVTests {
    static let hyperlink = #"=HYPERLINK("http://example.invalid/x","y")"#

    /// Events with formula cells in the id, place, group, notes and sources columns; row 5 is rejected.
    static let events = """
        event_id,event_date,location,latitude,longitude,actor1,fatalities,notes,source
        =1+1,2023-07-30,"=HYPERLINK(""http://example.invalid/x"",""y"")",34.43,70.45,@SUM(A1),2,+cmd,-2+3
        plain-2,2023-07-30,Jalalabad,34.43,70.45,Islamic State,3,"\rcr first",'=quoted already
        -3,2023-07-31,Asadabad,,,Tehrik-i-Taliban Pakistan,,-1.5e3,@source
        -4,2023-08-01,Torkham,34.13,71.09,=cmd|' /C calc'!A0,1,"\tnote",-1
        =bad(),not-a-date,=place(),,,,,=x,

        """

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    func eventmap(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try InterruptedRunTests.requireBinary())
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    func write(_ text: String, _ name: String, in folder: TestFolder) throws -> String {
        let path = folder.path + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The cells of a CSV text as they are on disk (RFC 4180: quotes removed, nothing else undone).
    static func rawCells(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false, afterQuote = false
        for character in text {
            if quoted {
                if character == "\"" { quoted = false; afterQuote = true } else { cell.append(character) }
                continue
            }
            switch character {
            case "\"": if afterQuote { cell.append("\"") }; quoted = true
            case ",": row.append(cell); cell = ""
            case "\n", "\r\n": row.append(cell); rows.append(row); row = []; cell = ""
            default: cell.append(character)
            }
            afterQuote = false
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }

    /// Cells a spreadsheet would run: they start with =, +, -, @, a tab or a carriage return and are not numbers.
    static func formulaCells(_ text: String) -> [String] {
        rawCells(text).flatMap { $0 }.filter { CSVCell.needsApostrophe($0) && !$0.hasPrefix("'") }
    }

    /// The records of a CSV file as the tool's own reader gives them, by header name.
    static func read(_ path: String) throws -> [[String: String]] {
        let records = try CSVReader(path: path)
        guard case .success(let header)? = records.next() else { return [] }
        var rows: [[String: String]] = []
        while let record = records.next() {
            if case .success(let fields) = record {
                rows.append(Dictionary(zip(header.fields, fields.fields), uniquingKeysWith: { first, _ in first }))
            }
        }
        return rows
    }

    /// Runs `arguments` twice, safe and with `--raw-csv`, and checks the CSV `output` both times: `values` must be
    /// read back exactly (safe) and appear untouched on disk (raw).
    func check(_ arguments: [String], output: String, values: [String], stdout: Bool = false) throws {
        let safe = try eventmap(arguments)
        #expect(safe.status == 0, "\(arguments): \(safe.stderr)")
        let safeText = stdout ? safe.stdout : try String(contentsOfFile: output, encoding: .utf8)
        #expect(Self.formulaCells(safeText).isEmpty, "\(arguments.prefix(2)): formula cells \(Self.formulaCells(safeText))")
        let readBack: [String]
        if stdout {
            let path = output + ".stdout.csv"
            try safeText.write(toFile: path, atomically: true, encoding: .utf8)
            readBack = try Self.read(path).flatMap(\.values)
        } else {
            readBack = try Self.read(output).flatMap(\.values)
        }
        for value in values {
            #expect(readBack.contains { $0 == value || $0.contains(value) }, "\(arguments.prefix(2)): \(value.debugDescription) not read back")
        }

        let raw = try eventmap(arguments + ["--raw-csv"])
        #expect(raw.status == 0, "\(arguments) --raw-csv: \(raw.stderr)")
        let rawText = stdout ? raw.stdout : try String(contentsOfFile: output, encoding: .utf8)
        let cells = Self.rawCells(rawText).flatMap { $0 }
        for value in values {
            #expect(cells.contains { $0 == value || $0.hasPrefix(value) }, "\(arguments.prefix(2)) --raw-csv: \(value.debugDescription) not untouched")
        }
        #expect(!Self.formulaCells(rawText).isEmpty, "--raw-csv neutralised the cells")
    }

    @Test func geocodeOutputAndRejects() throws {
        let folder = try TestFolder()
        let input = try write(Self.events, "events.csv", in: folder)
        let output = folder.path + "/out.csv"
        try check(["geocode", input, "-o", output, "--geodata", TestPaths.geodata], output: output,
                  values: ["=1+1", Self.hyperlink, "+cmd", "-2+3", "\rcr first", "=quoted already", "@source", "-3"])
        // the rejects file holds the raw line and the reason, both quoting formula text
        try check(["geocode", input, "-o", output, "--geodata", TestPaths.geodata], output: folder.path + "/out.rejects.csv",
                  values: ["=bad(),not-a-date,=place(),,,,,=x,"])
        // an input cell that was already neutralised ('=quoted already) is read as the formula text it protects,
        // and surrounding white space (the tab before "note") is trimmed by the reader, so nothing starts with it
        // numbers stay numbers: no apostrophe before -1.5e3 or -1
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains(",-1.5e3,") && !text.contains("'-1.5e3"))
    }

    @Test func pointJoinOutputAndRejects() throws {
        let folder = try TestFolder()
        let points = try write("id,lon,lat\n=2+2,70.45,34.43\n@x,70.45,34.43\n\"-3\",70.45,34.43\n\"=\"\"q\"\"\",70.45,34.43\n+bad,abc,34\n",
                               "points.csv", in: folder)
        let polygons = try write(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"=cmd|x"},"geometry":{"type":"Polygon","coordinates":[[[70,34],[71,34],[71,35],[70,35],[70,34]]]}}]}"#,
                                 "polygons.geojson", in: folder)
        let output = folder.path + "/joined.csv"
        try check(["geocode", "--boundaries", polygons, points, "-o", output], output: output, values: ["=2+2", "@x", "=cmd|x", "=\"q\""])
        try check(["geocode", "--boundaries", polygons, points, "-o", output], output: folder.path + "/joined.rejects.csv",
                  values: ["+bad,abc,34"])
        #expect(try Self.read(output).contains { $0["id"] == "-3" })
    }

    @Test func queryTables() throws {
        let folder = try TestFolder()
        let input = try write(Self.events, "events.csv", in: folder)
        try check(["query", "near-border", input, "--km", "500", "--format", "csv", "--geodata", TestPaths.geodata],
                  output: folder.path + "/near", values: ["=1+1", Self.hyperlink, "-4"], stdout: true)
        try check(["query", "aggregate", input, "--by", "group", "--format", "csv", "--geodata", TestPaths.geodata],
                  output: folder.path + "/aggregate", values: ["@SUM(A1)"], stdout: true)
    }

    @Test func extractCandidates() throws {
        let folder = try TestFolder()
        let report = try write("On 12 March 2024, a bomb killed 3 people in Jalalabad, Nangarhar province. The Islamic State claimed responsibility.\n",
                               "report.txt", in: folder)
        let output = folder.path + "/candidates.csv"
        try check(["extract", report, "-o", output, "--publisher", Self.hyperlink, "--geodata", TestPaths.geodata],
                  output: output, values: [Self.hyperlink])
    }

    @Test func mapRejects() throws {
        let folder = try TestFolder()
        let input = try write(Self.events, "events.csv", in: folder)
        let rejects = folder.path + "/map.rejects.csv"
        try check(["map", input, "-o", folder.path + "/map.svg", "--rejects", rejects, "--geodata", TestPaths.geodata],
                  output: rejects, values: ["=bad(),not-a-date,=place(),,,,,=x,"])
    }

    @Test func outlineImportMatchReport() throws {
        let folder = try TestFolder()
        let outlines = try write(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ADM2_EN":"Jalalabad","ADM1_EN":"Nangarhar"},"geometry":{"type":"Polygon","coordinates":[[[70.4,34.4],[70.5,34.4],[70.5,34.5],[70.4,34.4]]]}},{"type":"Feature","properties":{"ADM2_EN":"=1+1","ADM1_EN":"@Nangarhar"},"geometry":{"type":"Polygon","coordinates":[[[70,34],[70.1,34],[70.1,34.1],[70,34]]]}}]}"#,
                                 "outlines.geojson", in: folder)
        let report = folder.path + "/matches.csv"
        try check(["geodata", "import", outlines, "--dry-run", "--match-report", report, "--geodata", TestPaths.geodata],
                  output: report, values: ["=1+1", "@Nangarhar"])
    }

    @Test func helpSaysWhatRawCSVDoes() throws {
        for command in [["geocode"], ["query", "near-border"], ["extract"], ["map"], ["demo"], ["geodata", "import"]] {
            let help = try eventmap(command + ["--help"])
            let flat = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(flat.contains("--raw-csv") && flat.contains("leading apostrophe"), "\(command) --help")
        }
    }

    /// GeoJSON keeps the original values: neutralisation is for CSV only.
    @Test func geoJSONKeepsTheOriginalValues() throws {
        let folder = try TestFolder()
        let input = try write(Self.events, "events.csv", in: folder)
        let output = folder.path + "/out.geojson"
        let run = try eventmap(["geocode", input, "-o", output, "--geodata", TestPaths.geodata])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains(#""event_id":"=1+1""#) && !text.contains("'=1+1"))
    }
}
