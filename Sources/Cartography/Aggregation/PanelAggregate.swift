import GeoKit

/// What one panel's events add up to: the measure per district (for a choropleth, graduated circles, or the
/// shading under points), reports located only to a district (drawn hollow at the district under hexagonal bins),
/// and the hexagonal bins.
struct PanelAggregate {
    /// The measure per district id (a rate already per 1,000 km²).
    var districtValues: [String: Double] = [:]
    /// Events per district id.
    var districtEvents: [String: Int] = [:]
    /// Reports located only to a district, per district id.
    var districtLevel: [String: Int] = [:]
    var bins: [HexBins.Bin] = []

    /// The events of one panel (all from one `MapEvent.all`) added up for `mode`.
    static func make(_ events: [MapEvent], mode: SymbolMode, measure: MapMeasure, areas: [String: Double],
                     hexBins: HexBins?, equalArea: CoordinateTransform?, projection: MapProjection) throws -> PanelAggregate {
        var aggregate = PanelAggregate()
        var binned: [Coordinate] = [], weights: [Double] = []
        let districts = events.first?.districtCount ?? 0
        var counts = [Int](repeating: 0, count: districts), values = [Double](repeating: 0, count: districts)
        for event in events {
            if mode == .hexbin {
                if event.districtLevel, let id = event.districtID {
                    aggregate.districtLevel[id, default: 0] += 1
                } else {
                    binned.append(event.lonLat)
                    weights.append(measure.value(of: event))
                }
            }
            guard event.district >= 0, Int(event.district) < districts else { continue }
            counts[Int(event.district)] += 1
            values[Int(event.district)] += measure.value(of: event)
        }
        for number in 0..<districts where counts[number] > 0 {
            let id = events[0].districtID(number: number)
            aggregate.districtEvents[id] = counts[number]
            aggregate.districtValues[id] = values[number]
        }
        if measure.isRate {
            for (id, value) in aggregate.districtValues {
                aggregate.districtValues[id] = areas[id].map { $0 > 0 ? value / $0 * 1000 : 0 } ?? 0
            }
        }
        if mode == .hexbin, let hexBins, let equalArea {
            aggregate.bins = try hexBins.bins(lonLat: binned, weights: weights, rate: measure.isRate, equalArea: equalArea, display: projection)
        }
        return aggregate
    }

    /// The values the aggregate shades or sizes in `mode`.
    func values(for mode: SymbolMode) -> [Double] {
        switch mode {
        case .hexbin: bins.map(\.value)
        case .points: districtEvents.values.map(Double.init)
        default: Array(districtValues.values)
        }
    }
}
