import GeoKit
import EventModel
import EventFormats
import GeoReference

/// Geocodes events for one worker: coordinates through the worker's boundary index, names through the
/// shared name geocoder, and the group's reported origin when the row gives none.
///
/// Evidence order (docs/INPUTS.md, tested in RealWorldInputTests):
/// 1. coordinates inside an outline decide, unless the source calls them approximate (precision 2: within
///    about 25 km) and the row names a district (admin2, or a gazetteer place's district) whose outline lies
///    within `conflictKm` of the point — then the named district wins, and `geo_notes` says so; a named
///    district or place also wins over an *approximate* (Voronoi) district area of the same province;
/// 2. a named place or district that agrees with the hints;
/// 3. the exact admin2/admin1/country hints alone;
/// 4. a fuzzy name (never against an exact hint or across the country the row names; see `NameGeocoder`).
/// Then the row's reported precision caps the result: a row located only to a province or a country keeps
/// no district and no point; nothing is reported finer than the source located it.
public final class EventGeocoder {
    public let reference: PreparedReference
    public let names: NameGeocoder
    /// Coordinates farther than this from the place named in the same row are flagged as a conflict; also the
    /// radius within which a named district outranks approximate coordinates.
    public var conflictKm: Double = 25
    /// A point this close to a district, outside every province (a coast, a gap between outlines), is in it.
    public var coastSnapKm: Double = 2
    /// Relative positions farther than this from their reference are placed only to a province.
    public var relativeDistrictKm: Double = 10

    private var districtUnits: [String: AdminUnit] = [:]
    /// Name and group readings of texts already met: rows repeat the same few places and groups.
    private var readings = RecentAnswers<NameQuery, NameMatch>()
    private var groupReadings = RecentAnswers<String, GroupReading>()
    private var neighbourShapes: [(iso3: String, name: String, shape: PreparedGeometry)]?

    public init(reference: PreparedReference, names: NameGeocoder) {
        self.reference = reference
        self.names = names
        for unit in reference.boundaries.districts where districtUnits[unit.id] == nil { districtUnits[unit.id] = unit }
    }

    public var gazetteer: Gazetteer { reference.gazetteer }
    public var index: BoundaryIndex { reference.index }
    public var border: BorderMeasurer { reference.border }

    /// Places the event, each origin claim made for it, and the group it names. A group's reported bases
    /// never stand in for an origin: no claim in the row, no origin.
    public func geocode(_ event: Event) throws -> GeocodedEvent {
        let hints = NameHints(admin2: event.admin2, admin1: event.admin1, country: event.country)
        let location: GeoResult
        if let why = event.unplaceable {
            location = .unresolved(why)
        } else {
            location = try place(text: event.location, coordinate: event.coordinate, flags: event.coordinateFlags,
                                 hints: hints, reported: event.reportedPrecision)
        }
        var result = GeocodedEvent(event: event, location: location)
        if let text = event.group, !text.isEmpty { identifyGroups(text, into: &result) }
        result.origins = try event.originClaims.map { claim in
            let location = try place(text: claim.place, coordinate: claim.coordinate, flags: claim.coordinateFlags, hints: NameHints())
            return GeocodedOrigin(claim: claim, location: location, border: try measure(location))
        }
        result.border = try measure(result.location)
        if result.border?.sideUncertain == true { decideSideInBand(&result) }
        return result
    }

