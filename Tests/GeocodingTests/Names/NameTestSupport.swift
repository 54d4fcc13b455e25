@testable import EventModel
@testable import EventFormats
@testable import GeoReference
@testable import Geocoding
@testable import Analysis
@testable import Cartography
@testable import Jobs
import TestSupport

func resolve(_ text: String, _ hints: NameHints = .none) -> NameMatch {
    NameGeocoderFixture.geocoder.resolve(text, hints: hints)
}

/// "kind:id" of the best reading, or nil.
func bestID(_ match: NameMatch) -> String? {
    match.best.map { "\($0.kind.rawValue):\($0.id)" }
}

func candidateIDs(_ match: NameMatch) -> Set<String> {
    Set(match.candidates.map(\.id))
}
