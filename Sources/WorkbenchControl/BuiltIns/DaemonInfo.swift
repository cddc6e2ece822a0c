public import WorkbenchKit

/// What the daemon tells the built-ins about itself for `version`, `modules` and `status`.
public struct DaemonInfo: Sendable {
    /// The daemon's version.
    public var version: String
    /// Status fields the daemon knows without asking the database (where the database is,
    /// the modules, the embedded server), after the control server's and the pool's own.
    public var statusFields: @Sendable () -> [ReplyField]
    /// Status fields read from the database (`migrations`), last in `status`; they are asked
    /// under the status budget, so `status` answers even when the database does not.
    public var databaseStatusFields: [DatabaseStatusField]
    /// Per module id: its number of migrations, for `modules`.
    public var migrationCounts: [String: Int]

    /// Creates the description.
    public init(
        version: String, migrationCounts: [String: Int] = [:], statusFields: @escaping @Sendable () -> [ReplyField] = { [] },
        databaseStatusFields: [DatabaseStatusField] = []
    ) {
        self.version = version
        self.migrationCounts = migrationCounts
        self.statusFields = statusFields
        self.databaseStatusFields = databaseStatusFields
    }
}
