/// Sizing and timing of a ``PostgresPool``.
public struct PostgresPoolConfiguration: Sendable, Equatable {
    /// How to open each connection.
    public var connection: PostgresConnectionSettings
    /// The fixed number of connections the pool may open. Connections open lazily, up to
    /// this many; a caller beyond it waits in line.
    public var size: Int
    /// How long a caller waits in line for a free connection before failing with
    /// `poolTimeout`.
    public var acquireTimeout: Duration
    /// How many ``PostgresEventLoop`` threads drive the connections (each connection stays
    /// on one; work that uses it runs there). One is enough for most daemons: a loop never
    /// blocks, and PostgreSQL needs the other cores.
    public var eventLoops: Int
    /// How long the server has to answer a cancel request (a command's time limit passed, its
    /// client went away, shutdown) before the statement fails and its connection is closed
    /// rather than reused.
    public var cancelGrace: Duration

    /// Creates a configuration.
    public init(
        connection: PostgresConnectionSettings, size: Int = 8, acquireTimeout: Duration = .seconds(5), eventLoops: Int = 1,
        cancelGrace: Duration = .milliseconds(500)
    ) {
        precondition(size > 0, "a pool needs at least one connection")
        precondition(eventLoops > 0, "a pool needs at least one event loop")
        self.connection = connection
        self.size = size
        self.acquireTimeout = acquireTimeout
        self.eventLoops = eventLoops
        self.cancelGrace = cancelGrace
    }
}
