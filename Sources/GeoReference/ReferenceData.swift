import GeoKit
import EventModel
import EventFormats

/// GeoData/ loaded once into one immutable value: the gazetteer (districts, places, groups and their
/// reported bases) and every boundary layer. Every command loads it once and hands it to its workers,
/// each of which prepares its own `PreparedReference`.
public struct ReferenceData: Sendable {
    public let directory: String
    public let gazetteer: Gazetteer
    public let boundaries: BoundaryData

    public init(directory: String, gazetteer: Gazetteer, boundaries: BoundaryData) {
        self.directory = directory
        self.gazetteer = gazetteer
        self.boundaries = boundaries
    }

    /// Loads the GeoData folder `directory` (or the one `GeoDataDirectory` finds when nil).
    public static func load(_ directory: String? = nil, useImported: Bool = true) throws -> ReferenceData {
        let resolved = try GeoDataDirectory.resolve(directory)
        let gazetteer = try Gazetteer.load(directory: resolved)
        let boundaries = try BoundaryData.load(geodata: resolved, gazetteer: gazetteer, useImported: useImported)
        return ReferenceData(directory: resolved, gazetteer: gazetteer, boundaries: boundaries)
    }
}
