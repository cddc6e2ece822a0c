/// A named table inside a record reply (``Reply/Body/document(_:)``): a case's timeline, a
/// household's visits, a ranking's entries.
public struct ReplySection: Sendable, Equatable, Codable {
    /// The table's name: a lower-case word (`timeline`, `visits`), its key in JSON.
    public var name: String
    /// Its columns and rows.
    public var table: ReplyTable

    /// Creates a section.
    public init(name: String, table: ReplyTable) {
        precondition(
            !name.isEmpty && name.allSatisfy { ($0.isASCII && $0.isLowercase) || $0 == "_" || $0.isNumber },
            "a section's name is a lower-case word"
        )
        self.name = name
        self.table = table
    }
}
