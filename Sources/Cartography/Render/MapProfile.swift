import Foundation

/// With EVENTMAP_PROFILE set, the milliseconds of each stage of drawing a map, on standard error.
enum MapProfile {
    static let enabled = ProcessInfo.processInfo.environment["EVENTMAP_PROFILE"] != nil
    nonisolated(unsafe) private static var last = Date()

    /// Prints the time since the previous mark (single-threaded use: the renderer runs on one thread).
    static func mark(_ stage: String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data(String(format: "map: %@ %.0f ms\n", stage, now.timeIntervalSince(last) * 1000).utf8))
        last = now
    }
}
