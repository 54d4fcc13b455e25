import Foundation
import EventModel

/// Files that must be read whole (a JSON or GeoJSON document cannot be split safely without parsing it), read
/// within the document limit (`InputLimits.documentBytes`, docs/LIMITS.md).
public enum WholeFile {
    /// The bytes of `path`; a GeoDataError when it cannot be read or is larger than `limit` bytes. `hint` says
    /// what to do instead ("split it", "convert it to JSON Lines"), before the advice on raising the limit.
    public static func read(path: String, limit: Int = InputLimits.current.documentBytes, hint: String) throws -> Data {
        var info = stat()
        if stat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw GeoDataError(file: path, "is a folder, not a file") }
            if (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) > limit { throw tooLarge(path, Int(info.st_size), limit, hint) }
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw GeoDataError(file: path, "cannot read the file; check the path and its permissions")
        }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.read(upToCount: limit == Int.max ? limit : limit + 1) ?? Data() } catch {
            throw GeoDataError(file: path, "cannot read the file (\(error.localizedDescription)); check the path and its permissions")
        }
        if data.count > limit { throw tooLarge(path, nil, limit, hint) }
        return data
    }

    private static func tooLarge(_ path: String, _ size: Int?, _ limit: Int, _ hint: String) -> GeoDataError {
        let size = size.map { " (\($0) bytes)" } ?? ""
        return GeoDataError(file: path, "is larger than \(InputLimits.size(limit))\(size), the limit for a document read whole (the document limit); \(hint), \(InputLimits.advice(InputLimits.documentVariable, limit))")
    }
}
