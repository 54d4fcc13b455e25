import Foundation
import EventModel
import EventFormats

/// GeoData/boundaries/border_band.csv: per border segment, how far apart the candidate lines (COD-AB
/// Pakistani edge, COD-AB Afghan edge, Natural Earth) run, as the half-width of an uncertainty band.
public enum BorderBand {
    /// Band half-width in km by segment name; empty when the file is absent.
    static func load(_ path: String) throws -> [String: Double] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        let table = try CSVTable(path: path, required: ["segment", "band_km"])
        var bands: [String: Double] = [:]
        for row in table.rows {
            guard let km = try table.double(row, "band_km", range: 0...100) else { continue }
            bands[try table.requireValue(row, "segment")] = km
        }
        return bands
    }
}
