import EventModel
import EventFormats
import GeoReference
import Geocoding
import Extraction
import FuzzSupport
import Foundation

/// Report-text extraction (`eventmap extract`): the bytes of a file decoded (UTF-8, UTF-16 with a byte-order
/// mark, the Windows-1252 fallback, binary refused), read as plain text, Markdown and HTML (libxml2), cut into
/// blocks, sentences and clauses, and read for dates, places, groups, casualties and claims over the committed
/// gazetteer (GeoData/ beside this package, or EVENTMAP_GEODATA). Every input either loads or is refused with an
/// ExtractionError; what loads keeps its blocks inside its text, in order, and its report adds up.
private let extractor = EventExtractor(gazetteer: try! Gazetteer.load(directory: RepositoryGeoData.path))
private let kinds: [(path: String, kind: DocumentKind)] = [("input.txt", .text), ("input.md", .markdown), ("input.html", .html)]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtract(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    for (path, kind) in kinds {
        let document: Document
        do { document = try DocumentLoader.load(bytes: bytes, path: path, kind: kind) } catch { continue }
        var previous = document.text.startIndex
        for block in document.blocks {
            precondition(block.range.lowerBound >= previous && block.range.upperBound <= document.text.endIndex, "blocks out of order or outside the text")
            previous = block.range.upperBound
        }
        let report = extractor.extract(document)
        precondition(report.blocksRead + report.blocksSkipped == document.blocks.count, "blocks read + skipped != blocks")
        precondition(report.error == nil, "a loaded document reported an error")
    }
    // The file as the command line opens it (size limit, reading, the layout told by the first bytes), loaded only:
    // its extraction is one of the three above.
    let path = ScratchFile.write(data, size, name: "report")
    _ = try? DocumentLoader.load(path: path, maximumBytes: 8192)
    return 0
}

@main enum Main {
    static func main() { runLibFuzzer(fuzzExtract) }
}
