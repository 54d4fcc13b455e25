import Foundation

/// A temporary folder removed when the value goes away.
package final class TestFolder {
    package let path: String

    package init() throws {
        path = NSTemporaryDirectory() + "eventmap-events-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    package func write(_ name: String, _ text: String) -> String {
        let file = path + "/" + name
        _ = FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
        return file
    }
}
