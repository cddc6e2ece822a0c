/// Why migrations could not be applied; start-up stops with this error's description.
public struct MigrationError: Error, Sendable, CustomStringConvertible {
    /// What went wrong. Extensible.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// An applied migration's file changed after it was applied.
        public static let checksumMismatch = Code("migrations.checksum_mismatch")
        /// The database has a migration this build does not know (a newer build applied it).
        public static let unknownApplied = Code("migrations.unknown_applied")
        /// Two files claim the same version, or a version is not positive.
        public static let invalidSet = Code("migrations.invalid_set")
        /// A migration's SQL failed; nothing was applied.
        public static let failed = Code("migrations.failed")
    }

    /// What went wrong.
    public var code: Code
    /// The module concerned.
    public var module: String
    /// The migration version concerned, if one.
    public var version: Int?
    /// The operator-facing explanation, naming the file and what to do.
    public var message: String
    /// The database error behind a failed migration.
    public var underlying: PostgresError?

    public var description: String {
        var text = "\(code): \(message)"
        if let underlying { text += " — \(underlying)" }
        return text
    }
}
