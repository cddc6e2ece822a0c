public import Foundation

/// One line of the `migrations` admin command: a migration known to the build or recorded
/// in the database, and where it stands.
public struct MigrationStatus: Sendable, Equatable {
    /// Where a migration stands.
    public enum State: String, Sendable {
        /// Recorded in `workbench.schema_migrations` with the build's checksum.
        case applied
        /// In the build, not yet applied.
        case pending
        /// Applied, but the build's file has a different checksum: start-up refuses this.
        case changed
        /// Recorded in the database but absent from this build.
        case unknown
    }

    /// The module id.
    public var module: String
    /// The migration version.
    public var version: Int
    /// The migration name.
    public var name: String
    /// Where it stands.
    public var state: State
    /// When it was applied, if it was.
    public var appliedAt: Date?
    /// How long it took to apply, in milliseconds, if it was applied.
    public var executionMilliseconds: Int?
    /// The build's checksum (or the recorded one for unknown migrations).
    public var checksum: String
}
