import CPROJ

extension CoordinateTransform {
    /// Parses `text` into a PROJ CRS object owned by the caller.
    static func makeCRS(_ text: String, context: PROJContext) throws(PROJError) -> OpaquePointer {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else {
            throw .unknownCRS(crs: text, message: "the CRS text is empty")
        }
        context.clearLoggedError()
        guard let object = proj_create(context.handle, crsDefinition(for: trimmed)) else {
            throw .unknownCRS(crs: text, message: context.lastErrorMessage)
        }
        guard proj_is_crs(object) != 0 else {
            proj_destroy(object)
            throw .unknownCRS(crs: text, message: "this defines a coordinate operation, not a coordinate reference system")
        }
        return object
    }

    /// PROJ strings only describe a CRS (rather than an operation) when they carry `+type=crs`.
    private static func crsDefinition(for text: String) -> String {
        let isPROJString = text.hasPrefix("+proj=") || text.hasPrefix("proj=")
        guard isPROJString, !text.contains("type=crs") else { return text }
        return text + " +type=crs"
    }

    static func isGeographic(_ crs: OpaquePointer, context: PROJContext) -> Bool {
        let wrappedCRS: OpaquePointer?
        switch proj_get_type(crs) {
        case PJ_TYPE_GEOGRAPHIC_CRS, PJ_TYPE_GEOGRAPHIC_2D_CRS, PJ_TYPE_GEOGRAPHIC_3D_CRS:
            return true
        case PJ_TYPE_BOUND_CRS:
            wrappedCRS = proj_get_source_crs(context.handle, crs)
        case PJ_TYPE_COMPOUND_CRS:
            wrappedCRS = proj_crs_get_sub_crs(context.handle, crs, 0)
        default:
            return false
        }
        guard let wrappedCRS else { return false }
        defer { proj_destroy(wrappedCRS) }
        return isGeographic(wrappedCRS, context: context)
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        let characters = drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        return String(characters)
    }
}
