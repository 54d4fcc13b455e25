import Foundation
import GeoKit
import EventModel

#if canImport(Glibc)
import Glibc
#endif

/// A buffered output file that appears at its path only when `commit()` succeeds:
/// it is written under a temporary name beside the target and renamed into place,
/// so an interrupted or failing run never leaves a half-written file.
public final class AtomicFile {
    public let path: String
    let temporaryPath: String
    private var file: UnsafeMutablePointer<FILE>?
    private var buffer: [UInt8] = []
    private let flushThreshold = 1 << 18
    private var failure: String?

    public init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: directory) {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        temporaryPath = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard let file = fopen(temporaryPath, "wb") else {
            throw OutputError(path: path, "cannot create the file: \(String(cString: strerror(errno))); check that the folder exists and is writable")
        }
        self.file = file
        buffer.reserveCapacity(flushThreshold + 4096)
        TemporaryFiles.shared.register(temporaryPath)
    }

    deinit {
        if file != nil { discard() }
    }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= flushThreshold { flush() }
    }

    public func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { flush() }
    }

    /// Appends raw bytes; a large block goes straight to the file instead of through the pending buffer.
    public func write(contentsOf bytes: UnsafeRawBufferPointer) {
        if buffer.count + bytes.count < flushThreshold {
            buffer.append(contentsOf: bytes)
            return
        }
        flush()
        guard let file, failure == nil, let base = bytes.baseAddress, bytes.count > 0 else { return }
        if fwrite(base, 1, bytes.count, file) != bytes.count { failure = String(cString: strerror(errno)) }
    }

    public func write(byte: UInt8) {
        buffer.append(byte)
    }

    /// Appends to the pending bytes directly, for writers that format numbers in place.
    public func withBuffer(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
        if buffer.count >= flushThreshold { flush() }
    }

    private func flush() {
        guard let file, failure == nil, !buffer.isEmpty else { buffer.removeAll(keepingCapacity: true); return }
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        if written != buffer.count { failure = String(cString: strerror(errno)) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, closes and renames into place; on any write error removes the partial file and throws.
    public func commit() throws {
        flush()
        guard let file else { throw OutputError(path: path, "the file was already closed") }
        self.file = nil
        if fflush(file) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if fclose(file) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporaryPath)
            TemporaryFiles.shared.unregister(temporaryPath)
            throw OutputError(path: path, "writing failed (\(failure)); nothing was written there. Free some space or choose another place")
        }
        if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            TemporaryFiles.shared.unregister(temporaryPath)
            throw OutputError(path: path, "cannot move the finished file into place: \(reason)")
        }
        TemporaryFiles.shared.unregister(temporaryPath)
    }

    /// Abandons the file: nothing appears at `path`.
    public func discard() {
        if let file { fclose(file) }
        file = nil
        unlink(temporaryPath)
        TemporaryFiles.shared.unregister(temporaryPath)
    }

    /// Writes `text` to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        let file = try AtomicFile(path: path)
        file.write(text)
        try file.commit()
    }
}

/// The temporary files being written, so a signal handler can remove them before the process exits.
public final class TemporaryFiles: @unchecked Sendable {
    // Safe: all state is behind `lock`.
    public static let shared = TemporaryFiles()
    private let lock = NSLock()
    private var paths: Set<String> = []

    func register(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    func unregister(_ path: String) { lock.withLock { _ = paths.remove(path) } }

    /// Removes every registered temporary file (called on SIGINT/SIGTERM).
    public func removeAll() {
        let current = lock.withLock { paths }
        for path in current { unlink(path) }
    }
}

public struct OutputError: Error, CustomStringConvertible {
    public let path: String
    public let message: String
    public init(path: String, _ message: String) { self.path = path; self.message = message }
    public var description: String { "\(path): \(message)" }
}
