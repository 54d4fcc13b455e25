import GeoKit

public enum EventMapperVersion {
    public static let number = "0.1.0"
    public static var string: String {
        "eventmap \(number) (GEOS \(GEOSContext.version), PROJ \(PROJInfo.version))"
    }
}
