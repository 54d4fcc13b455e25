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

/// Runs the built `eventmap` binary and interrupts it or fills its disk: earlier outputs stay intact, no
/// partial or temporary file is left, and the exit codes are those `eventmap geocode --help` documents
/// (130 SIGINT, 143 SIGTERM, 1 write failure).
///
/// The binary: `$EVENTMAP_BINARY` when set, else `eventmap` beside the test bundle — `swift build --build-tests`
/// (and `swift test`, which runs it) builds every product into the same folder, for example
/// `.build-rel/x86_64-unknown-linux-gnu/debug/{EventMapperPackageTests.xctest,eventmap}`. When neither exists the
/// tests fail saying so; build it with `swift build --scratch-path <the same scratch path> --product eventmap`.
@Suite(.serialized) struct InterruptedRunTests {
    static var binary: String? {
        if let given = ProcessInfo.processInfo.environment["EVENTMAP_BINARY"] { return given }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        for folder in [bundle.deletingLastPathComponent(), bundle.deletingLastPathComponent().deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("eventmap").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func requireBinary() throws -> String {
        try #require(binary, "no eventmap binary beside \(CommandLine.arguments[0]); run swift build --build-tests (or set EVENTMAP_BINARY)")
    }

    /// An events file of `rows` coordinate rows in the covered region.
    static func eventsFile(in folder: String, rows: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        var text = "event_id,event_date,location,latitude,longitude,notes\n"
        text.reserveCapacity(rows * 64)
        for i in 0..<rows {
            let lat = Double.random(in: 30...36, using: &generator), lon = Double.random(in: 66...74, using: &generator)
            text += "E\(i),2023-07-\(1 + i % 28),,\(String(format: "%.5f", lat)),\(String(format: "%.5f", lon)),row \(i)\n"
        }
        let path = folder + "/events.csv"
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// Files in `folder` that an interrupted write would leave: AtomicFile's `.NAME.tmp-PID-N`.
    static func leftovers(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.contains(".tmp-") }
    }

    static func launch(_ executable: String, _ arguments: [String], stderr: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    func interrupt(with signalNumber: Int32, expecting code: Int32) throws {
        let binary = try Self.requireBinary()
        let folder = try TestFolder()
        let events = Self.eventsFile(in: folder.path, rows: 60_000)
        let output = folder.path + "/out/events.csv"
        let rejects = folder.path + "/out/events.rejects.csv"
        // Earlier outputs that the interrupted run would replace.
        try FileManager.default.createDirectory(atPath: folder.path + "/out", withIntermediateDirectories: true)
        try "earlier output\n".write(toFile: output, atomically: false, encoding: .utf8)
        try "earlier rejects\n".write(toFile: rejects, atomically: false, encoding: .utf8)

        let process = try Self.launch(binary, ["geocode", events, "-o", output, "--geodata", TestPaths.geodata, "--workers", "1", "--quiet"])
        // Wait until the run is writing: its temporary output exists and has grown past the first buffer flush.
        let deadline = Date().addingTimeInterval(120)
        var writing = false
        while Date() < deadline, process.isRunning {
            let temporary = Self.leftovers(folder.path + "/out").filter { $0.hasPrefix(".events.csv.tmp-") }
            let size = temporary.compactMap { try? FileManager.default.attributesOfItem(atPath: folder.path + "/out/" + $0)[.size] as? NSNumber }
                .map(\.intValue).max() ?? 0
            if size > 0 { writing = true; break }
            usleep(20_000)
        }
        #expect(writing, "the run never started writing its output")
        kill(process.processIdentifier, signalNumber)
        process.waitUntilExit()

        #expect(process.terminationReason == .exit && process.terminationStatus == code,
                "exit \(process.terminationStatus) (\(process.terminationReason == .exit ? "exit" : "signal"))")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "earlier output\n")
        #expect(try String(contentsOfFile: rejects, encoding: .utf8) == "earlier rejects\n")
        #expect(Self.leftovers(folder.path + "/out").isEmpty, "left behind: \(Self.leftovers(folder.path + "/out"))")
    }

    @Test(.timeLimit(.minutes(3))) func sigintLeavesEarlierOutputsAndNoPartialFile() throws {
        try interrupt(with: SIGINT, expecting: 130)
    }

    @Test(.timeLimit(.minutes(3))) func sigtermLeavesEarlierOutputsAndNoPartialFile() throws {
        try interrupt(with: SIGTERM, expecting: 143)
    }

    /// A full disk, simulated by a file-size limit: `ulimit -f 64` (64 × 512 bytes in /bin/sh) makes a write past
    /// 32 KB fail. SIGXFSZ is ignored (`trap '' XFSZ`) so the write returns EFBIG instead of killing the process.
    @Test(.timeLimit(.minutes(3))) func fullDiskGivesAClearErrorAndNoPartialFile() throws {
        let binary = try Self.requireBinary()
        let folder = try TestFolder()
        let events = Self.eventsFile(in: folder.path, rows: 3_000)
        let output = folder.path + "/out.geojson"
        let stderr = Pipe()
        let script = "trap '' XFSZ; ulimit -f 64; exec \"$0\" geocode \"$1\" -o \"$2\" --geodata \"$3\" --workers 1"
        let process = try Self.launch("/bin/sh", ["-c", script, binary, events, output, TestPaths.geodata], stderr: stderr)
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationReason == .exit && process.terminationStatus == 1, "exit \(process.terminationStatus): \(message)")
        #expect(message.contains("\(output): writing failed (File too large); nothing was written there. Free some space or choose another place"), "\(message)")
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/out.rejects.csv"))
        #expect(Self.leftovers(folder.path).isEmpty, "left behind: \(Self.leftovers(folder.path))")
    }
}
