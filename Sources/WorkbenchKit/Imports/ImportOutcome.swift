/// What a register import did (or, in a dry run, would do): the counts its reply gives.
public struct ImportOutcome: Sendable, Equatable {
    /// What a row is, singular and plural (`organisation`, `organisations`).
    public var noun: (one: String, many: String)
    /// The rows sent.
    public var rows = 0
    /// Rows added.
    public var added = 0
    /// Existing records brought in line with the file (`update=true`).
    public var updated = 0
    /// Existing records left as they are.
    public var unchanged = 0
    /// Of the unchanged, those the file describes otherwise (no `update=true`).
    public var differing = 0
    /// Whether nothing was changed on purpose.
    public var dryRun = false

    /// Counts for `rows` rows of `noun`.
    public init(noun: (one: String, many: String), rows: Int, dryRun: Bool) {
        self.noun = noun
        self.rows = rows
        self.dryRun = dryRun
    }

    /// The reply: the counts as a record, and a summary line.
    public var reply: Reply {
        let verb = dryRun ? "would import" : "imported"
        var summary = "\(verb) \(rows) \(rows == 1 ? noun.one : noun.many): \(added) added, \(updated) updated, \(unchanged) unchanged"
        if differing > 0 { summary += "; \(differing) differ from the file and were left as they are (update=true updates them)" }
        return .record(
            [
                ("rows", .int(Int64(rows))), ("added", .int(Int64(added))), ("updated", .int(Int64(updated))),
                ("unchanged", .int(Int64(unchanged))), ("differing", .int(Int64(differing))), ("dry_run", .bool(dryRun)),
            ],
            summary: summary
        )
    }

    public static func == (lhs: ImportOutcome, rhs: ImportOutcome) -> Bool {
        lhs.noun == rhs.noun && lhs.rows == rhs.rows && lhs.added == rhs.added && lhs.updated == rhs.updated
            && lhs.unchanged == rhs.unchanged && lhs.differing == rhs.differing && lhs.dryRun == rhs.dryRun
    }
}
