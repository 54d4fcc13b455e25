import Foundation
import GeoKit
import EventModel
import EventFormats

/// The reviewed reference data of GeoData/: provinces, districts, places, groups and their reported origins.
/// Plain values, loaded once and shared freely between workers.
public struct Gazetteer: Sendable {
    public let directory: String
    public let provinces: [Province]
    public let districts: [District]
    public let places: [Place]
    public let groups: [ArmedGroup]
    public let origins: [GroupOrigin]
    public let labels: [GroupLabel]
    public let countries: [Country]
    private let labelLookup: NameLookup

    public static let focusProvinceIDs: Set<String> = ["AF06", "AF15", "PK5", "PK2"]

    public init(provinces: [Province], districts: [District], places: [Place], groups: [ArmedGroup],
                origins: [GroupOrigin], labels: [GroupLabel] = [], countries: [Country], directory: String = "") {
        self.labels = labels
        labelLookup = NameLookup(labels.map { ($0.label, [$0.label] + $0.aliases) })
        self.provinces = provinces
        self.districts = districts
        self.places = places
        self.groups = groups
        self.origins = origins
        self.countries = countries
        self.directory = directory
    }

    public func province(id: String) -> Province? { provinces.first { $0.id == id } }
    public func district(id: String) -> District? { districts.first { $0.id == id } }
    public func group(id: String) -> ArmedGroup? { groups.first { $0.id == id } }
    public func origins(ofGroup id: String) -> [GroupOrigin] { origins.filter { $0.groupID == id } }
    /// The label `text` names, matched exactly (after normalisation) on the label or one of its spellings.
    public func label(_ text: String) -> GroupLabel? { labelLookup.ids(for: text).first.flatMap { id in labels.first { $0.label == id } } }

    /// Loads GeoData/districts.csv, places.csv, groups.csv, group_origins.csv and the province list
    /// of boundaries/provinces.geojson.
    public static func load(directory: String) throws -> Gazetteer {
        let provinces = try loadProvinces(directory + "/boundaries/provinces.geojson")
        let provinceByName = NameLookup(provinces.map { ($0.id, [$0.name] + $0.aliases) })
        let districts = try loadDistricts(directory + "/districts.csv", provinces: provinces)
        let districtByName = NameLookup(districts.map { ($0.id, [$0.name] + $0.aliases) })
        let places = try loadPlaces(directory + "/places.csv", provinceByName: provinceByName,
                                    districtByName: districtByName, districts: districts)
        let groups = try loadGroups(directory + "/groups.csv")
        let origins = try loadOrigins(directory + "/group_origins.csv", groups: groups)
        let labels = try loadLabels(directory + "/labels.csv", groups: groups)
        return Gazetteer(provinces: provinces, districts: districts, places: places, groups: groups,
                         origins: origins, labels: labels, countries: Country.focus + Country.neighbours, directory: directory)
    }

    static func loadProvinces(_ path: String) throws -> [Province] {
        let features = try PolygonLayerReader.read(path: path, in: GEOSContext())
        return try features.enumerated().map { index, feature in
            guard let id = feature["id"]?.stringValue, let name = feature["name"]?.stringValue,
                  let iso3 = feature["country_iso3"]?.stringValue else {
                throw GeoDataError(file: "\(path):feature \(index + 1)", "needs the properties id, name and country_iso3")
            }
            return Province(id: id, name: name, aliases: split(feature["aliases"]), nativeNames: split(feature["name_native"]),
                            countryISO3: iso3, source: feature["source"]?.stringValue ?? "")
        }
    }

