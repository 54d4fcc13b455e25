import Foundation
import GeoKit
import EventModel
import EventFormats

/// District, province and country outlines simplified once in lon/lat for maps (GeoData/boundaries/display/), so a
/// map does not simplify the 125,000 vertices of the official district outlines for every panel size it draws.
/// Each display outline carries a hash of the full outline it was made from: where that no longer matches (an
/// imported district, a rebuilt layer) the map uses the full outline, so a stale file never changes what is drawn.
public struct DisplayOutlines: Sendable {
    /// About 100 m: under a quarter pixel (the maps' own simplification) on maps of 0.004° per pixel or coarser,
    /// which is every map of a province or more; finer maps use the full outlines.
    public static let toleranceDegrees = 0.001

    /// The boundaries with every outline that has a matching display outline swapped for it.
    public let boundaries: BoundaryData
    /// How many outlines were swapped, and how many had none or a stale one.
    public let swapped: Int
    public let kept: Int

    static let layers: [(file: String, level: AdminUnit.Level)] = [("districts", .district), ("provinces", .province), ("countries", .country)]

    static func path(geodata: String, layer: String) -> String { geodata + "/boundaries/display/\(layer).geojson" }

    /// Reads the display outlines that match `boundaries`. Missing or unreadable files mean full outlines: these
    /// files only save time.
    public static func load(geodata: String, matching boundaries: BoundaryData) -> DisplayOutlines {
        var display: [String: [UInt8]] = [:]
        let context = GEOSContext()
        for layer in layers {
            guard let features = try? PolygonLayerReader.read(path: path(geodata: geodata, layer: layer.file), in: context) else { continue }
            for feature in features {
                guard let id = feature["id"]?.stringValue, let hash = feature["source_hash"]?.stringValue,
                      let wkb = try? feature.geometry?.wkb() else { continue }
                display["\(layer.level.rawValue)/\(id)/\(hash)"] = wkb
            }
        }
        var swapped = 0, kept = 0
        func swap(_ units: [AdminUnit]) -> [AdminUnit] {
            units.map { unit in
                guard let wkb = display["\(unit.level.rawValue)/\(unit.id)/\(sourceHash(unit.wkb))"] else { kept += 1; return unit }
                swapped += 1
                return AdminUnit(id: unit.id, name: unit.name, level: unit.level, provinceID: unit.provinceID,
                                 countryISO3: unit.countryISO3, wkb: wkb, approximate: unit.approximate)
            }
        }
        let result = BoundaryData(districts: swap(boundaries.districts), provinces: swap(boundaries.provinces),
                                  countries: swap(boundaries.countries), borderSegments: boundaries.borderSegments,
                                  districtSource: boundaries.districtSource, sources: boundaries.sources)
        return DisplayOutlines(boundaries: result, swapped: swapped, kept: kept)
    }

    /// Writes the display outlines of `boundaries` (each layer simplified as one coverage, so neighbours still meet)
    /// into GeoData/boundaries/display/; returns the files written.
    public static func write(_ boundaries: BoundaryData, geodata: String) throws -> [String] {
        let context = GEOSContext()
        let folder = geodata + "/boundaries/display"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var written: [String] = []
        for layer in layers {
            let units: [AdminUnit] = switch layer.level {
            case .district: boundaries.districts
            case .province: boundaries.provinces
            case .country: boundaries.countries
            }
            let shapes = try units.map { try Geometry(wkb: $0.wkb, in: context) }
            let simplified = try Geometry.collection(.geometryCollection, shapes, in: context)
                .simplifyPreservingTopology(tolerance: toleranceDegrees)
            let path = path(geodata: geodata, layer: layer.file)
            let writer = try GeoJSONWriter(path: path, precision: 6, layerName: "\(layer.file)_display")
            for (i, unit) in units.enumerated() {
                let outline = simplified.partCount == units.count ? simplified.part(i) : try shapes[i].simplifyPreservingTopology(tolerance: toleranceDegrees)
                try writer.write(Feature(properties: [("id", .string(unit.id)), ("name", .string(unit.name)),
                                                      ("source_hash", .string(sourceHash(unit.wkb)))],
                                         geometry: outline))
            }
            try writer.finish()
            written.append(path)
        }
        return written
    }

    /// FNV-1a (64 bits) of the full outline's WKB, in hex.
    static func sourceHash(_ wkb: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in wkb { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return String(hash, radix: 16)
    }
}
