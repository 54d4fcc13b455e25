import ArgumentParser
import EventModel
import EventFormats
import GeoReference
import Geocoding
import Analysis
import Cartography
import Jobs
import GeoKit

/// The event filters every command that reads events accepts.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var from: String?
    @Option(help: ArgumentHelp("Events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var to: String?
    @Option(help: ArgumentHelp("A group or alias (repeatable), e.g. ISKP, TTP.", valueName: "name"))
    var group: [String] = []
    @Option(help: ArgumentHelp("An event type or sub-type (repeatable).", valueName: "type"))
    var type: [String] = []
    @Option(help: ArgumentHelp("An attribution status (repeatable): claimed, attributed, alleged, unclaimed, disputed, unspecified.", valueName: "status"))
    var attribution: [String] = []
    @Option(help: ArgumentHelp("Only events in this district, province or country (repeatable).", valueName: "unit"))
    var within: [String] = []
    @Option(help: ArgumentHelp("Only events within --near-km of this place.", valueName: "place"))
    var near: String?
    @Option(help: ArgumentHelp("Distance for --near.", valueName: "km"))
    var nearKm: Double = 25
    @Option(help: ArgumentHelp("Only events inside min-lon,min-lat,max-lon,max-lat.", valueName: "bbox"))
    var bbox: String?

    func validate() throws { _ = try filter() }

    func filter() throws -> EventFilter {
        var filter = EventFilter()
        do {
            filter.from = try from.map { try EventDate(parsing: $0) }
            filter.to = try to.map { try EventDate(parsing: $0) }
        } catch {
            throw ValidationError("--from/--to: \(error)")
        }
        filter.groups = group
        filter.eventTypes = type
        filter.attributions = Set(try attribution.map { text in
            guard let value = Attribution(parsing: text), !text.isEmpty else {
                throw ValidationError("--attribution '\(text)': use one of \(Attribution.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return value
        })
        filter.within = within
        if let near {
            guard nearKm > 0 else { throw ValidationError("--near-km must be positive") }
            filter.near = (near, nearKm)
        }
        if let bbox {
            let numbers = bbox.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard numbers.count == 4, numbers[0] < numbers[2], numbers[1] < numbers[3] else {
                throw ValidationError("--bbox takes min-lon,min-lat,max-lon,max-lat, e.g. 69.5,33.5,72,35.5")
            }
            filter.boundingBox = Envelope(minX: numbers[0], minY: numbers[1], maxX: numbers[2], maxY: numbers[3])
        }
        return filter
    }
}
