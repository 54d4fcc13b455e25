import GeoKit
import EventModel
import EventFormats

/// A province (ADM1) of Afghanistan or Pakistan.
public struct Province: Sendable, Hashable {
    public let id: String
    public let name: String
    public let aliases: [String]
    public let nativeNames: [String]
    public let countryISO3: String
    public let source: String
}

/// A district (ADM2) of one of the four focus provinces, with its headquarters as representative point.
public struct District: Sendable, Hashable {
    public let id: String
    public let name: String
    public let aliases: [String]
    public let nativeNames: [String]
    public let provinceID: String
    public let provinceName: String
    public let countryISO3: String
    public let headquarters: String
    public let point: Coordinate
    public let pointNote: String
    public let formerStatus: String
    public let created: String
    public let idSource: String
    public let uncertain: String
    /// For a district created after the official outline edition: the official district it was carved from.
    public let parentID: String?
}

/// A town, crossing, valley or landmark named in reporting.
public struct Place: Sendable, Hashable {
    public let id: String
    public let name: String
    public let aliases: [String]
    public let nativeNames: [String]
    public let kind: String
    /// The district's id when the place lies in one of the four focus provinces.
    public let districtID: String?
    public let provinceID: String?
    public let countryISO3: String
    public let point: Coordinate
    public let notes: String
    public let uncertain: String
}

/// An armed group (or de facto authority) as reporting names it.
public struct ArmedGroup: Sendable, Hashable {
    public let id: String
    public let name: String
    public let aliases: [String]
    public let kind: String
    public let notes: String
}

/// A reported origin or base of a group: a sourced claim, never a finding.
public struct GroupOrigin: Sendable, Hashable {
    public let groupID: String
    public let place: String
    public let point: Coordinate?
    public let role: String
    public let period: String
    public let assertedBy: String
    public let source: String
    public let notes: String
}

/// A name that one party applies to several groups ("Khawarij", "Fitna al-Hindustan"): never an alias of
/// one group; a row that names it gets the candidate groups and who uses the label.
public struct GroupLabel: Sendable, Hashable {
    public let label: String
    public let aliases: [String]
    public let usedBy: String
    public let candidateGroupIDs: [String]
    public let notes: String
    public let source: String
}

public struct Country: Sendable, Hashable {
    public let iso3: String
    public let name: String
    public let aliases: [String]
}
