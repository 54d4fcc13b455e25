import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The readers under test take paths, so each input is written to one scratch file per process
/// (in /dev/shm when there is one, to keep the disk out of the loop) and read back from there.
public enum ScratchFile {
    /// The scratch folder of this process.
    public static var directoryPath: String { directory }

    private static let directory: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = base + "/eventmap-fuzz-\(getpid())"
        mkdir(path, 0o700)
        return path
    }()

    /// Writes `bytes` to `directory/name` (the extension picks the reader's format) and returns the path.
    public static func write(_ data: UnsafePointer<UInt8>, _ size: Int, name: String) -> String {
        let path = directory + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot write \(path)")
        var written = 0
        while written < size {
            let n = Glibc.write(fd, data + written, size - written)
            precondition(n > 0, "cannot write \(path)")
            written += n
        }
        close(fd)
        return path
    }
}
