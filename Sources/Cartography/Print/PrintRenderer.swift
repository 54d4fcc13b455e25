import Foundation
import EventFormats

/// Print outputs of an SVG map through librsvg's `rsvg-convert`: a vector PDF at the drawing's size, and a PNG at a
/// chosen resolution (the drawing's size in inches × dpi; CSS pixels are 1/96 in). Each is written beside and renamed
/// into place.
public enum PrintRenderer {
    public enum Format: String, Sendable { case png, pdf }

    /// The `rsvg-convert` on PATH (or in /usr/bin, /usr/local/bin), if any.
    public static func rsvgConvert() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
            let candidate = directory + "/rsvg-convert"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// What to do when rsvg-convert is missing.
    public static let installHint = "install librsvg2-bin and fonts-dejavu-core (apt-get install librsvg2-bin fonts-dejavu-core)"

    /// Renders `svg` to `output` as PNG (at `dpi`) or PDF (vector).
    public static func write(svg: String, to output: String, format: Format, dpi: Double = 96) throws {
        guard let tool = rsvgConvert() else {
            throw MapError("the \(format.rawValue) option needs rsvg-convert, which is not installed; \(installHint), or leave out the \(format.rawValue) option. The SVG was written: \(svg)")
        }
        let url = URL(fileURLWithPath: output)
        let temporary = url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        var arguments = ["--format", format.rawValue, "--output", temporary]
        switch format {
        case .png:
            arguments += ["--zoom", NumberFormatting.string(dpi / 96, decimals: 4), "--background-color", "white"]
        case .pdf:
            break
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments + [svg]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw MapError("rsvg-convert could not render \(svg) as \(format.rawValue.uppercased()) (exit \(process.terminationStatus)): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        if rename(temporary, output) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw OutputError(path: output, "cannot move the finished \(format.rawValue.uppercased()) into place: \(String(cString: strerror(errno)))")
        }
    }
}
