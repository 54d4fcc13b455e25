@testable import EventMapper

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
