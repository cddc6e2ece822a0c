public import Logging
public import WorkbenchPostgres

/// What the stages share about a request besides its words: its logger, when it started, the
/// connection it came on and, inside the transaction stage, its database session.
public struct CommandContext: Sendable {
    /// A logger; the command-log stage adds the command's metadata.
    public var logger: Logger
    /// When the request arrived (for durations in logs and audit rows).
    public var started: ContinuousClock.Instant
    /// The connection: its reply format and what `format` and `quit` change.
    public var connection: SessionHandle
    /// The database session the transaction stage opened (in a transaction for a mutating
    /// command); nil before that stage and for local commands.
    public var database: PostgresSession?

    /// Creates a context for a request that just arrived.
    public init(logger: Logger, connection: SessionHandle, started: ContinuousClock.Instant = .now, database: PostgresSession? = nil) {
        self.logger = logger
        self.started = started
        self.connection = connection
        self.database = database
    }
}
