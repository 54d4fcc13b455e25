import GeoKit
import EventModel
import EventFormats
import GeoReference
/// Symmetric-delete index (as in SymSpell) over ASCII terms: every term is stored under the hashes of
/// itself with up to two bytes deleted, so a query finds terms within two edits by hashing its own
/// deletions, without scanning the term list. Candidates are confirmed with `EditDistance`.
struct DeletionIndex: Sendable {
    struct Hit {
        let term: Int
        let distance: Int
    }

    private(set) var terms: [[UInt8]] = []
    private var table: [UInt64: [Int32]] = [:]

    init(terms: some Sequence<String>) {
        for term in terms {
            let bytes = Array(term.utf8)
            guard bytes.count >= 4, bytes.allSatisfy({ $0 < 0x80 }) else { continue }
            let id = Int32(self.terms.count)
            self.terms.append(bytes)
            let depth = bytes.count >= 5 ? 2 : 1
            Self.forEachDeletion(of: bytes, depth: depth) { hash in
                if table[hash]?.last != id { table[hash, default: []].append(id) }
            }
        }
    }

    /// Terms within the query's tolerance (see `EditDistance.tolerance`), closest first.
    func lookup(_ query: String) -> [Hit] {
        let bytes = Array(query.utf8)
        let tolerance = EditDistance.tolerance(forLength: bytes.count)
        guard tolerance > 0, bytes.allSatisfy({ $0 < 0x80 }) else { return [] }
        var seen: [Int32] = []
        Self.forEachDeletion(of: bytes, depth: tolerance) { hash in
            guard let ids = table[hash] else { return }
            for id in ids where !seen.contains(id) { seen.append(id) }
        }
        var hits: [Hit] = []
        for id in seen {
            let term = terms[Int(id)]
            let limit = min(tolerance, EditDistance.tolerance(forLength: term.count))
            if limit > 0, let distance = EditDistance.distance(bytes, term, limit: limit), distance > 0 {
                hits.append(Hit(term: Int(id), distance: distance))
            }
        }
        return hits.sorted { $0.distance < $1.distance }
    }

    func term(_ id: Int) -> String { String(decoding: terms[id], as: UTF8.self) }

    private static func forEachDeletion(of bytes: [UInt8], depth: Int, _ body: (UInt64) -> Void) {
        body(hash(bytes, skipping: -1, -1))
        guard depth >= 1 else { return }
        for first in bytes.indices {
            if first > 0 && bytes[first] == bytes[first - 1] { continue }
            body(hash(bytes, skipping: first, -1))
            guard depth >= 2 else { continue }
            for second in (first + 1)..<bytes.count {
                body(hash(bytes, skipping: first, second))
            }
        }
    }

    private static func hash(_ bytes: [UInt8], skipping first: Int, _ second: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in bytes.indices where index != first && index != second {
            hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
