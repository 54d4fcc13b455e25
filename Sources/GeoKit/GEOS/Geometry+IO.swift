import CGEOS
import Foundation

extension Geometry {
    /// Reads Well-Known Text. Bad text throws an error that quotes the input.
    public convenience init(wkt: String, in context: GEOSContext) throws {
        guard let reader = GEOSWKTReader_create_r(context.handle) else {
            throw GEOSError.operation("WKTReader_create", message: context.takeError())
        }
        defer { GEOSWKTReader_destroy_r(context.handle, reader) }
        context.clearError()
        guard let geometry = GEOSWKTReader_read_r(context.handle, reader, wkt) else {
            throw GEOSError.parse(format: "WKT", input: wkt, message: context.takeError())
        }
        self.init(owning: geometry, context: context)
    }

    /// Reads Well-Known Binary (ISO or extended, either byte order).
    public convenience init(wkb: [UInt8], in context: GEOSContext) throws {
        guard let reader = GEOSWKBReader_create_r(context.handle) else {
            throw GEOSError.operation("WKBReader_create", message: context.takeError())
        }
        defer { GEOSWKBReader_destroy_r(context.handle, reader) }
        context.clearError()
        let geometry = wkb.withUnsafeBufferPointer { buffer in
            GEOSWKBReader_read_r(context.handle, reader, buffer.baseAddress, buffer.count)
        }
        guard let geometry else {
            let hex = wkb.prefix(40).map { String(format: "%02X", $0) }.joined()
            throw GEOSError.parse(format: "WKB", input: hex, message: context.takeError())
        }
        self.init(owning: geometry, context: context)
    }

    /// Reads a GeoJSON geometry, feature or feature collection (the latter become collections).
    public convenience init(geoJSON: String, in context: GEOSContext) throws {
        if let problem = GeoJSONPositionCheck.shortPosition(in: geoJSON) {
            throw GEOSError.parse(format: "GeoJSON", input: geoJSON, message: problem)
        }
        guard let reader = GEOSGeoJSONReader_create_r(context.handle) else {
            throw GEOSError.operation("GeoJSONReader_create", message: context.takeError())
        }
        defer { GEOSGeoJSONReader_destroy_r(context.handle, reader) }
        context.clearError()
        guard let geometry = GEOSGeoJSONReader_readGeometry_r(context.handle, reader, geoJSON) else {
            throw GEOSError.parse(format: "GeoJSON", input: geoJSON, message: context.takeError())
        }
        self.init(owning: geometry, context: context)
    }

    /// Well-Known Text; `precision` fixes the number of decimals (trimmed of trailing zeros).
    public func wkt(precision: Int? = nil) throws -> String {
        guard let writer = GEOSWKTWriter_create_r(ctx) else {
            throw GEOSError.operation("WKTWriter_create", message: context.takeError())
        }
        defer { GEOSWKTWriter_destroy_r(ctx, writer) }
        GEOSWKTWriter_setTrim_r(ctx, writer, 1)
        if let precision { GEOSWKTWriter_setRoundingPrecision_r(ctx, writer, Int32(precision)) }
        guard let text = GEOSWKTWriter_write_r(ctx, writer, handle) else {
            throw GEOSError.operation("WKTWriter_write", message: context.takeError())
        }
        defer { GEOSFree_r(ctx, text) }
        return String(cString: text)
    }

    /// ISO Well-Known Binary, little-endian, 2D.
    public func wkb() throws -> [UInt8] {
        guard let writer = GEOSWKBWriter_create_r(ctx) else {
            throw GEOSError.operation("WKBWriter_create", message: context.takeError())
        }
        defer { GEOSWKBWriter_destroy_r(ctx, writer) }
        GEOSWKBWriter_setByteOrder_r(ctx, writer, Int32(GEOS_WKB_NDR.rawValue))
        GEOSWKBWriter_setOutputDimension_r(ctx, writer, 2)
        var size = 0
        guard let bytes = GEOSWKBWriter_write_r(ctx, writer, handle, &size) else {
            throw GEOSError.operation("WKBWriter_write", message: context.takeError())
        }
        defer { GEOSFree_r(ctx, bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }

    /// A GeoJSON geometry object as GEOS writes it (`indent` -1 for compact output).
    public func geoJSON(indent: Int = -1) throws -> String {
        guard let writer = GEOSGeoJSONWriter_create_r(ctx) else {
            throw GEOSError.operation("GeoJSONWriter_create", message: context.takeError())
        }
        defer { GEOSGeoJSONWriter_destroy_r(ctx, writer) }
        guard let text = GEOSGeoJSONWriter_writeGeometry_r(ctx, writer, handle, Int32(indent)) else {
            throw GEOSError.operation("GeoJSONWriter_write", message: context.takeError())
        }
        defer { GEOSFree_r(ctx, text) }
        return String(cString: text)
    }
}
