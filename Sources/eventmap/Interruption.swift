import EventMapper
import Foundation

/// On SIGINT or SIGTERM: remove the temporary files being written, so no partial output is left, and exit 130.
enum Interruption {
    static func install() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber) { received in
                TemporaryFiles.shared.removeAll()
                _exit(received == SIGINT ? 130 : 143)
            }
        }
    }
}