    static func loadDistricts(_ path: String, provinces: [Province]) throws -> [District] {
        let table = try CSVTable(path: path, required: ["id", "name", "province_id", "country_iso3", "hq_name", "hq_lon", "hq_lat"])
        var seen: [String: Int] = [:]
        return try table.rows.map { row in
            let id = try table.requireValue(row, "id")
            if let first = seen[id] {
                throw GeoDataError(file: "\(path):\(row.line):id", "'\(id)' is already used on line \(first); ids must be unique")
            }
            seen[id] = row.line
            let provinceID = try table.requireValue(row, "province_id")
            guard let province = provinces.first(where: { $0.id == provinceID }) else {
                throw GeoDataError(file: "\(path):\(row.line):province_id", "'\(provinceID)' is not a province id of boundaries/provinces.geojson")
            }
            guard let lon = try table.double(row, "hq_lon", range: -180...180),
                  let lat = try table.double(row, "hq_lat", range: -90...90) else {
                throw GeoDataError(file: "\(path):\(row.line):hq_lon", "the district needs its headquarters' coordinates")
            }
            return District(id: id, name: try table.requireValue(row, "name"), aliases: table.list(row, "aliases"),
                            nativeNames: table.list(row, "name_native"), provinceID: provinceID, provinceName: province.name,
                            countryISO3: try table.requireValue(row, "country_iso3"), headquarters: table.value(row, "hq_name"),
                            point: Coordinate(lon, lat), pointNote: table.value(row, "point_note"),
                            formerStatus: table.value(row, "former_status"), created: table.value(row, "created"),
                            idSource: table.value(row, "id_source"), uncertain: table.value(row, "uncertain"),
                            parentID: table.value(row, "parent_id").isEmpty ? nil : table.value(row, "parent_id"))
        }
    }

    static func loadPlaces(_ path: String, provinceByName: NameLookup, districtByName: NameLookup,
                           districts: [District]) throws -> [Place] {
        let table = try CSVTable(path: path, required: ["id", "name", "kind", "province", "country_iso3", "lon", "lat"])
        var seen = Set<String>()
        return try table.rows.map { row in
            let id = try table.requireValue(row, "id")
            guard seen.insert(id).inserted else { throw GeoDataError(file: "\(path):\(row.line):id", "'\(id)' is used twice; ids must be unique") }
            let provinceText = table.value(row, "province")
            let country = try table.requireValue(row, "country_iso3")
            let provinceID = provinceText.isEmpty ? nil : provinceByName.id(for: provinceText)
            if !provinceText.isEmpty && provinceID == nil && ["AFG", "PAK"].contains(country) {
                throw GeoDataError(file: "\(path):\(row.line):province", "'\(provinceText)' is not a province name or alias of boundaries/provinces.geojson")
            }
            let districtText = table.value(row, "district")
            var districtID: String?
            if !districtText.isEmpty {
                let candidates = districtByName.ids(for: districtText).filter { id in
                    provinceID == nil || districts.first { $0.id == id }?.provinceID == provinceID
                }
                guard let found = candidates.first else {
                    throw GeoDataError(file: "\(path):\(row.line):district", "'\(districtText)' is not a district of \(provinceText) in districts.csv")
                }
                districtID = found
            }
            guard let lon = try table.double(row, "lon", range: -180...180), let lat = try table.double(row, "lat", range: -90...90) else {
                throw GeoDataError(file: "\(path):\(row.line):lon", "the place needs coordinates")
            }
            return Place(id: id, name: try table.requireValue(row, "name"), aliases: table.list(row, "aliases"),
                         nativeNames: table.list(row, "name_native"), kind: table.value(row, "kind"), districtID: districtID,
                         provinceID: provinceID, countryISO3: country,
                         point: Coordinate(lon, lat), notes: table.value(row, "notes"), uncertain: table.value(row, "uncertain"))
        }
    }

    static func loadGroups(_ path: String) throws -> [ArmedGroup] {
        let table = try CSVTable(path: path, required: ["id", "name", "aliases"])
        return try table.rows.map { row in
            ArmedGroup(id: try table.requireValue(row, "id"), name: try table.requireValue(row, "name"),
                       aliases: table.list(row, "aliases"), kind: table.value(row, "kind"), notes: table.value(row, "notes"))
        }
    }

