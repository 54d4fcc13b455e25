import Foundation

/// How big one piece of what users open may be, so that no input, however large or malformed, makes a reader
/// hold an unbounded amount of memory (docs/LIMITS.md). Files are streamed wherever the format allows; these
/// limits bound what must be held at once:
///
/// - a **field** of a CSV/TSV row;
/// - a **line**: a CSV/TSV record (all its fields together), a JSON Lines line, a row's text kept for a reject file;
/// - a **document** read whole: a GeoJSON or JSON events file, a GeoJSON boundary or outline file;
/// - a **geometry**: the positions of one feature's geometry (GeoJSON) or the bytes of one GeoPackage geometry blob.
///
/// A row or feature over a limit is rejected with a reason that names the limit and how to raise it, and reading goes
/// on with what follows where the format allows (a CSV row, a JSON line); a document over the limit is refused whole.
/// Each limit can be raised (or lowered) for one run with its environment variable.
public struct InputLimits: Sendable, Equatable {
    /// Bytes of one CSV/TSV field.
    public var fieldBytes: Int
    /// Bytes of one line: a CSV/TSV record, a JSON Lines line, the row text kept for a reject.
    public var lineBytes: Int
    /// Bytes of a document that is read whole (GeoJSON/JSON events, GeoJSON boundaries and outlines).
    public var documentBytes: Int
    /// Positions of one geometry (GeoJSON); a GeoPackage geometry blob may hold `geometryPositions × 32` bytes.
    public var geometryPositions: Int

    public init(fieldBytes: Int, lineBytes: Int, documentBytes: Int, geometryPositions: Int) {
        self.fieldBytes = fieldBytes
        self.lineBytes = lineBytes
        self.documentBytes = documentBytes
        self.geometryPositions = geometryPositions
    }

    /// 1 MiB fields, 4 MiB lines, 256 MiB documents, 2,000,000 positions per geometry.
    public static let defaults = InputLimits(fieldBytes: 1 << 20, lineBytes: 4 << 20, documentBytes: 256 << 20,
                                             geometryPositions: 2_000_000)

    /// The environment variables that change the limits for one run (whole numbers; sizes in MiB).
    public static let fieldVariable = "EVENTMAP_MAX_FIELD_MB"
    public static let lineVariable = "EVENTMAP_MAX_LINE_MB"
    public static let documentVariable = "EVENTMAP_MAX_DOCUMENT_MB"
    public static let geometryVariable = "EVENTMAP_MAX_GEOMETRY_POSITIONS"

    /// The limits in force: the defaults, each replaced by its environment variable when that is a positive whole number.
    public static let current = InputLimits(environment: ProcessInfo.processInfo.environment)

    public init(environment: [String: String]) {
        func value(_ name: String, scale: Int, default fallback: Int) -> Int {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), let number = Int(text), number > 0,
                  number <= Int.max / scale else { return fallback }
            return number * scale
        }
        let d = InputLimits.defaults
        self.init(fieldBytes: value(Self.fieldVariable, scale: 1 << 20, default: d.fieldBytes),
                  lineBytes: value(Self.lineVariable, scale: 1 << 20, default: d.lineBytes),
                  documentBytes: value(Self.documentVariable, scale: 1 << 20, default: d.documentBytes),
                  geometryPositions: value(Self.geometryVariable, scale: 1, default: d.geometryPositions))
    }

    /// The largest GeoPackage geometry blob: `geometryPositions` XYZM positions of 32 bytes, plus headers.
    public var geometryBlobBytes: Int { geometryPositions.multipliedReportingOverflow(by: 32).partialValue &+ 4096 }

    /// "1 MiB", "512 KiB", "300 bytes".
    public static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }

    /// What to say after a field over the limit: "… raise it with EVENTMAP_MAX_FIELD_MB=2".
    public var fieldAdvice: String { Self.advice(Self.fieldVariable, fieldBytes) }
    public var lineAdvice: String { Self.advice(Self.lineVariable, lineBytes) }
    public var documentAdvice: String { Self.advice(Self.documentVariable, documentBytes) }
    public var geometryAdvice: String { Self.advice(positions: geometryPositions) }

    /// "or raise the limit with EVENTMAP_MAX_GEOMETRY_POSITIONS=N" for a limit of `positions`: N doubles it.
    public static func advice(positions: Int) -> String {
        "or raise the limit with \(geometryVariable)=\(max(positions, 1).multipliedReportingOverflow(by: 2).partialValue)"
    }

    /// "or raise the limit with VARIABLE=N" for a limit of `bytes`: N doubles it, in MiB.
    public static func advice(_ variable: String, _ bytes: Int) -> String {
        "or raise the limit with \(variable)=\(max(1, bytes >> 20) * 2)"
    }
}
