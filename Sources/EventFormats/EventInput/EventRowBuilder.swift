import Foundation
import GeoKit
import EventModel

/// Turns rows into events or rejects and remembers the ids seen in one file.
struct EventRowBuilder {
    let file: String
    var coordinates = CoordinateReading()
    /// How the file codes `geo_precision`: the project's 1–5, or ACLED's 1–3.
    var precisionScale: PrecisionScale = .project
    /// The day/month order of numeric dates, when the user gave it.
    var dateOrder: DateOrder?
    var dateOrderAdvice = ReadOptions().dateOrderAdvice
    private var firstLineByID = EventIDTable()

    init(file: String) { self.file = file }

    mutating func build(_ input: RowInput) -> EventReadResult {
        var row = input
        do {
            try Self.refuseFooter(row)
            try row.profile.prepare(&row)
            return .event(try makeEvent(row))
        } catch {
            let prefix = row.featureIndex.map { "feature \($0): " } ?? ""
            return .reject(Reject(file: file, line: row.line, field: error.field, reason: prefix + error.reason,
                                  category: error.category, featureIndex: row.featureIndex, fields: row.fields, raw: row.raw))
        }
    }

    /// A totals or footer row ("Total,,,,,123,45", "Sum", or no date and no place but numbers) is not an event.
    static func refuseFooter(_ row: RowInput) throws(RowProblem) {
        // Cheap first: a footer word is short and starts the row; most rows start with an id or a date.
        guard let first = row.fields.first(where: { !$0.allSatisfy(\.isWhitespace) }) else { return }
        if first.utf8.count <= 12 {
            var word = first.trimmingCharacters(in: .whitespaces).lowercased()
            while word.hasSuffix(":") || word.hasSuffix(".") { word.removeLast() }
            if footerWords.contains(word) {
                throw RowProblem(nil, .footer, "is a totals or footer row ('\(first.trimmingCharacters(in: .whitespaces))'), not an event; it is left out")
            }
        }
        guard row.text(.date) == nil, row.values[.date] != nil else { return }
        let noPlace = row.text(.location) == nil && row.text(.latitude) == nil && row.text(.longitude) == nil
            && row.text(.admin2) == nil && row.text(.admin1) == nil && row.text(.country) == nil
        if noPlace, row.fields.contains(where: { Double($0.trimmingCharacters(in: .whitespaces)) != nil }) {
            throw RowProblem(nil, .footer, "has numbers but no date and no place: a totals or footer row, not an event; it is left out")
        }
    }

    private static let footerWords: Set<String> = ["total", "totals", "sum", "grand total", "subtotal", "sub-total", "sub total", "overall", "all events", "totals row"]

    private mutating func makeEvent(_ row: RowInput) throws(RowProblem) -> Event {
        let (id, generated) = try eventID(row)
        var readNotes = row.readNotes
        let date = try eventDate(row, notes: &readNotes)
        let location = row.text(.location)
        let place = try coordinates.read(latitude: .latitude, longitude: .longitude, in: row)
        if location == nil && place == nil && row.text(.admin2) == nil && row.text(.admin1) == nil && row.text(.country) == nil {
            throw RowProblem(nil, .missingPlace, "has neither a location nor coordinates; give a place name in \(row.column(.location)) or latitude and longitude")
        }
        let origins = try originClaims(row)
        guard let attribution = Attribution(parsing: row.text(.attribution) ?? "") else {
            throw RowProblem(row.column(.attribution), .attribution, "'\(row.text(.attribution) ?? "")' is not an attribution; use one of claimed, attributed, alleged, unclaimed, disputed, unspecified, or leave it empty")
        }
        var event = Event(
            eventID: id, eventIDGenerated: generated || row.idWasGenerated, date: date,
            eventType: row.text(.eventType), subEventType: row.text(.subEventType),
            location: location, admin2: row.text(.admin2), admin1: row.text(.admin1), country: row.text(.country),
            coordinate: place?.0, coordinateFlags: place?.1 ?? [], reportedPrecision: try reportedPrecision(row),
            group: row.text(.group), attribution: attribution, claimedBy: row.text(.claimedBy),
            attributedBy: row.text(.attributedBy), deniedBy: row.text(.deniedBy), originClaims: origins,
            fatalities: try count(.fatalities, row), injuries: try count(.injuries, row),
            sources: (row.text(.sources) ?? "").split(separator: ";").map { $0.trimmedSpaces() }.filter { !$0.isEmpty },
            notes: row.text(.notes), extra: row.extra, sourceFile: file, line: row.line)
        event.readNotes = readNotes
        event.unplaceable = row.unplaceable
        return event
    }

