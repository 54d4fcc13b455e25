import CPROJ

/// A PROJ threading context; create one per thread or worker and never share it.
///
/// Every `CoordinateTransform` keeps its context alive. PROJ never writes to stderr
/// through this context: its error log is captured and surfaced in `PROJError` messages.
public final class PROJContext {
    let handle: OpaquePointer
    private let errorLog = CapturedErrorLog()

    /// Creates a fresh PROJ context whose log messages are captured instead of printed.
    public init() throws(PROJError) {
        guard let handle = proj_context_create() else { throw .contextCreationFailed }
        self.handle = handle
        proj_log_func(handle, Unmanaged.passUnretained(errorLog).toOpaque(), recordPROJLogMessage)
        proj_log_level(handle, PJ_LOG_ERROR)
    }

    deinit {
        proj_context_destroy(handle)
    }

    /// Forgets previously captured log messages; call before an operation whose failure will be reported.
    func clearLoggedError() {
        errorLog.lastMessage = nil
    }

    /// PROJ's most specific description of the context's latest failure.
    var lastErrorMessage: String {
        errorLog.lastMessage ?? message(forErrorCode: proj_context_errno(handle))
    }

    /// PROJ's description of `code`, or a generic text when PROJ recorded no error.
    func message(forErrorCode code: Int32) -> String {
        guard code != 0, let text = proj_context_errno_string(handle, code) else {
            return "no further detail"
        }
        return String(cString: text)
    }
}

@available(*, unavailable, message: "A PROJContext must stay on one thread; create one per worker.")
extension PROJContext: Sendable {}

private final class CapturedErrorLog {
    var lastMessage: String?
}

private func recordPROJLogMessage(appData: UnsafeMutableRawPointer?, level: Int32, message: UnsafePointer<CChar>?) {
    guard let appData, let message else { return }
    let log = Unmanaged<CapturedErrorLog>.fromOpaque(appData).takeUnretainedValue()
    log.lastMessage = String(cString: message)
}
