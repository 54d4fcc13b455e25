import Foundation
import Testing

/// The library names no command-line flag: only the CLI target (Sources/eventmap) says "--something", and it
/// words the library's errors and notes itself (UserMessages).
@Suite struct LayeringTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Every long flag the CLI declares (`@Option`/`@Flag` properties, in kebab case).
    static func cliFlags() throws -> Set<String> {
        var flags: Set<String> = []
        let cli = sources.appendingPathComponent("eventmap")
        for file in try FileManager.default.contentsOfDirectory(atPath: cli.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: cli.appendingPathComponent(file), encoding: .utf8)
            let lines = text.components(separatedBy: "\n")
            for (i, line) in lines.enumerated() where line.contains("@Option") || line.contains("@Flag") {
                if let range = line.range(of: #"customLong\("([a-z-]+)"\)"#, options: .regularExpression) {
                    flags.insert(String(line[range]).replacingOccurrences(of: "customLong(\"", with: "").replacingOccurrences(of: "\")", with: ""))
                    continue
                }
                for next in lines[i...].prefix(4) {
                    guard let range = next.range(of: #"var [a-zA-Z]+"#, options: .regularExpression) else { continue }
                    let name = String(next[range].dropFirst(4))
                    flags.insert(name.reduce(into: "") { out, c in out += c.isUppercase ? "-" + c.lowercased() : String(c) })
                    break
                }
            }
        }
        return flags
    }

    @Test func noLibraryTargetNamesAFlag() throws {
        let flags = try Self.cliFlags()
        #expect(flags.contains("column-map") && flags.contains("geodata") && flags.contains("km"))
        var offenders: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: Self.sources.path)!
        for case let path as String in enumerator where path.hasSuffix(".swift") && !path.hasPrefix("eventmap/") {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(path), encoding: .utf8)
            for (number, line) in text.components(separatedBy: "\n").enumerated() {
                let code = line.components(separatedBy: "//").first ?? line
                guard code.contains("\""), !code.contains("arguments") else { continue }  // flags passed to another program
                for flag in flags where code.contains("--\(flag)") {
                    let after = code.range(of: "--\(flag)").map { code[$0.upperBound...].first } ?? nil
                    if let after, after.isLetter || after == "-" { continue }
                    offenders.append("\(path):\(number + 1): --\(flag)")
                }
            }
        }
        #expect(offenders.isEmpty, "library strings that name CLI flags: \(offenders)")
    }
}