    static func loadOrigins(_ path: String, groups: [ArmedGroup]) throws -> [GroupOrigin] {
        let table = try CSVTable(path: path, required: ["group_id", "place", "asserted_by", "source"])
        let groupIDs = Set(groups.map(\.id))
        return try table.rows.map { row in
            let groupID = try table.requireValue(row, "group_id")
            guard groupIDs.contains(groupID) else {
                throw GeoDataError(file: "\(path):\(row.line):group_id", "'\(groupID)' is not an id of groups.csv")
            }
            let lon = try table.double(row, "lon", range: -180...180), lat = try table.double(row, "lat", range: -90...90)
            return GroupOrigin(groupID: groupID, place: try table.requireValue(row, "place"),
                               point: lon.flatMap { lon in lat.map { Coordinate(lon, $0) } },
                               role: table.value(row, "role"), period: table.value(row, "period"),
                               assertedBy: try table.requireValue(row, "asserted_by"), source: try table.requireValue(row, "source"),
                               notes: table.value(row, "notes"))
        }
    }

    /// GeoData/labels.csv (optional): labels that one party applies to several groups.
    static func loadLabels(_ path: String, groups: [ArmedGroup]) throws -> [GroupLabel] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let table = try CSVTable(path: path, required: ["label", "used_by", "candidate_group_ids"])
        let groupIDs = Set(groups.map(\.id))
        return try table.rows.map { row in
            let candidates = table.list(row, "candidate_group_ids")
            if let unknown = candidates.first(where: { !groupIDs.contains($0) }) {
                throw GeoDataError(file: "\(path):\(row.line):candidate_group_ids", "'\(unknown)' is not an id of groups.csv")
            }
            return GroupLabel(label: try table.requireValue(row, "label"), aliases: table.list(row, "aliases"),
                              usedBy: try table.requireValue(row, "used_by"), candidateGroupIDs: candidates,
                              notes: table.value(row, "notes"), source: table.value(row, "source"))
        }
    }

    static func split(_ value: PropertyValue?) -> [String] {
        (value?.stringValue ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

extension Country {
    public static let focus: [Country] = [
        Country(iso3: "AFG", name: "Afghanistan", aliases: ["Afghanistan", "AF", "Islamic Emirate of Afghanistan", "Islamic Republic of Afghanistan", "افغانستان"]),
        Country(iso3: "PAK", name: "Pakistan", aliases: ["Pakistan", "PK", "Islamic Republic of Pakistan", "پاکستان"]),
    ]

    /// Countries that reports name as origins or actors: they resolve to the country, never to a similar
    /// district name ("Iran" is not Awaran).
    public static let neighbours: [Country] = [
        Country(iso3: "IRN", name: "Iran", aliases: ["Islamic Republic of Iran", "ایران"]),
        Country(iso3: "IND", name: "India", aliases: ["Republic of India", "Bharat", "بھارت"]),
        Country(iso3: "CHN", name: "China", aliases: ["People's Republic of China", "PRC"]),
        Country(iso3: "TJK", name: "Tajikistan", aliases: ["Republic of Tajikistan"]),
        Country(iso3: "TKM", name: "Turkmenistan", aliases: []),
        Country(iso3: "UZB", name: "Uzbekistan", aliases: ["Republic of Uzbekistan"]),
    ]
}

/// Exact lookup of ids by normalised name or alias (several ids may share a name).
struct NameLookup {
    private var table: [String: [String]] = [:]

    init(_ entries: [(id: String, names: [String])]) {
        for (id, names) in entries {
            for name in names {
                let key = NameNormalizer.key(name)
                if !(table[key]?.contains(id) ?? false) { table[key, default: []].append(id) }
            }
        }
    }

    func ids(for name: String) -> [String] { table[NameNormalizer.key(name)] ?? [] }
    func id(for name: String) -> String? { ids(for: name).first }
}
