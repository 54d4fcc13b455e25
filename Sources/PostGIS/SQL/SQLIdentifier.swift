/// A schema, table, column or index name checked once and written into SQL only as a quoted identifier:
/// `"…"` with every `"` doubled, so any name PostgreSQL can hold is taken literally (`x"; DROP TABLE y; --`
/// names a schema and runs nothing). This is the only way identifiers enter the SQL this target sends;
/// values never do (they are bound parameters or COPY rows).
public struct SQLIdentifier: Hashable, Sendable, CustomStringConvertible {
    /// PostgreSQL keeps the first 63 bytes of a name (NAMEDATALEN - 1) and silently drops the rest.
    public static let maximumBytes = 63

    public let name: String

    /// Refuses names PostgreSQL would change or cannot hold: empty, longer than 63 bytes (it would cut them,
    /// and two names could become one), or with a NUL character.
    public init(_ name: String) throws(PostGISError) {
        guard !name.isEmpty else { throw .invalidIdentifier(name: name, reason: "the name is empty") }
        guard !name.utf8.contains(0) else { throw .invalidIdentifier(name: name, reason: "it contains a NUL character") }
        guard name.utf8.count <= Self.maximumBytes else {
            throw .invalidIdentifier(name: name, reason: "PostgreSQL names hold at most \(Self.maximumBytes) bytes (this one has \(name.utf8.count)); choose a shorter name")
        }
        self.name = name
    }

    /// A schema name: any identifier except the `pg_` prefix, which PostgreSQL reserves for its own schemas.
    public static func schema(_ name: String) throws(PostGISError) -> SQLIdentifier {
        let identifier = try SQLIdentifier(name)
        if name.lowercased().hasPrefix("pg_") {
            throw .invalidIdentifier(name: name, reason: "names starting with pg_ are reserved for PostgreSQL's own schemas")
        }
        return identifier
    }

    /// The name as a quoted SQL identifier.
    public var quoted: String { Self.quote(name) }

    /// `schema.name`, both quoted.
    public func qualified(by schema: SQLIdentifier) -> String { schema.quoted + "." + quoted }

    /// The one quoting function: `"` + the name with every `"` doubled + `"`.
    static func quote(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A derived name (an index, a staging table) within the 63-byte limit: `base_suffix`, with `base` cut
    /// and a short hash added when the whole would be too long.
    public static func derived(_ base: String, suffix: String) -> SQLIdentifier {
        var name = base + "_" + suffix
        if name.utf8.count > maximumBytes {
            var hash: UInt32 = 2166136261
            for byte in base.utf8 { hash = (hash ^ UInt32(byte)) &* 16777619 }
            var cut = Substring(base)
            let tail = "_" + String(hash, radix: 16) + "_" + suffix
            while cut.utf8.count + tail.utf8.count > maximumBytes { cut = cut.dropLast() }
            name = String(cut) + tail
        }
        // Safe: non-empty, no NUL unless `base` had one (it was an identifier), and within the limit.
        return try! SQLIdentifier(name)
    }

    public var description: String { quoted }
}

extension String {
    /// `replacingOccurrences` without Foundation.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
