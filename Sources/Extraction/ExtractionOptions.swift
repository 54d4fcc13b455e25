import EventModel

/// What `extract` is told about the documents.
public struct ExtractionOptions: Sendable {
    /// The date relative dates are read against, instead of the one each document gives (`--date`).
    public var documentDate: EventDate?
    /// Who speaks when a document states something in its own voice (`--publisher`).
    public var publisher: String?
    /// Larger documents are refused (`--max-mb`).
    public var maximumBytes = DocumentLoader.defaultMaximumBytes
    /// How the summary names a `documentDate` given here ("--date" on the command line).
    public var documentDateLabel = "given by the caller"

    public init(documentDate: EventDate? = nil, publisher: String? = nil) {
        self.documentDate = documentDate
        self.publisher = publisher
    }
}
