extension MapMeasure {
    /// What one event adds to its district's or bin's value (a rate is divided by the area afterwards).
    func value(of event: MapEvent) -> Double {
        switch self {
        case .events, .rate: 1
        case .fatalitiesLow: Double(event.fatalities ?? 0)
        case .fatalitiesHigh: Double(event.fatalitiesHigh ?? 0)
        case .claimed: event.style == .claimed ? 1 : 0
        case .attributed: event.style == .attributed ? 1 : 0
        }
    }

    /// Counts are whole numbers; rates are not.
    var wholeNumbers: Bool { !isRate }

    /// "12 events", "340 reported deaths (lowest figure)", "3.2 events per 1,000 km²".
    func describe(_ value: Double) -> String {
        let n = isRate ? (value < 10 ? (value * 10).rounded() / 10 : value.rounded()) : value.rounded()
        let text = n == n.rounded() ? MapCount.text(n) : String(n)
        switch self {
        case .events: return "\(text) event\(n == 1 ? "" : "s")"
        case .fatalitiesLow: return "\(text) reported deaths (lowest figure)"
        case .fatalitiesHigh: return "\(text) reported deaths (highest figure)"
        case .claimed: return "\(text) claimed event\(n == 1 ? "" : "s")"
        case .attributed: return "\(text) attributed, alleged or disputed event\(n == 1 ? "" : "s")"
        case .rate: return "\(text) events per 1,000 km²"
        }
    }
}
