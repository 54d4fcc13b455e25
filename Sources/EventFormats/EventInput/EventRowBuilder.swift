import Foundation
import GeoKit
import EventModel

/// Turns rows into events or rejects and remembers the ids seen in one file.
struct EventRowBuilder {
    let file: String
    var coordinates = CoordinateReading()
    private var firstLineByID: [String: Int] = [:]

    init(file: String) { self.file = file }

    mutating func build(_ row: RowInput) -> EventReadResult {
        do {
            return .event(try makeEvent(row))
        } catch {
            let prefix = row.featureIndex.map { "feature \($0): " } ?? ""
            return .reject(Reject(file: file, line: row.line, field: error.field, reason: prefix + error.reason,
                                  category: error.category, featureIndex: row.featureIndex, fields: row.fields, raw: row.raw))
        }
    }

    private mutating func makeEvent(_ row: RowInput) throws(RowProblem) -> Event {
        let (id, generated) = try eventID(row)
        let date = try eventDate(row)
        let location = row.text(.location)
        let place = try coordinates.read(latitude: .latitude, longitude: .longitude, in: row)
        if location == nil && place == nil {
            throw RowProblem(nil, .missingPlace, "has neither a location nor coordinates; give a place name in \(row.column(.location)) or latitude and longitude")
        }
        let origin = try coordinates.read(latitude: .originLatitude, longitude: .originLongitude, in: row)
        guard let attribution = Attribution(parsing: row.text(.attribution) ?? "") else {
            throw RowProblem(row.column(.attribution), .attribution, "'\(row.text(.attribution) ?? "")' is not an attribution; use one of claimed, attributed, alleged, unclaimed, disputed, or leave it empty")
        }
        return Event(
            eventID: id, eventIDGenerated: generated, date: date,
            eventType: row.text(.eventType), subEventType: row.text(.subEventType),
            location: location, admin2: row.text(.admin2), admin1: row.text(.admin1), country: row.text(.country),
            coordinate: place?.0, coordinateFlags: place?.1 ?? [],
            group: row.text(.group), attribution: attribution, attributedBy: row.text(.attributedBy),
            origin: row.text(.origin), originCoordinate: origin?.0, originCoordinateFlags: origin?.1 ?? [],
            fatalities: try count(.fatalities, row), injuries: try count(.injuries, row),
            sources: (row.text(.sources) ?? "").split(separator: ";").map { $0.trimmedSpaces() }.filter { !$0.isEmpty },
            notes: row.text(.notes), extra: row.extra, sourceFile: file, line: row.line)
    }

    private mutating func eventID(_ row: RowInput) throws(RowProblem) -> (String, Bool) {
        if let given = row.text(.eventID) {
            if let first = firstLineByID[given] {
                throw RowProblem(row.column(.eventID), .duplicateID, "event_id '\(given)' was already used on line \(first); give each event its own id or remove the repeated row")
            }
            firstLineByID[given] = row.line
            return (given, false)
        }
        let base = "gen-" + StableHash.fnv1a64Hex(row.fields)
        var id = base
        var copy = 1
        while firstLineByID[id] != nil {
            copy += 1
            id = "\(base)-\(copy)"
        }
        firstLineByID[id] = row.line
        return (id, true)
    }

    private func eventDate(_ row: RowInput) throws(RowProblem) -> EventDate {
        guard let text = row.text(.date) else {
            throw RowProblem(row.column(.date), .missingDate, "is empty; give the event date, at least its year (2023), month (2023-07) or day (2023-07-30)")
        }
        let date: EventDate
        do { date = try EventDate(parsing: text) } catch { throw RowProblem(row.column(.date), .date, error.reason) }
        guard let precisionText = row.text(.datePrecision) else { return date }
        let precision: EventDate.Precision
        switch precisionText.lowercased() {
        case "day", "1", "2": precision = .day
        case "month", "3": precision = .month
        case "year": precision = .year
        default:
            throw RowProblem(row.column(.datePrecision), .date, "'\(precisionText)' is not a date precision; use day, month or year")
        }
        guard precision >= date.precision else {
            throw RowProblem(row.column(.datePrecision), .date, "says \(precision.rawValue) but the date '\(text)' gives only a \(date.precision.rawValue); give the full date or a coarser precision")
        }
        return date.coarsened(to: precision)
    }

    private func count(_ field: EventField, _ row: RowInput) throws(RowProblem) -> Event.Count? {
        do { return try Event.Count(parsing: row.text(field) ?? "") } catch { throw RowProblem(row.column(field), .count, error.reason) }
    }
}

/// FNV-1a, 64 bits: a hash that is the same on every run and machine, for generated ids.
enum StableHash {
    static func fnv1a64Hex(_ fields: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (i, field) in fields.enumerated() {
            if i > 0 { hash = (hash ^ 0x1F) &* 0x100_0000_01b3 }
            for byte in field.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
