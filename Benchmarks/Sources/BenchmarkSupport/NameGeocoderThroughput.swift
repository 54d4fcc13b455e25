import GeoKit
import EventModel
import EventFormats
import GeoReference
import Geocoding
import EventSimulation
/// Benchmark helper: how many names per second a `NameGeocoder` resolves over several workers, and a
/// deterministic set of gazetteer names with spelling noise to feed it.
public enum NameGeocoderThroughput {
    /// One measurement.
    public struct Result: Sendable {
        public let names: Int
        public let seconds: Double
        /// Names whose resolution found at least one candidate.
        public let matched: Int
        public var namesPerSecond: Double { seconds > 0 ? Double(names) / seconds : 0 }
    }

    /// Resolves every name `repetitions` times with the same hints, split over `workers` concurrent tasks.
    public static func measure(_ geocoder: NameGeocoder, names: [String], hints: NameHints = .none, repetitions: Int = 1,
                               workers: Int = 2) async -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        let matched = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var found = 0
                    for _ in 0..<repetitions {
                        for index in stride(from: worker, to: names.count, by: workers) where !geocoder.resolve(names[index], hints: hints).candidates.isEmpty {
                            found += 1
                        }
                    }
                    return found
                }
            }
            return await group.reduce(0, +)
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Result(names: names.count * repetitions, seconds: seconds, matched: matched / max(repetitions, 1))
    }

    /// `count` gazetteer names (places, districts, provinces), each with one deterministic kind of noise:
    /// case, a vowel swapped, a letter doubled, dropped or transposed, a generic or "near" word added.
    public static func noisyNames(from gazetteer: Gazetteer, count: Int, seed: UInt64 = 0x5eed) -> [String] {
        var pool: [String] = []
        for place in gazetteer.places { pool += [place.name] + place.aliases }
        for district in gazetteer.districts { pool += [district.name] + district.aliases }
        for province in gazetteer.provinces { pool += [province.name] + province.aliases }
        guard !pool.isEmpty else { return [] }
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let name = pool[Int(random.next() % UInt64(pool.count))]
            return addNoise(to: name, &random)
        }
    }

    private static func addNoise(to name: String, _ random: inout SplitMix64) -> String {
        var letters = Array(name)
        let position = letters.isEmpty ? 0 : Int(random.next() % UInt64(letters.count))
        switch random.next() % 7 {
        case 0: return name.uppercased()
        case 1:
            if let vowel = letters.indices.first(where: { $0 >= position && "aeiou".contains(letters[$0]) }) {
                letters[vowel] = letters[vowel] == "a" ? "e" : (letters[vowel] == "o" ? "u" : "a")
            }
        case 2: if !letters.isEmpty { letters.insert(letters[position], at: position) }
        case 3: if letters.count > 6 { letters.remove(at: position) }
        case 4: if position + 1 < letters.count { letters.swapAt(position, position + 1) }
        case 5: return name + " district"
        default: return "near " + name
        }
        return String(letters)
    }
}
