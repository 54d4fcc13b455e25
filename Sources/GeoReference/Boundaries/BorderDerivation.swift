import GeoKit
import EventModel
import EventFormats

/// Derives the Afghanistan–Pakistan border from the two country outlines and names its segments.
public enum BorderDerivation {
    public static let label = "Afghanistan–Pakistan border (Durand Line)"

    public struct Segment {
        public let id: String
        public let name: String
        public let afghanProvince: String
        public let pakistaniProvince: String
        public let line: Geometry
    }

    /// The boundary the two outlines share, as merged lines.
    public static func sharedBoundary(_ a: Geometry, _ b: Geometry) throws -> Geometry {
        let shared = try a.boundary().intersection(b.boundary())
        let lines = shared.parts.filter { $0.type == .lineString || $0.type == .multiLineString }
        guard !lines.isEmpty else {
            throw GEOSError.operation("sharedBoundary", message: "the two outlines share no line; they only touch at points")
        }
        return try Geometry.collection(.multiLineString, lines.flatMap(\.parts), in: a.context).lineMerge()
    }

    /// Splits `border` where the provinces on either side change, naming each piece "AFG province | PAK province".
    public static func segments(of border: Geometry,
                                afghanProvinces: [(String, Geometry)],
                                pakistaniProvinces: [(String, Geometry)]) throws -> [Segment] {
        let tolerance = 1e-7
        var result: [Segment] = []
        for (afghanName, afghanShape) in afghanProvinces {
            let onAfghanSide = try border.intersection(afghanShape.buffer(tolerance))
            guard try onAfghanSide.length() > tolerance else { continue }
            for (pakistaniName, pakistaniShape) in pakistaniProvinces {
                let piece = try onAfghanSide.intersection(pakistaniShape.buffer(tolerance))
                let lines = try piece.parts.filter { [.lineString, .multiLineString].contains($0.type) }
                    .flatMap(\.parts).filter { try $0.length() > tolerance * 10 }
                guard !lines.isEmpty else { continue }
                let merged = try Geometry.collection(.multiLineString, lines, in: border.context).lineMerge()
                result.append(Segment(id: "\(slug(afghanName))--\(slug(pakistaniName))",
                                      name: "\(afghanName) | \(pakistaniName)",
                                      afghanProvince: afghanName, pakistaniProvince: pakistaniName, line: merged))
            }
        }
        return result.sorted { ($0.line.envelope?.maxY ?? 0) > ($1.line.envelope?.maxY ?? 0) }
    }

    static func slug(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}
