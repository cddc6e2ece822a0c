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

    /// Creates a configuration.
    public init(connection: PostgresConnectionSettings, size: Int = 8, acquireTimeout: Duration = .seconds(5)) {
        precondition(size > 0, "a pool needs at least one connection")
        self.connection = connection
        self.size = size
        self.acquireTimeout = acquireTimeout
    }
}