    /// The origin claims of a row: the `origin*` columns (one claim) and the `origin_claims` JSON array
    /// ([{"place", "asserted_by", "source", "date", "latitude", "longitude"}], for more).
    private func originClaims(_ row: RowInput) throws(RowProblem) -> [OriginClaim] {
        var claims: [OriginClaim] = []
        let point = try coordinates.read(latitude: .originLatitude, longitude: .originLongitude, in: row)
        if row.text(.origin) != nil || point != nil {
            claims.append(OriginClaim(place: row.text(.origin), coordinate: point?.0, coordinateFlags: point?.1 ?? [],
                                      assertedBy: row.text(.originAssertedBy), source: row.text(.originSource),
                                      date: row.text(.originDate)))
        }
        guard let json = row.text(.originClaims) else { return claims }
        let column = row.column(.originClaims)
        var parser = JSONParser(bytes: Array(json.utf8))
        guard let document = try? parser.parseDocument(), case let .array(items) = document else {
            throw RowProblem(column, .claim, "is not a JSON array of claims; write [{\"place\": \"…\", \"asserted_by\": \"…\", \"source\": \"…\"}]")
        }
        for (i, item) in items.enumerated() {
            guard let object = item.object else {
                throw RowProblem(column, .claim, "item \(i + 1) is not an object with place and asserted_by")
            }
            func text(_ key: String) -> String? {
                guard let value = object[key]?.columnText.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
                return value
            }
            var coordinate: Coordinate?
            if let lat = text("latitude").flatMap(Double.init), let lon = text("longitude").flatMap(Double.init) {
                guard (-90...90).contains(lat), (-180...180).contains(lon) else {
                    throw RowProblem(column, .claim, "item \(i + 1) has coordinates out of range (latitude \(lat), longitude \(lon))")
                }
                coordinate = Coordinate(lon, lat)
            }
            guard text("place") != nil || coordinate != nil else {
                throw RowProblem(column, .claim, "item \(i + 1) names no place and no coordinates")
            }
            claims.append(OriginClaim(place: text("place"), coordinate: coordinate, assertedBy: text("asserted_by"),
                                      source: text("source"), date: text("date")))
        }
        return claims
    }

    /// The source's location precision on the project's scale (1 exact … 5 country), from `geo_precision`.
    private func reportedPrecision(_ row: RowInput) throws(RowProblem) -> GeoPrecision? {
        guard let text = row.text(.geoPrecision) else { return nil }
        guard let code = Int(text), let precision = precisionScale.precision(code) else {
            throw RowProblem(row.column(.geoPrecision), .precision,
                             "'\(text)' is not a location precision; use \(precisionScale.codes), or leave it empty")
        }
        return precision
    }

    private mutating func eventID(_ row: RowInput) throws(RowProblem) -> (String, Bool) {
        if let given = row.text(.eventID) {
            if let first = firstLineByID.line(of: given) {
                throw RowProblem(row.column(.eventID), .duplicateID, "event_id '\(given)' was already used on line \(first); give each event its own id or remove the repeated row")
            }
            firstLineByID.insert(given, line: row.line)
            return (given, false)
        }
        let base = "gen-" + StableHash.fnv1a64Hex(row.fields)
        var id = base
        var copy = 1
        while firstLineByID.line(of: id) != nil {
            copy += 1
            id = "\(base)-\(copy)"
        }
        firstLineByID.insert(id, line: row.line)
        return (id, true)
    }

    private func eventDate(_ row: RowInput, notes: inout [String]) throws(RowProblem) -> EventDate {
        guard let text = row.text(.date) else {
            throw RowProblem(row.column(.date), .missingDate, "is empty; give the event date, at least its year (2023), month (2023-07) or day (2023-07-30)")
        }
        let date: EventDate
        do {
            date = try EventDate(parsing: text, order: dateOrder, orderAdvice: dateOrderAdvice)
        } catch {
            guard let serial = EventDate.excelSerial(text) else { throw RowProblem(row.column(.date), .date, error.reason) }
            date = serial
            notes.append("\(row.column(.date)) \(text) read as an Excel serial date (1900 date system): \(serial.iso)")
        }
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
        let parsed: Event.Count?
        do { parsed = try Event.Count(parsing: row.text(field) ?? "") } catch { throw RowProblem(row.column(field), .count, error.reason) }
        // Bounds the source gives beside the figure (UCDP low/high, an earlier run's columns) when they hold it.
        guard let count = parsed, let bounds = row.countBounds[field], bounds.low <= count.low,
              (bounds.high ?? Int.max) >= (count.high ?? count.low) else { return parsed }
        return Event.Count(text: count.text, low: bounds.low, high: bounds.high, isApproximate: count.isApproximate)
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
