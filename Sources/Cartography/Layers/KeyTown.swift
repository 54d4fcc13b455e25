import GeoKit
import GeoReference

/// A town drawn for orientation, in panel pixels.
struct KeyTown {
    static let names = ["Kabul", "Islamabad", "Peshawar", "Quetta", "Jalalabad", "Asadabad", "Kandahar", "Karachi",
                        "Lahore", "Torkham", "Chaman"]

    let name: String
    let point: Coordinate

    /// The key towns of the gazetteer inside the frame (6 px clear of its edge).
    static func placed(gazetteer: Gazetteer, projection: MapProjection, frame: Envelope) -> [KeyTown] {
        names.compactMap { name in
            guard let place = gazetteer.places.first(where: { $0.name == name }), let p = projection.project(place.point),
                  frame.expanded(by: -6).contains(p) else { return nil }
            return KeyTown(name: name, point: p)
        }
    }
}
