import Foundation

/// A one-line progress report on a terminal's standard error: rows read and the share of the file done.
final class ProgressLine {
    private let enabled: Bool
    private let totalBytes: Double
    private let startedAt = Date()
    private var shown = false

    init(enabled: Bool, path: String) {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.doubleValue ?? 0
        self.enabled = enabled && size > 5_000_000
        totalBytes = size
    }

    func update(_ rows: Int) {
        guard enabled else { return }
        shown = true
        let seconds = Date().timeIntervalSince(startedAt)
        let rate = seconds > 0 ? Int(Double(rows) / seconds) : 0
        FileHandle.standardError.write(Data("\r\u{1B}[K\(rows) rows read, \(rate) rows/s".utf8))
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
