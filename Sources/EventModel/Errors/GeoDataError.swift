import GeoKit
/// A problem with a boundary, gazetteer or layer file: where it is and what to do.
public struct GeoDataError: Error, CustomStringConvertible, Equatable {
    public let location: String
    public let message: String

    public init(file location: String, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}
