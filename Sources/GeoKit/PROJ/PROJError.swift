/// An error reported by PROJ or by GeoKit's validation of PROJ-bound input.
public enum PROJError: Error, CustomStringConvertible {
    /// PROJ could not interpret `crs` as a coordinate reference system; `message` is PROJ's own reason.
    case unknownCRS(crs: String, message: String)
    /// PROJ found no way to transform between two valid CRSs.
    case noTransformation(from: String, to: String, message: String)
    /// `failedPoints` coordinates could not be transformed (usually outside the CRS's domain).
    case transformFailed(message: String, failedPoints: Int)
    /// The caller passed input that cannot be processed; `reason` says what is wrong.
    case invalidInput(reason: String)
    /// PROJ could not allocate a context (out of memory or a broken installation).
    case contextCreationFailed

    public var description: String {
        switch self {
        case let .unknownCRS(crs, message):
            return "Unknown or invalid CRS \"\(crs)\" (PROJ: \(message)). "
                + "Use an EPSG code like EPSG:32642, a PROJ string like "
                + "+proj=aea +lat_1=29.5 +lat_2=45.5 +lat_0=37.5 +lon_0=-96 +datum=WGS84 +units=m +type=crs, "
                + "or a WKT definition."
        case let .noTransformation(from, to, message):
            return "PROJ found no transformation from \"\(from)\" to \"\(to)\" (PROJ: \(message)). "
                + "Check that both CRSs describe the same planet and that PROJ's grid files are installed."
        case let .transformFailed(message, failedPoints):
            let points = failedPoints == 1 ? "1 point" : "\(failedPoints) points"
            return "Coordinate transformation failed for \(points) (PROJ: \(message)). "
                + "Check that coordinates are within the CRS's valid area, in the expected order "
                + "(longitude/x first) and units (degrees or metres); or pass onFailure: .markNaN to keep going."
        case let .invalidInput(reason):
            return "Invalid input: \(reason)"
        case .contextCreationFailed:
            return "PROJ could not create a context. Check that PROJ is installed correctly (proj.db is found)."
        }
    }
}
