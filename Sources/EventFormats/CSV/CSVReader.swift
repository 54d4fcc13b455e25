import Foundation
import GeoKit
import EventModel

#if canImport(Glibc)
import Glibc
#endif

/// One CSV record: its fields and the physical line it starts on (1-based).
public struct CSVRecord: Sendable {
    public let line: Int
    public var fields: [String]
    /// 0-based indices of the fields that were not valid UTF-8 and were read as Windows-1252 (`TextEncoding.auto`).
    public var recodedFields: [Int] = []

    public init(line: Int, fields: [String], recodedFields: [Int] = []) {
        self.line = line
        self.fields = fields
        self.recodedFields = recodedFields
    }
}

/// A record that could not be read, with where and why.
public struct CSVProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    /// 1-based field index when the problem is in one field.
    public let field: Int?
    public let reason: String
    public var description: String {
        "line \(line)" + (field.map { ", field \($0)" } ?? "") + ": \(reason)"
    }
}

/// A streaming RFC 4180 CSV reader working on bytes: quoted fields with doubled quotes and line
/// breaks, CRLF, LF or a bare CR, a UTF-8 byte-order mark. Memory stays flat whatever the file size.
/// Problems (unbalanced quotes, invalid UTF-8, NUL bytes, over-long fields) come back as
/// `CSVProblem`s for that record, and reading goes on with the next line.
///
/// Limits (docs/LIMITS.md): a field holds at most `maxFieldBytes`, a record (all its fields, delimiters and
/// line breaks inside quotes) at most `maxRecordBytes`. Past either, the bytes are skipped rather than kept, the
/// record comes back as a problem naming the limit, and reading goes on with the next record.
public final class CSVReader: IteratorProtocol, Sequence {
    public typealias Element = Result<CSVRecord, CSVProblem>

    public let path: String
    public let delimiter: UInt8
    public let maxFieldBytes: Int
    public let maxRecordBytes: Int
    /// Whether the input began with a UTF-8 byte-order mark (skipped).
    public private(set) var hadByteOrderMark = false

    private let file: UnsafeMutablePointer<FILE>
    private let ownsFile: Bool
    private let seekable: Bool
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var chunkLength = 0
    private var position = 0
    private var chunkOffset: Int64 = 0
    private var atEnd = false
    private var line = 1
    private var started = false
    /// How many line breaks a quoted field may span before the quote is taken as unbalanced.
    public var maxLinesInQuotedField = 200
    /// How field bytes become text; `.utf8` rejects a record with a field that is not UTF-8.
    public var encoding: TextEncoding = .utf8

