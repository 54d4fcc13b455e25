import Foundation
import EventModel
import GeoReference
import Geocoding

/// Reads report text into candidate events with rules, the gazetteer and the groups' aliases. Built once
/// (name indexes for places and groups), then used for any number of documents; immutable.
public final class EventExtractor: Sendable {
    let gazetteer: Gazetteer
    let names: NameGeocoder
    let placeFinder: PlaceMentionFinder
    let groupFinder: GroupMentionFinder

    public init(gazetteer: Gazetteer, names: NameGeocoder? = nil) {
        self.gazetteer = gazetteer
        let names = names ?? NameGeocoder(gazetteer: gazetteer)
        self.names = names
        placeFinder = PlaceMentionFinder(gazetteer: gazetteer)
        groupFinder = GroupMentionFinder(gazetteer: gazetteer, names: names)
    }

    /// Loads and reads the file `path`; errors end up in the report, never thrown.
    public func extract(path: String, options: ExtractionOptions = ExtractionOptions()) -> DocumentReport {
        do {
            let document = try DocumentLoader.load(path: path, maximumBytes: options.maximumBytes)
            return extract(document, options: options)
        } catch {
            var report = DocumentReport(path: path)
            report.error = error
            return report
        }
    }

    public func extract(_ document: Document, options: ExtractionOptions = ExtractionOptions()) -> DocumentReport {
        var report = DocumentReport(path: document.path)
        report.kind = document.kind
        report.encoding = document.encoding
        report.notes = document.notes
        var blockSentences: [[Sentence]] = []
        var count = 0
        var cutClauses = 0
        for block in document.blocks.indices {
            let sentences = document.blocks[block].skipReason == nil
                ? SentenceSplitter.sentences(in: document, block: block, firstIndex: count, cut: &cutClauses) : []
            count += sentences.count
            blockSentences.append(sentences)
        }
        if cutClauses > 0 {
            report.notes.append("\(cutClauses) sentence\(cutClauses == 1 ? " was" : "s were") longer than \(SentenceSplitter.maxClauseTokens) words and marks (text without sentence punctuation?) and read in pieces of that length; figures and claims are not joined across the pieces")
        }
        let header = DocumentHeader(document, sentences: blockSentences)
        let (date, source) = documentDate(document, header, options, &report.notes)
        report.documentDate = date
        report.dateSource = source
        let voice = DocumentVoice(author: document.metadata.author ?? header.author,
                                  publisher: options.publisher ?? document.metadata.publisher ?? header.publisher ?? header.agency,
                                  title: document.metadata.title ?? firstHeading(document, blockSentences), dateText: date?.iso, path: document.path)
        report.asserter = voice.asserter
        let analyses = analyse(document, blockSentences, header: header, date: date, dateSource: source, voice: voice)
        let (drafts, loose) = EventSegmenter.drafts(analyses)
        let assembler = CandidateAssembler(document: document, gazetteer: gazetteer, voice: voice, documentDate: date)
        let stem = URL(fileURLWithPath: document.path).deletingPathExtension().lastPathComponent
        for draft in drafts {
            if var candidate = assembler.candidate(draft, id: "\(stem)-\(report.candidates.count + 1)") {
                if let days = candidate.daysAfterPreviousEvent { datedFromPrevious(&candidate, days: days, previous: report.candidates.last) }
                report.candidates.append(candidate)
            } else {
                report.withoutPlace.append(draft.sentences[0].sentence.tokens.text(0..<draft.sentences[0].sentence.tokens.count, in: document.text))
            }
        }
        for analysis in loose {
            for origin in analysis.origins {
                report.notes.append("origin claim tied to no event: \(origin.place), asserted by \(origin.assertedBy ?? voice.asserter) ('…\(origin.wording)')")
            }
        }
        report.blocksRead = document.blocks.filter { $0.skipReason == nil }.count
        report.blocksSkipped = document.blocks.count - report.blocksRead
        report.sentences = count
        return report
    }

    /// "A day earlier": the day of the event told before, moved by `days`; only when that one has a day.
    private func datedFromPrevious(_ candidate: inout CandidateEvent, days: Int, previous: CandidateEvent?) {
        guard let previous, let date = previous.date, let day = CivilDay(date), let moved = day.adding(days).date else {
            candidate.notes.append("date: counted from the event told before, which has no day; event_date left empty")
            return
        }
        candidate.date = moved
        candidate.notes.append("date: \(moved.iso), \(days == 0 ? "the day of" : "\(abs(days)) day\(abs(days) == 1 ? "" : "s") \(days < 0 ? "before" : "after")") \(previous.eventID) as the text counts it")
        candidate.notes.removeAll { $0.hasPrefix("date: the text gives none") }
    }

    private func analyse(_ document: Document, _ blockSentences: [[Sentence]], header: DocumentHeader, date: EventDate?,
                         dateSource: String?, voice: DocumentVoice) -> [SentenceAnalysis] {
        let analyzer = SentenceAnalyzer(places: placeFinder, groups: groupFinder, resolver: PlaceResolver(names: names),
                                        dates: DateFinder(documentDay: date.flatMap { CivilDay($0) }, documentDateSource: dateSource),
                                        publisherGroup: publisherGroup(voice.publisher))
        var analyses: [SentenceAnalysis] = []
        for sentences in blockSentences {
            var previousSpeaker: Speaker?
            for sentence in sentences {
                var start = 0
                if let dateline = header.datelineEnds[sentence.block], sentence.range.lowerBound < dateline {
                    start = sentence.tokens.firstIndex { $0.range.lowerBound >= dateline } ?? sentence.tokens.count
                }
                let analysis = analyzer.analyse(sentence, text: document.text, start: start, previousSpeaker: previousSpeaker)
                previousSpeaker = analysis.speakers.last ?? previousSpeaker
                analyses.append(analysis)
            }
        }
        return analyses
    }

    /// `--date`, else the HTML meta date, else the header's (a "Date:" line, a dateline, a byline, a header line).
    private func documentDate(_ document: Document, _ header: DocumentHeader, _ options: ExtractionOptions,
                              _ notes: inout [String]) -> (EventDate?, String?) {
        if let given = options.documentDate { return (given, options.documentDateLabel) }
        if let text = document.metadata.dateText {
            if let date = try? EventDate(parsing: String(text.prefix(10))) { return (date, document.metadata.dateSource ?? "metadata") }
            notes.append("the document's meta date '\(text)' could not be read")
        }
        if let date = header.date { return (date, header.dateSource) }
        if let monthDay = header.datelineMonthDay {
            notes.append("the dateline gives a month and day (\(monthDay.month)/\(monthDay.day)) but no year")
        }
        notes.append("no document date found (meta, dateline, 'Date:' line or byline): relative dates such as 'on Sunday' stay unread")
        return (nil, nil)
    }

    private func publisherGroup(_ publisher: String?) -> (text: String, group: ArmedGroup)? {
        guard let publisher else { return nil }
        let tokens = Tokenizer.tokens(publisher, in: publisher.startIndex..<publisher.endIndex)
        guard let group = groupFinder.mentions(in: tokens, text: publisher).compactMap(\.group).first else { return nil }
        return (DocumentVoice.cleaned(publisher), group)
    }

    private func firstHeading(_ document: Document, _ blockSentences: [[Sentence]]) -> String? {
        guard let block = document.blocks.indices.first(where: { document.blocks[$0].isHeading || $0 == 0 }) else { return nil }
        return document.text[document.blocks[block].range].split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
