import Foundation

/// The event ids seen in one file, each with the line it was first seen on, kept compactly for files of millions
/// of rows: every id's UTF-8 bytes one after another in one array, and an open-addressing table of entry numbers
/// (about 3 × 4 bytes per id besides its bytes; a `[String: Int]` takes about 50 bytes per short id, more for
/// long ones, which live in their own allocations). Ids are kept in Unicode normal form C, so two ids are the same
/// exactly when Swift's `==` says so (canonically equivalent), and lookups compare the stored bytes: exact.
struct EventIDTable {
    private var bytes: [UInt8] = []
    /// Entry i's bytes are `bytes[ends[i - 1] ..< ends[i]]` (from 0 for the first).
    private var ends: [UInt32] = []
    private var lines: [UInt32] = []
    /// Entry number + 1 in each slot; 0 is empty. The count is a power of two.
    private var slots: [UInt32] = []
    /// Hashing is seeded per process, so no input can be made to collide on purpose.
    private let seed = Int.random(in: .min ... .max)

    var count: Int { ends.count }

    /// The line `id` was first seen on, or nil when it is new.
    func line(of id: String) -> Int? {
        guard !slots.isEmpty else { return nil }
        var id = Self.canonical(id)
        return id.withUTF8 { key in
            var slot = hash(key) & (slots.count - 1)
            while slots[slot] != 0 {
                let entry = Int(slots[slot] - 1)
                if equals(entry, key) { return Int(lines[entry]) }
                slot = (slot + 1) & (slots.count - 1)
            }
            return nil
        }
    }

    /// Records a new id (one that `line(of:)` does not know) first seen on `line`.
    mutating func insert(_ id: String, line: Int) {
        if (ends.count + 1) * 4 > slots.count * 3 { grow() }
        var id = Self.canonical(id)
        id.withUTF8 { key in
            precondition(bytes.count + key.count <= Int(UInt32.max), "event ids take more than 4 GB")
            bytes.append(contentsOf: key)
        }
        ends.append(UInt32(bytes.count))
        lines.append(UInt32(clamping: line))
        place(ends.count - 1)
    }

    /// The bytes an id is kept as: ASCII as it is, anything else in normal form C.
    static func canonical(_ id: String) -> String {
        id.utf8.allSatisfy { $0 < 0x80 } ? id : id.precomposedStringWithCanonicalMapping
    }

    private func key(_ entry: Int) -> Range<Int> {
        (entry == 0 ? 0 : Int(ends[entry - 1]))..<Int(ends[entry])
    }

    private func equals(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = self.key(entry)
        guard range.count == key.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            key.count == 0 || memcmp(stored.baseAddress! + range.lowerBound, key.baseAddress!, key.count) == 0
        }
    }

    private func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(seed)
        hasher.combine(bytes: UnsafeRawBufferPointer(key))
        return hasher.finalize()
    }

    private mutating func place(_ entry: Int) {
        let range = key(entry)
        let h = bytes.withUnsafeBufferPointer { hash(UnsafeBufferPointer(rebasing: $0[range])) }
        var slot = h & (slots.count - 1)
        while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = UInt32(entry + 1)
    }

    private mutating func grow() {
        slots = [UInt32](repeating: 0, count: max(1024, slots.count * 2))
        for entry in 0..<ends.count { place(entry) }
    }
}