    public init(path: String, delimiter: UInt8 = UInt8(ascii: ","), maxFieldBytes: Int = InputLimits.current.fieldBytes,
                maxRecordBytes: Int = InputLimits.current.lineBytes) throws {
        self.path = path
        self.delimiter = delimiter
        self.maxFieldBytes = maxFieldBytes
        self.maxRecordBytes = Swift.max(maxRecordBytes, 1)
        if path == "-" {
            guard let input = fdopen(0, "rb") else { throw CSVOpenError(path: path, reason: "standard input is closed") }
            file = input
            ownsFile = false
            seekable = false
        } else {
            var info = stat()
            if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                throw CSVOpenError(path: path, reason: "is a folder, not a file")
            }
            guard let opened = fopen(path, "rb") else {
                throw CSVOpenError(path: path, reason: String(cString: strerror(errno)))
            }
            file = opened
            ownsFile = true
            seekable = true
        }
    }

    deinit {
        if ownsFile { fclose(file) }
    }

    private func fill() -> Bool {
        guard !atEnd else { return false }
        chunkOffset += Int64(chunkLength)
        chunkLength = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        position = 0
        if chunkLength == 0 { atEnd = true; return false }
        return true
    }

    @inline(__always)
    private func peekByte() -> UInt8? {
        if position >= chunkLength, !fill() { return nil }
        return chunk[position]
    }

    private func seek(to offset: Int64) {
        fseeko(file, off_t(offset), SEEK_SET)
        chunkOffset = offset
        chunkLength = 0
        position = 0
        atEnd = false
    }

    private var absolutePosition: Int64 { chunkOffset + Int64(position) }

    public func next() -> Element? {
        if !started {
            started = true
            if peekByte() == 0xEF {
                let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
                var matched = 0
                while matched < 3, peekByte() == bom[matched] { position += 1; matched += 1 }
                hadByteOrderMark = matched == 3
                if !hadByteOrderMark { seek(to: 0) }
            }
        }
        guard peekByte() != nil else { return nil }

        let startLine = line
        var fields: [String] = []
        var recoded: [Int] = []
        var field: [UInt8] = []
        var problem: CSVProblem?
        var resumeOffset: Int64?
        var resumeLine = 0
        // Bytes of this record so far; past maxRecordBytes nothing more is kept (tooLong).
        var recordBytes = 0
        var tooLong = false

        func countByte() {
            recordBytes += 1
            if recordBytes > maxRecordBytes && !tooLong {
                tooLong = true
                fields = []
                field = []
            }
        }

        func finishField() {
            guard problem == nil, !tooLong else { field.removeAll(keepingCapacity: true); return }
            if field.contains(0) {
                problem = CSVProblem(line: startLine, field: fields.count + 1, reason: "contains a NUL byte; the file may be binary or UTF-16 — save it as UTF-8 text")
            } else if encoding == .latin1 || encoding == .cp1252 {
                let text = TextEncoding.decodeSingleByte(field, windows1252: encoding == .cp1252)
                fields.append(field.first == UInt8(ascii: "'") ? CSVCell.restored(text) : text)
            } else if let text = String(validating: field, as: UTF8.self) {
                fields.append(field.first == UInt8(ascii: "'") ? CSVCell.restored(text) : text)
            } else if encoding == .auto {
                let text = TextEncoding.decodeSingleByte(field, windows1252: true)
                recoded.append(fields.count)
                fields.append(field.first == UInt8(ascii: "'") ? CSVCell.restored(text) : text)
            } else {
                problem = CSVProblem(line: startLine, field: fields.count + 1, reason: "is not valid UTF-8; re-save the file as UTF-8")
            }
            field.removeAll(keepingCapacity: true)
        }

        recordLoop: while true {
            guard let byte = peekByte() else { finishField(); break }
            if byte == UInt8(ascii: "\"") && field.isEmpty {
                position += 1
                let quoteLine = line
                var linesInside = 0
                quoted: while true {
                    guard let b = peekByte() else {
                        problem = problem ?? CSVProblem(line: quoteLine, field: fields.count + 1,
                            reason: "unbalanced quote: the quoted field never closes; close it with \" or double inner quotes as \"\"")
                        break recordLoop
                    }
                    position += 1
                    countByte()
                    if b == UInt8(ascii: "\"") {
                        if peekByte() == UInt8(ascii: "\"") { if !tooLong { field.append(b) }; position += 1; countByte(); continue }
                        break quoted
                    }
                    if b == UInt8(ascii: "\n") {
                        line += 1
                        linesInside += 1
                        if resumeOffset == nil { resumeOffset = absolutePosition; resumeLine = line }
                        if linesInside > maxLinesInQuotedField {
                            problem = CSVProblem(line: quoteLine, field: fields.count + 1,
                                reason: "unbalanced quote: the quoted field runs over \(maxLinesInQuotedField) lines; close it with \" or double inner quotes as \"\"")
                            break recordLoop
                        }
                    }
                    if tooLong { continue }
                    if field.count >= maxFieldBytes {
                        problem = problem ?? CSVProblem(line: quoteLine, field: fields.count + 1, reason: fieldTooLong)
                        continue
                    }
                    field.append(b)
                }
                // After the closing quote only a delimiter or line end may follow; anything else is kept, as most readers do,
                // unless the quoted field spanned lines: then the quote that "closed" it most likely opened the next field.
                if linesInside > 0, let after = peekByte(), after != delimiter, after != UInt8(ascii: "\n"), after != UInt8(ascii: "\r") {
                    problem = problem ?? CSVProblem(line: quoteLine, field: fields.count + 1,
                        reason: "unbalanced quote: the quoted field runs over \(linesInside) line breaks and its closing quote is followed by text; close it with \" or double inner quotes as \"\"")
                    break recordLoop
                }
                continue recordLoop
            }
            position += 1
            countByte()
            switch byte {
            case delimiter:
                finishField()
            case UInt8(ascii: "\n"):
                line += 1
                if field.last == UInt8(ascii: "\r") { field.removeLast() }
                finishField()
                break recordLoop
            case UInt8(ascii: "\r") where peekByte() != UInt8(ascii: "\n"):
                // A bare CR (classic Mac OS line ends) ends the record too; without this a whole
                // CR-only file would read as one header row and its events would vanish.
                line += 1
                finishField()
                break recordLoop
            default:
                if tooLong { continue recordLoop }
                if field.count >= maxFieldBytes {
                    if problem == nil {
                        problem = CSVProblem(line: startLine, field: fields.count + 1, reason: fieldTooLong)
                    }
                } else {
                    field.append(byte)
                }
            }
        }

        if let problem, problem.reason.hasPrefix("unbalanced quote") {
            if seekable, let resumeOffset {
                seek(to: resumeOffset)
                line = resumeLine
            }
            return .failure(problem)
        }
        if tooLong {
            return .failure(CSVProblem(line: startLine, field: nil,
                reason: "the row is longer than \(InputLimits.size(maxRecordBytes)) (the line limit) and was skipped; check for a missing line break or an unclosed quote, \(InputLimits.advice(InputLimits.lineVariable, maxRecordBytes))"))
        }
        if let problem { return .failure(problem) }
        return .success(CSVRecord(line: startLine, fields: fields, recodedFields: recoded))
    }
}

extension CSVReader {
    var fieldTooLong: String {
        "field is longer than \(InputLimits.size(maxFieldBytes)) (the field limit); split it, check for an unclosed quote, \(InputLimits.advice(InputLimits.fieldVariable, maxFieldBytes))"
    }
}

public struct CSVOpenError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): cannot open: \(reason)" }
}
