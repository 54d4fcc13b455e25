import Foundation
import EventModel

/// An output format: its file extensions and how to open a container for it. `OutputFormat.all` is the
/// one table from file extension to format; a new format is one file defining a value plus one line there.
public struct OutputFormat: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    /// Lower-case extensions without the dot, the first one preferred.
    public let extensions: [String]
    /// True when one file holds several layers (GeoPackage); false when each layer is its own file.
    public let holdsSeveralLayers: Bool
    private let open: @Sendable (String, OutputOptions) throws -> LayerContainer

    public init(name: String, extensions: [String], holdsSeveralLayers: Bool,
                open: @escaping @Sendable (String, OutputOptions) throws -> LayerContainer) {
        self.name = name
        self.extensions = extensions
        self.holdsSeveralLayers = holdsSeveralLayers
        self.open = open
    }

    /// Every format the tool writes, in the order help texts list them.
    public static let all: [OutputFormat] = [.csv, .geoJSON, .geoJSONSeq, .geoPackage]

    /// The format of `path`, from its extension (any case).
    public init(path: String) throws(OutputFormatError) {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard let format = Self.all.first(where: { $0.extensions.contains(ext) }) else {
            throw OutputFormatError(path: path, extensionFound: ext, known: Self.all)
        }
        self = format
    }

    /// Opens `path` for writing layers (a temporary file until `finish`).
    public func container(at path: String, options: OutputOptions = OutputOptions()) throws -> LayerContainer {
        try open(path, options)
    }

    public var description: String { name }
    public static func == (a: OutputFormat, b: OutputFormat) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    /// ".csv, .geojson, .geojsons (RFC 8142) or .gpkg": the list help texts and errors show.
    public static var extensionList: String {
        all.map { ".\($0.extensions[0])" + ($0.note.map { " (\($0))" } ?? "") }.joined(separator: ", ")
    }

    private var note: String? {
        switch name {
        case OutputFormat.geoJSONSeq.name: "RFC 8142 text sequence"
        case OutputFormat.geoPackage.name: "OGC GeoPackage"
        default: nil
        }
    }
}

/// The output path's extension names no known format.
public struct OutputFormatError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let extensionFound: String
    public let known: [OutputFormat]

    public var description: String {
        "\(path): unknown output type '.\(extensionFound)'; use \(OutputFormat.extensionList)"
    }
}

/// A container that holds exactly one layer in one file (CSV, GeoJSON).
final class SingleLayerContainer: LayerContainer {
    private let path: String
    private let makeSink: (LayerHeader) throws -> FeatureSink
    private var sink: FeatureSink?

    init(path: String, makeSink: @escaping (LayerHeader) throws -> FeatureSink) {
        self.path = path
        self.makeSink = makeSink
    }

    func addLayer(_ header: LayerHeader) throws -> FeatureSink {
        guard sink == nil else {
            throw OutputError(path: path, "holds one layer; write '\(header.name)' to a file of its own or to a GeoPackage")
        }
        let made = try makeSink(header)
        sink = made
        return made
    }

    func finish() throws { try sink?.finish() }
    func discard() { sink?.discard() }
}
