import Foundation
import Logging

/// Messages for the person at the terminal, through swift-log: notes and summaries on standard error,
/// with the library's words for choices turned into flags. Standard output stays for results.
enum Console {
    static let logger: Logger = {
        LoggingSystem.bootstrap { label in
            var handler = NoteHandler()
            handler.logLevel = ProcessInfo.processInfo.environment["EVENTMAP_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
            return handler
        }
        return Logger(label: "eventmap")
    }()

    /// "note: …" on standard error.
    static func note(_ text: String) { logger.notice("\(UserMessages.flagged(text))") }

    /// A summary or progress line on standard error, as it is.
    static func say(_ text: String) { logger.info("\(UserMessages.flagged(text))") }
}

/// Writes `note: message` for notices and warnings and the bare message for info, to standard error.
struct NoteHandler: LogHandler {
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let prefix = switch event.level {
        case .notice: "note: "
        case .warning: "warning: "
        case .error, .critical: "error: "
        default: ""
        }
        FileHandle.standardError.write(Data((prefix + event.message.description + "\n").utf8))
    }
}
