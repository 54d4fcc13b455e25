import EventModel

/// A date a sentence names, read against the document date when it is relative or lacks a year.
struct DateMention: Sendable {
    /// Token indexes in the sentence.
    let tokens: Range<Int>
    /// The text as written ("on Sunday", "12/13 April 2025", "in July").
    let text: String
    /// Nil when it could not be read (a relative date and no document date).
    let date: EventDate?
    /// How it was read, for the notes: "'on Sunday' read as 2025-03-02 (the Sunday before the document date 2025-03-03)".
    let reading: String?
    /// True for dates that only bound a period ("since 2021", "until March") rather than date an event.
    let isBound: Bool
    /// "a day earlier" (-1), "the next day" (+1), "hours later" (0): days after the event told before this one.
    var daysAfterPreviousEvent: Int? = nil
}
