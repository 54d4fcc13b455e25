import EventModel

/// What one document gave: its candidates, or the error that stopped it, and what the reader should know.
public struct DocumentReport: Sendable {
    public let path: String
    public var candidates: [CandidateEvent] = []
    public var error: ExtractionError?
    public var notes: [String] = []
    public var kind: DocumentKind?
    public var encoding: String?
    public var documentDate: EventDate?
    public var dateSource: String?
    public var asserter: String?
    public var blocksRead = 0
    public var blocksSkipped = 0
    public var sentences = 0
    /// Events the text reports without a place the gazetteer knows: not kept (a candidate needs a where).
    public var withoutPlace: [String] = []

    public init(path: String) { self.path = path }
}
