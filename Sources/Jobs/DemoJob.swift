import Foundation
import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography

/// `eventmap demo`: the main job on the embedded defaults. Geocodes the sample events once, then writes
/// the events CSV and its rejects, every GIS layer as GeoJSON and in one GeoPackage, and the maps.
public enum DemoJob {
    /// The width of the near-border corridor layer.
    public static let corridorKm = 50.0

    public struct Summary: Sendable {
        public var geocode = GeocodeJob.Summary()
        public var layers: [String] = []
        public var written: [String] = []
        /// Set when the PNG and PDF maps could not be rendered, with what to do about it.
        public var pngSkipped: String?
        /// The same for the PDF maps (rendered by the same tool).
        public var pdfSkipped: String? { pngSkipped }
    }

    public static func run(reference: ReferenceData, output directory: String, neutralizeFormulas: Bool = true) throws -> Summary {
        let samples = reference.directory + "/samples/events.csv"
        let geocoded = try GeocodedEvents.load(path: samples, reference: reference)
        var summary = Summary()

        var options = GeocodeJob.Options(input: samples, output: directory + "/events.csv")
        options.rejects = directory + "/events.rejects.csv"
        options.writing.neutralizeFormulas = neutralizeFormulas
        summary.geocode = try GeocodeJob.write(geocoded, options: options)

        let prepared = try PreparedReference(reference)
        let corridor = try prepared.corridor(km: corridorKm)
        let layers = try EventLayers.build(geocoded.events, reference: prepared,
                                           corridor: EventLayers.Corridor(polygon: corridor.polygon, km: corridorKm))
        summary.layers = layers.names
        summary.written += try LayerSetWriter.write(layers, directory: directory, format: .geoJSON)
        let package = directory + "/eventmapper.gpkg"
        try LayerSetWriter.write(layers, to: package)
        summary.written.append(package)

        let maps = try MapJob.writeDemoMaps(geocoded.events, to: directory, reference: reference)
        summary.written += maps
        if MapJob.rsvgConvert() == nil {
            summary.pngSkipped = "rsvg-convert is not installed, so map.png, map.pdf, map-by-year.png and map-by-year.pdf were not rendered; "
                + PrintRenderer.installHint + " and run the demo again"
        }
        return summary
    }
}
