import Foundation

/// The milliseconds of each stage of drawing one map, reported to `SVGMapOptions.onStage` when it is set (for
/// tuning; the command line sets it with EVENTMAP_PROFILE). Bound per render, so renders on other threads
/// neither see nor disturb it.
enum MapProfile {
    final class Clock: @unchecked Sendable {
        // Safe: a clock is made for one render and used only by the thread running it.
        var last = Date()
        let report: @Sendable (String, Double) -> Void
        init(_ report: @escaping @Sendable (String, Double) -> Void) { self.report = report }
    }

    @TaskLocal static var clock: Clock?

    /// Reports the time since the previous mark of this render.
    static func mark(_ stage: String) {
        guard let clock else { return }
        let now = Date()
        clock.report(stage, now.timeIntervalSince(clock.last) * 1000)
        clock.last = now
    }

    /// Runs `body` with its marks reported to `report` (nil: not measured).
    static func measuring<T>(_ report: (@Sendable (String, Double) -> Void)?, _ body: () throws -> T) rethrows -> T {
        guard let report else { return try body() }
        return try $clock.withValue(Clock(report), operation: body)
    }
}
