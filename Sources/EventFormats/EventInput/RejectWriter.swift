import GeoKit
import EventModel
/// Writes rejects as CSV (`file,line,field,reason,raw`) to a temporary file renamed into place on `commit()`.
public final class RejectWriter {
    public let path: String
    public private(set) var count = 0
    private let file: AtomicFile
    private let neutralizeFormulas: Bool

    public static let header = ["file", "line", "field", "reason", "raw"]

    /// `neutralizeFormulas`: spreadsheet-safe cells (`CSVCell`); the raw row is a cell too.
    public init(path: String, neutralizeFormulas: Bool = true) throws {
        self.path = path
        self.neutralizeFormulas = neutralizeFormulas
        file = try AtomicFile(path: path)
        file.write(RawText.csvLine(RejectWriter.header) + "\n")
    }

    public func write(_ reject: Reject) {
        let fields = [reject.file, String(reject.line), reject.field ?? "", reject.reason, reject.raw]
        file.write(RawText.csvLine(neutralizeFormulas ? fields.map(CSVCell.neutralized) : fields) + "\n")
        count += 1
    }

    /// Moves the finished file into place.
    public func commit() throws { try file.commit() }

    /// Abandons the file: nothing appears at `path`.
    public func discard() { file.discard() }

    /// Writes `rejects` to `path` in one go.
    public static func write(_ rejects: some Sequence<Reject>, to path: String, neutralizeFormulas: Bool = true) throws {
        let writer = try RejectWriter(path: path, neutralizeFormulas: neutralizeFormulas)
        for reject in rejects { writer.write(reject) }
        try writer.commit()
    }
}
