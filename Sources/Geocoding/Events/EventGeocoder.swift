import GeoKit
import EventModel
import EventFormats
import GeoReference

/// Geocodes events for one worker: coordinates through the worker's boundary index, names through the
/// shared name geocoder, and the group's reported origin when the row gives none.
public final class EventGeocoder {
    public let reference: PreparedReference
    public let names: NameGeocoder
    /// Coordinates farther than this from the place named in the same row are flagged as a conflict.
    public var conflictKm: Double = 25

    public init(reference: PreparedReference, names: NameGeocoder) {
        self.reference = reference
        self.names = names
    }

    public var gazetteer: Gazetteer { reference.gazetteer }
    public var index: BoundaryIndex { reference.index }
    public var border: BorderMeasurer { reference.border }

    /// Places the event, each origin claim made for it, and the group it names. A group's reported bases
    /// never stand in for an origin: no claim in the row, no origin.
    public func geocode(_ event: Event) throws -> GeocodedEvent {
        let hints = NameHints(admin2: event.admin2, admin1: event.admin1, country: event.country)
        var result = GeocodedEvent(event: event, location: try place(text: event.location, coordinate: event.coordinate,
                                                                     flags: event.coordinateFlags, hints: hints))
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
        let named = texts.lazy.map { self.names.resolve($0, hints: hints) }.first { $0.best != nil && !$0.isAmbiguous }
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

    /// Resolves each actor named in the group text ("RAW; NDS"): groups by name or alias, and labels that
    /// one party applies to several groups, which give candidates and never one group.
    func identifyGroups(_ text: String, into result: inout GeocodedEvent) {
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
        result.groupID = ids.isEmpty ? nil : ids.joined(separator: "; ")
        result.groupName = names.isEmpty ? nil : names.joined(separator: "; ")
        result.groupLabel = labels.isEmpty ? nil : labels.joined(separator: " | ")
    }

    func measure(_ location: GeoResult) throws -> BorderMeasure? {
        guard let point = location.point else { return nil }
        let side = location.adm0ISO3.flatMap { ["AFG", "PAK"].contains($0) ? $0 : nil }
        return try border.measure(point, side: side)
    }

    /// Places one location from its text and/or coordinates.
    func place(text: String?, coordinate: Coordinate?, flags: CoordinateFlags, hints: NameHints) throws -> GeoResult {
        let trimmed = text?.trimmingCharacters(in: .whitespaces) ?? ""
        let named = trimmed.isEmpty ? nil : names.resolve(trimmed, hints: hints)
        if let coordinate {
            var result = try locate(coordinate)
            if flags.contains(.possiblySwapped) {
                result.notes.append("latitude and longitude may be swapped; kept as given")
                result.confidence = min(result.confidence, 0.5)
            }
            if let named, let best = named.best, !named.isAmbiguous {
                checkConflict(&result, with: best, text: trimmed)
            }
            return result
        }
        if let named {
            if named.best != nil || !named.candidates.isEmpty { return resolved(named) }
        }
        if let hinted = hintOnly(hints) { return hinted }
        return trimmed.isEmpty ? .unresolved("no location and no coordinates")
            : .unresolved("'\(trimmed)' matches no place, district, province or country in the gazetteer; add coordinates or an admin2/admin1 hint, or add the place to GeoData/places.csv")
    }

    /// Point → district → province → country.
    func locate(_ coordinate: Coordinate) throws -> GeoResult {
        let found = try index.locate(coordinate)
        var result = GeoResult(geoPrecision: .exact, method: "coordinates", confidence: 1, point: coordinate)
        result.adm0ISO3 = found.countryISO3
        if let district = found.district {
            result.adm2ID = district.id
            result.adm2Name = district.name
            result.approximate = district.approximate
            if district.approximate { result.confidence = 0.8 }
        }
        if let province = found.province {
            result.adm1ID = province.id
            result.adm1Name = province.name
        }
        if found.onBoundary { result.notes.append("on a shared boundary; the unit with the lowest id was chosen") }
        if found.district == nil, let nearest = found.nearestDistrict {
            result.nearestDistrict = (nearest.unit.id, nearest.unit.name, nearest.km)
            let inFocus = found.province.map { Gazetteer.focusProvinceIDs.contains($0.id) } ?? false
            if found.countryISO3 == nil {
                result.method = "coordinates:outside coverage"
                result.outsideCoverage = true
                result.notes.append("outside coverage (not in Afghanistan or Pakistan); nearest district \(nearest.unit.name) at \(Int(nearest.km.rounded())) km")
            } else if !inFocus {
                result.notes.append("outside the four provinces' districts; nearest district \(nearest.unit.name) at \(Int(nearest.km.rounded())) km")
            }
        }
        return result
    }

    func checkConflict(_ result: inout GeoResult, with candidate: NameCandidate, text: String) {
        if let point = candidate.point, candidate.precision <= 2 {
            let km = Geodesic.wgs84.distanceKm(lon1: point.x, lat1: point.y, lon2: result.point!.x, lat2: result.point!.y)
            if km > conflictKm {
                result.notes.append("conflict: coordinates lie \(Int(km.rounded())) km from '\(text)' (\(candidate.name)); both kept")
                result.confidence = min(result.confidence, 0.5)
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
        for text in [hints.admin2, hints.admin1, hints.country].compactMap({ $0 }) where !text.isEmpty {
            let match = names.resolve(text, hints: NameHints())
            if match.best != nil, !match.isAmbiguous {
                var result = resolved(match)
                result.method = "hint:" + match.method
                return result
            }
        }
        return nil
    }
}
