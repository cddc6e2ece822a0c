public import WorkbenchKit

/// What the daemon tells the dispatcher about itself for `version`, `modules` and `status`.
public struct DaemonInfo: Sendable {
    /// The daemon's version.
    public var version: String
    /// Status fields beyond the control server's own (pool, migrations, embedded server).
    public var statusFields: @Sendable () async -> [ReplyField]
    /// Per module id: its number of migrations, for `modules`.
    public var migrationCounts: [String: Int]

    /// Creates the description.
    public init(version: String, migrationCounts: [String: Int] = [:], statusFields: @escaping @Sendable () async -> [ReplyField] = { [] }) {
        self.version = version
        self.migrationCounts = migrationCounts
        self.statusFields = statusFields
    }
}
