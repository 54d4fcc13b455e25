/// Panel aggregates by (year, mode, measure) for the modes that need no pixels.
final class AggregateCache {
    private var stored: [String: PanelAggregate] = [:]

    func aggregate(year: Int?, mode: SymbolMode, measure: MapMeasure, make: () throws -> PanelAggregate) rethrows -> PanelAggregate {
        guard mode != .hexbin else { return try make() }
        let key = "\(year.map(String.init) ?? "all")/\(mode.rawValue)/\(measure.rawValue)"
        if let found = stored[key] { return found }
        let made = try make()
        stored[key] = made
        return made
    }
}
