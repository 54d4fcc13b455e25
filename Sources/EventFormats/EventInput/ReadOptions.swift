import EventModel

/// How events files are read: column renames, the source layout, the day/month order of numeric dates and
/// the text encoding. Every command that reads events takes the same options.
public struct ReadOptions: Sendable {
    /// User-given renames (`--column-map`), applied before the profile and the aliases.
    public var columnMap = ColumnMap()
    /// The source layout; nil recognises it from the header.
    public var profile: SourceProfileKind?
    /// The day/month order of slash dates such as "3/4/2021"; nil refuses the ambiguous ones.
    public var dateOrder: DateOrder?
    public var encoding: TextEncoding = .auto
    /// What a refused ambiguous date tells the user to do (the command line names its flag here).
    public var dateOrderAdvice = "say which order the file uses (day/month or month/day)"

    public init(columnMap: ColumnMap = ColumnMap()) {
        self.columnMap = columnMap
    }
}