    /// Within the border's uncertainty band the coordinates cannot tell the side. When the row names a place,
    /// district or province of the other country (location text or admin hints), that evidence decides the
    /// country and the units; either way `geo_notes` says what decided.
    func decideSideInBand(_ item: inout GeocodedEvent) {
        guard let border = item.border, let here = item.location.adm0ISO3 else { return }
        let e = item.event
        let hints = NameHints(admin2: e.admin2, admin1: e.admin1, country: e.country)
        let texts = [e.location, e.admin2, e.admin1, e.country].compactMap { $0 }.filter { !$0.isEmpty }
        let named = texts.lazy.map { self.resolve($0, hints) }.first { $0.best != nil && !$0.isAmbiguous }
        let band = "within the \(NumberFormatting.string(border.km, decimals: 1)) km of the \(border.segment) segment where the candidate border lines disagree"
        guard let named, let best = named.best, ["AFG", "PAK"].contains(best.countryISO3) else {
            item.location.notes.append("border side uncertain: \(band); the row names no place that decides it, so the side of the line was kept")
            return
        }
        guard best.countryISO3 != here else {
            item.location.notes.append("border side uncertain: \(band); the row's place \(best.name) agrees with the side of the line")
            return
        }
        var decided = resolved(named)
        decided.point = item.location.point
        decided.geoPrecision = item.location.geoPrecision
        decided.method = item.location.method + "+named place (border band)"
        decided.confidence = min(item.location.confidence, 0.7)
        decided.notes = item.location.notes + ["border side uncertain: \(band); the coordinates fall in \(here), the row names \(best.name) in \(best.countryISO3), which decided"]
        item.location = decided
        item.border?.side = best.countryISO3
    }

    /// `names.resolve`, remembered per text and hints.
    private func resolve(_ text: String, _ hints: NameHints) -> NameMatch {
        readings.value(for: NameQuery(text: text, hints: hints)) { names.resolve(text, hints: hints) }
    }

    private struct NameQuery: Hashable {
        let text: String
        let hints: NameHints
    }

    /// What a group text names: group ids, group names, labels (each joined), as `identifyGroups` sets them.
    private struct GroupReading {
        let ids: String?, names: String?, labels: String?
    }

    /// Resolves each actor named in the group text ("RAW; NDS"): groups by name or alias, and labels that
    /// one party applies to several groups, which give candidates and never one group.
    func identifyGroups(_ text: String, into result: inout GeocodedEvent) {
        let reading = groupReadings.value(for: text) { readGroups(text) }
        result.groupID = reading.ids
        result.groupName = reading.names
        result.groupLabel = reading.labels
    }

