import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography
import Jobs
import Foundation

/// On SIGINT or SIGTERM: remove the temporary files being written, so no partial output is left, and exit 130 (143).
///
/// The signals are blocked and taken by a thread of their own with `sigwait`, so the clean-up runs in ordinary
/// thread context (locks and unlink are safe there, unlike in a signal handler). Blocking them also covers a parent
/// that started us with them blocked (Foundation's Process does): `sigwait` still receives them.
/// Call `install()` before any worker thread starts, so every thread inherits the mask.
enum Interruption {
    static func install() {
        var handled = sigset_t()
        sigemptyset(&handled)
        sigaddset(&handled, SIGINT)
        sigaddset(&handled, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &handled, nil)
        let signals = handled
        Thread.detachNewThread {
            var waited = signals
            var received: Int32 = 0
            guard sigwait(&waited, &received) == 0 else { return }
            TemporaryFiles.shared.removeAll()
            _exit(received == SIGINT ? 130 : 143)
        }
    }
}
