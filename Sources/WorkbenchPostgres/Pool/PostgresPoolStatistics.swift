/// A snapshot of a pool's state, for `status` and the logs.
public struct PostgresPoolStatistics: Sendable, Equatable {
    /// The configured number of connections.
    public var size: Int
    /// Connections open or being opened.
    public var open: Int
    /// Open connections waiting to be leased.
    public var idle: Int
    /// Connections lent to callers right now.
    public var leased: Int
    /// Callers waiting in line for a connection.
    public var waiting: Int
    /// Connections opened since the pool started (reconnects included).
    public var connectionsOpened: Int
    /// Connections discarded as broken since the pool started.
    public var connectionsDiscarded: Int
    /// Callers that gave up waiting since the pool started.
    public var acquireTimeouts: Int
    /// Round trips sent to the server and not answered yet: during a database hang, the
    /// commands stuck on it.
    public var statementsInFlight: Int = 0
    /// Round trips sent to the server since the pool started (a pipelined batch is one).
    public var roundTrips: Int = 0
}
