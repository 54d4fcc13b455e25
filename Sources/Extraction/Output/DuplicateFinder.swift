import EventModel
import EventFormats
import GeoReference
import Geocoding

/// Flags candidates that repeat events already in an events file (`--merge`): the same district or place,
/// the same kind of event, dates within three days (a month- or year-precise date covers its whole span).
public struct DuplicateFinder: Sendable {
    struct Known: Sendable {
        let id: String
        let family: String
        let districtID: String?
        let placeID: String?
        let days: ClosedRange<Int>
    }

    let known: [Known]
    /// Rows of the events file that could not be read or placed, said in the summary.
    public let notes: [String]
    public static let windowDays = 3

    /// Reads `path` with the project's event reader and places each event through the name geocoder.
    public init(path: String, names: NameGeocoder) throws(ExtractionError) {
        let reader: EventReader
        do { reader = try EventReader(path: path) } catch {
            throw .unreadable(path: path, reason: "not an events file the event reader accepts: \(error)")
        }
        var known: [Known] = []
        var unplaced = 0
        var rejected = 0
        for result in reader {
            guard case let .event(event) = result else { rejected += 1; continue }
            let match = names.resolve(event.location ?? "", hints: NameHints(admin2: event.admin2, admin1: event.admin1, country: event.country))
            let best = match.isAmbiguous ? nil : match.best
            let districtID = best.flatMap { $0.kind == .district ? $0.id : $0.districtID }
            let placeID = best.flatMap { $0.kind == .place ? $0.id : nil }
            guard districtID != nil || placeID != nil else { unplaced += 1; continue }
            known.append(Known(id: event.eventID, family: Self.family(event.eventType, event.subEventType), districtID: districtID,
                               placeID: placeID, days: Self.days(event.date)))
        }
        self.known = known
        var notes = reader.summary.notes
        if rejected > 0 { notes.append("\(path): \(rejected) rows could not be read and were not compared") }
        if unplaced > 0 { notes.append("\(path): \(unplaced) events have no district or place the gazetteer knows and were not compared") }
        self.notes = notes
    }

    /// The ids of known events the candidate may repeat.
    public func duplicates(of candidate: CandidateEvent) -> [String] {
        guard let date = candidate.date else { return [] }
        let days = Self.days(date)
        let window = (days.lowerBound - Self.windowDays)...(days.upperBound + Self.windowDays)
        let family = candidate.eventType.family
        return known.filter { event in
            guard event.family == family, event.days.overlaps(window) else { return false }
            if let a = event.placeID, let b = candidate.placeID, a == b { return true }
            if let a = event.districtID, let b = candidate.districtID { return a == b }
            return false
        }.map(\.id)
    }

    /// The kind of event an `event_type`/`sub_event_type` pair describes, in `EventKind.family` terms.
    static func family(_ type: String?, _ subType: String?) -> String {
        let text = ((type ?? "") + " " + (subType ?? "")).lowercased()
        let rules: [(String, [String])] = [
            ("strike", ["air", "drone", "strike", "shelling", "artillery", "mortar"]),
            ("prison", ["prison", "jail", "release"]),
            ("arrest", ["arrest", "detain", "detention"]),
            ("clash", ["battle", "clash", "firefight", "armed clash", "operation"]),
            ("attack", ["bomb", "explos", "suicide", "ied", "attack", "violence", "massacre", "shoot", "remote"]),
            ("statement", ["statement", "ceasefire"]),
        ]
        return rules.first { $0.1.contains(where: text.contains) }?.0 ?? "other"
    }

    /// The days a date covers, as day numbers.
    static func days(_ date: EventDate) -> ClosedRange<Int> {
        let first = CivilDay(year: date.year, month: date.month ?? 1, day: date.day ?? 1).days
        switch date.precision {
        case .day: return first...first
        case .month:
            let next = date.month == 12 ? CivilDay(year: date.year + 1, month: 1, day: 1) : CivilDay(year: date.year, month: date.month! + 1, day: 1)
            return first...(next.days - 1)
        case .year: return first...(CivilDay(year: date.year + 1, month: 1, day: 1).days - 1)
        }
    }
}