    private func readGroups(_ text: String) -> GroupReading {
        var ids: [String] = [], names: [String] = [], labels: [String] = []
        for part in text.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            if let label = gazetteer.label(part) {
                let candidates = label.candidateGroupIDs.compactMap { gazetteer.group(id: $0)?.name }
                labels.append("'\(label.label)': a label used by \(label.usedBy)" + (candidates.isEmpty ? "" : "; candidates: " + candidates.joined(separator: ", ")))
            } else if let group = self.names.group(part), !ids.contains(group.id) {
                ids.append(group.id)
                names.append(group.name)
            }
        }
        return GroupReading(ids: ids.isEmpty ? nil : ids.joined(separator: "; "), names: names.isEmpty ? nil : names.joined(separator: "; "),
                            labels: labels.isEmpty ? nil : labels.joined(separator: " | "))
    }

    func measure(_ location: GeoResult) throws -> BorderMeasure? {
        guard let point = location.point else { return nil }
        let side = location.adm0ISO3.flatMap { ["AFG", "PAK"].contains($0) ? $0 : nil }
        return try border.measure(point, side: side)
    }

    /// Places one location from its text and/or coordinates, no finer than `reported`.
    func place(text: String?, coordinate: Coordinate?, flags: CoordinateFlags, hints: NameHints,
               reported: GeoPrecision? = nil) throws -> GeoResult {
        let trimmed = text?.trimmedSpaces() ?? ""
        let named = trimmed.isEmpty ? nil : resolve(trimmed, hints)
        var result: GeoResult
        if let coordinate {
            result = try locate(coordinate)
            if flags.contains(.possiblySwapped) {
                result.notes.append("latitude and longitude may be swapped; kept as given")
                result.confidence = min(result.confidence, 0.5)
            }
            var named = named
            if let given = named, !given.notes.isEmpty, given.method.hasPrefix("hint:"), let admin2 = hints.admin2 {
                // The admin2 hint contradicted the place the text names; when the point agrees with that place,
                // the hint is the stale one ("Killa Abdullah" for Chaman, split off in 2021).
                let free = resolve(trimmed, NameHints(admin1: hints.admin1, country: hints.country))
                if let best = free.best, !free.isAmbiguous, let district = best.districtID, district == result.adm2ID {
                    named = free
                    result.notes.append("admin2 '\(admin2)' disagrees with the coordinates and with '\(trimmed)' (\(best.name)), which agree; not used")
                }
            }
            if reported == .place {
                try preferNamedDistrict(&result, named: named, hints: hints, text: trimmed, at: coordinate)
            } else if let named, let best = named.best, !named.isAmbiguous, named.relative == nil {
                checkConflict(&result, with: best, text: trimmed)
            }
        } else if let named, named.best != nil || !named.candidates.isEmpty {
            result = try resolved(named, text: trimmed, hints: hints)
        } else if let hinted = hintOnly(hints) {
            result = hinted
            if let named { result.notes += named.notes }
        } else {
            result = trimmed.isEmpty ? .unresolved("no location and no coordinates")
                : .unresolved("'\(trimmed)' matches no place, district, province or country in the gazetteer; add coordinates or an admin2/admin1 hint, or add the place to GeoData/places.csv")
        }
        cap(&result, to: reported)
        return result
    }

    // MARK: Coordinates

    /// Point → district → province → country; outside Afghanistan and Pakistan, the neighbouring country.
    func locate(_ coordinate: Coordinate) throws -> GeoResult {
        let found = try index.locate(coordinate)
        var result = GeoResult(geoPrecision: .exact, method: "coordinates", confidence: 1, point: coordinate)
        result.adm0ISO3 = found.countryISO3
        if let district = found.district {
            setDistrict(&result, district)
        }
        if let province = found.province {
            result.adm1ID = province.id
            result.adm1Name = province.name
        }
        if found.onBoundary { result.notes.append("on a shared boundary; the unit with the lowest id was chosen") }
        guard found.district == nil, let nearest = found.nearestDistrict else { return result }
        if found.province == nil, nearest.km <= coastSnapKm, found.countryISO3 == nil || found.countryISO3 == nearest.unit.countryISO3 {
            // On a coast or in a sliver between outlines: the district it is next to.
            setDistrict(&result, nearest.unit)
            result.adm0ISO3 = nearest.unit.countryISO3
            if let id = nearest.unit.provinceID, let province = gazetteer.province(id: id) {
                result.adm1ID = province.id
                result.adm1Name = province.name
            }
            result.notes.append(String(format: "%.1f km outside the outline of %@ (a coast or a gap between outlines); placed in it", nearest.km, nearest.unit.name))
            return result
        }
        result.nearestDistrict = (nearest.unit.id, nearest.unit.name, nearest.km)
        let inFocus = found.province.map { Gazetteer.focusProvinceIDs.contains($0.id) } ?? false
        if found.countryISO3 == nil {
            result.method = "coordinates:outside coverage"
            result.outsideCoverage = true
            if let country = try neighbour(containing: coordinate) {
                result.adm0ISO3 = country.iso3
                result.notes.append("outside coverage: in \(country.name), not Afghanistan or Pakistan; nearest district \(nearest.unit.name) at \(Int(nearest.km.rounded())) km")
            } else {
                result.geoPrecision = nil
                result.status = .unresolved
                result.confidence = 0
                result.notes.append("outside coverage (not in Afghanistan, Pakistan or a neighbouring country); nearest district \(nearest.unit.name) at \(Int(nearest.km.rounded())) km")
            }
        } else if !inFocus {
            result.notes.append("outside the four provinces' districts; nearest district \(nearest.unit.name) at \(Int(nearest.km.rounded())) km")
        }
        return result
    }

    private func setDistrict(_ result: inout GeoResult, _ district: AdminUnit) {
        result.adm2ID = district.id
        result.adm2Name = district.name
        result.approximate = district.approximate
        if district.approximate { result.confidence = min(result.confidence, 0.8) }
    }

    /// The neighbouring country (Iran, India, China, Tajikistan, Turkmenistan, Uzbekistan) a point lies in.
    private func neighbour(containing coordinate: Coordinate) throws -> (iso3: String, name: String)? {
        if neighbourShapes == nil {
            neighbourShapes = try reference.boundaries.countries.filter { $0.id != "AFG" && $0.id != "PAK" }.map { unit in
                (unit.id, unit.name, try PreparedGeometry(Geometry(wkb: unit.wkb, in: reference.context)))
            }
        }
        let point = try Geometry.point(coordinate, in: reference.context)
        for country in neighbourShapes ?? [] where try country.shape.covers(point) { return (country.iso3, country.name) }
        return nil
    }

    /// Approximate coordinates (the source says within about 25 km): a district the row names — its admin2,
    /// or the district of the place it names — whose outline lies within `conflictKm` of the point outranks
    /// the district the point falls in.
    private func preferNamedDistrict(_ result: inout GeoResult, named: NameMatch?, hints: NameHints, text: String,
                                     at coordinate: Coordinate) throws {
        var candidate: (id: String, name: String, why: String)?
        if let named, let best = named.best, !named.isAmbiguous, named.relative == nil,
           let id = best.districtID ?? (best.kind == .district ? best.id : nil) {
            candidate = (id, gazetteer.district(id: id)?.name ?? id, best.kind == .district ? "the named district" : "'\(text)' (\(best.name))")
        } else if let admin2 = hints.admin2, case let match = resolve("", NameHints(admin2: admin2, admin1: hints.admin1, country: hints.country)),
                  let best = match.best, best.kind == .district {
            candidate = (best.id, best.name, "admin2 '\(admin2)'")
        }
        guard let candidate, candidate.id != result.adm2ID, let unit = districtUnits[candidate.id] else { return }
        let km = try distanceKm(from: coordinate, to: unit)
        if km <= conflictKm {
            let before = result.adm2Name
            setDistrict(&result, unit)
            result.approximate = false
            if let id = unit.provinceID, let province = gazetteer.province(id: id) {
                result.adm1ID = province.id
                result.adm1Name = province.name
            }
            result.method = "coordinates+named district"
            result.notes.append("the approximate coordinates (source precision: within about 25 km) lie \(before.map { "in \($0)" } ?? "outside the districts")" + (km > 0 ? String(format: ", %.1f km from ", km) : ", on the edge of ") + "\(unit.name), which \(candidate.why) names; \(unit.name) was kept")
            result.confidence = min(result.confidence, 0.8)
        } else {
            result.notes.append("conflict: the approximate coordinates lie \(Int(km.rounded())) km from \(candidate.name), which \(candidate.why) names; the coordinates were kept")
            result.confidence = min(result.confidence, 0.5)
        }
    }

    /// Geodesic distance from a point to a district's outline (0 inside), in km.
    private func distanceKm(from coordinate: Coordinate, to unit: AdminUnit) throws -> Double {
        let point = try Geometry.point(coordinate, in: reference.context)
        let shape = try reference.geometry(of: unit)
        if try shape.covers(point) { return 0 }
        let (onShape, _) = try shape.nearestPoints(to: point)
        return Geodesic.wgs84.distanceKm(lon1: onShape.x, lat1: onShape.y, lon2: coordinate.x, lat2: coordinate.y)
    }

    func checkConflict(_ result: inout GeoResult, with candidate: NameCandidate, text: String) {
        if let point = candidate.point, candidate.precision <= 2 {
            let km = Geodesic.wgs84.distanceKm(lon1: point.x, lat1: point.y, lon2: result.point!.x, lat2: result.point!.y)
            if km > conflictKm {
                result.notes.append("conflict: coordinates lie \(Int(km.rounded())) km from '\(text)' (\(candidate.name)); both kept")
                result.confidence = min(result.confidence, 0.5)
            } else if result.approximate, let id = candidate.districtID, id != result.adm2ID, candidate.provinceID == result.adm1ID,
                      let unit = districtUnits[id] {
                // An approximate (Voronoi) area is weaker evidence than the district of the place the report names.
                result.notes.append("the approximate district area around the coordinates is \(result.adm2Name ?? "none"); '\(text)' (\(candidate.name)) lies in \(unit.name), which was kept")
                setDistrict(&result, unit)
                result.approximate = false
                result.method = "coordinates+named district"
                result.confidence = min(result.confidence, 0.7)
            }
        } else if candidate.kind == .district, let id = result.adm2ID, id != candidate.id {
            if result.approximate && candidate.provinceID == result.adm1ID {
                // An approximate (Voronoi) area is weaker evidence than the district the report names.
                result.notes.append("the approximate district area around the coordinates is \(result.adm2Name ?? id); the row names \(candidate.name), which was kept")
                result.adm2ID = candidate.id
                result.adm2Name = candidate.name
                result.method = "coordinates+named district"
                result.confidence = min(result.confidence, 0.7)
            } else {
                result.notes.append("conflict: coordinates lie in \(result.adm2Name ?? id), not in the named district \(candidate.name); both kept")
                result.confidence = min(result.confidence, 0.5)
            }
        } else if candidate.kind == .province, let id = result.adm1ID, id != candidate.id {
            result.notes.append("conflict: coordinates lie in \(result.adm1Name ?? id), not in the named province \(candidate.name); both kept")
            result.confidence = min(result.confidence, 0.5)
        }
    }

    // MARK: Names

    /// A name match as a location: relative phrases placed near or some way off their reference, approximate
    /// phrases ("near X", "X area") no finer than X's district.
    func resolved(_ match: NameMatch, text: String = "", hints: NameHints = NameHints()) throws -> GeoResult {
        var result = resolved(match)
        result.notes += match.notes
        guard let best = match.best, !match.isAmbiguous else { return result }
        if let relative = match.relative {
            let phrase = relative.phrase == "near" ? "near \(best.name)" : "\(relative.phrase) of \(best.name)"
            if let km = relative.km, km > relativeDistrictKm {
                var province = best.provinceID.flatMap { gazetteer.province(id: $0) }
                var country = best.countryISO3
                if let point = best.point, let bearing = relative.bearing {
                    let target = Geodesic.wgs84.direct(lon: point.x, lat: point.y, azimuth: bearing, distance: km * 1000)
                    let found = try index.locate(Coordinate(target.lon, target.lat))
                    if let unit = found.province, let named = gazetteer.province(id: unit.id) { province = named; country = named.countryISO3 }
                }
                if let hinted = hintProvince(hints), hinted.id != province?.id {
                    result.notes.append("'\(text)': \(phrase) would lie in \(province?.name ?? "no province"); the row names \(hinted.name), which was kept")
                    province = hinted
                    country = hinted.countryISO3
                }
                result.adm2ID = nil
                result.adm2Name = nil
                result.point = nil
                result.adm1ID = province?.id
                result.adm1Name = province?.name
                result.adm0ISO3 = country
                result.geoPrecision = province == nil ? .country : .province
                result.notes.append("'\(text)' is \(phrase), not at \(best.name): placed only to \(province?.name ?? country)")
            } else {
                lowerToDistrict(&result, because: "'\(text)' is \(phrase), not at \(best.name)")
            }
        } else if match.method == NameMethod.phrase {
            lowerToDistrict(&result, because: "'\(text)' is near \(best.name), not at it")
        }
        return result
    }

    /// A place near which the event happened: its district at district precision (its province when it has none).
    private func lowerToDistrict(_ result: inout GeoResult, because why: String) {
        guard let precision = result.geoPrecision, precision < .district else { return }
        if result.adm2ID != nil {
            result.geoPrecision = .district
            result.notes.append("\(why): placed to \(result.adm2Name ?? "its district")")
        } else {
            result.geoPrecision = result.adm1ID != nil ? .province : .country
            result.point = nil
            result.notes.append("\(why): placed to \(result.adm1Name ?? result.adm0ISO3 ?? "its country")")
        }
    }

    private func hintProvince(_ hints: NameHints) -> Province? {
        guard let admin1 = hints.admin1 else { return nil }
        let match = resolve("", NameHints(admin1: admin1))
        guard let best = match.best, best.kind == .province else { return nil }
        return gazetteer.province(id: best.id)
    }

    func resolved(_ match: NameMatch) -> GeoResult {
        guard let best = match.best, !match.isAmbiguous else {
            var result = GeoResult(method: match.method + ":ambiguous", confidence: match.confidence)
            result.status = .ambiguous
            result.candidates = match.candidates.map { "\($0.kind.rawValue):\($0.id) \($0.name)" }
            let provinces = Set(match.candidates.map(\.provinceID))
            let countries = Set(match.candidates.map(\.countryISO3))
            if countries.count == 1 { result.adm0ISO3 = countries.first; result.geoPrecision = .country }
            if provinces.count == 1, let id = provinces.first ?? nil, let province = gazetteer.province(id: id) {
                result.adm1ID = id
                result.adm1Name = province.name
                result.geoPrecision = .province
            }
            result.notes.append("ambiguous: \(match.candidates.count) candidates; add an admin2/admin1/country hint or coordinates")
            return result
        }
        var result = GeoResult(geoPrecision: GeoPrecision(rawValue: best.precision), method: match.method, confidence: match.confidence, point: best.point)
        result.adm0ISO3 = best.countryISO3
        if let districtID = best.districtID ?? (best.kind == .district ? best.id : nil), let district = gazetteer.district(id: districtID) {
            result.adm2ID = district.id
            result.adm2Name = district.name
        }
        if let provinceID = best.provinceID ?? (best.kind == .province ? best.id : nil), let province = gazetteer.province(id: provinceID) {
            result.adm1ID = province.id
            result.adm1Name = province.name
        }
        return result
    }

    func hintOnly(_ hints: NameHints) -> GeoResult? {
        let together = resolve("", hints)
        if together.best != nil, !together.isAmbiguous {
            var result = resolved(together)
            result.notes += together.notes
            return result
        }
        for text in [hints.admin2, hints.admin1, hints.country].compactMap({ $0 }) where !text.isEmpty {
            let match = resolve(text, NameHints())
            if match.best != nil, !match.isAmbiguous {
                var result = resolved(match)
                result.method = "hint:" + match.method
                return result
            }
        }
        return nil
    }

    // MARK: Precision

    /// Never finer than the source located the event: a province- or country-level row keeps no district and no
    /// point (it is counted at its own level), a district-level one no finer precision than the district.
    func cap(_ result: inout GeoResult, to reported: GeoPrecision?) {
        guard let reported, let precision = result.geoPrecision else { return }
        if reported >= .province {
            let dropped = result.adm2ID != nil || result.point != nil || (reported == .country && result.adm1ID != nil)
            result.adm2ID = nil
            result.adm2Name = nil
            result.point = nil
            result.approximate = false
            result.nearestDistrict = nil
            if reported == .country {
                result.adm1ID = nil
                result.adm1Name = nil
            }
            result.geoPrecision = max(precision, reported)
            if dropped {
                result.notes.append("the source locates this event only to its \(reported); \(reported == .country ? "province, district" : "district") and point left out")
            }
        } else if precision < reported {
            result.geoPrecision = reported
            result.notes.append("precision lowered to the source's: \(reported)")
        }
    }
}
