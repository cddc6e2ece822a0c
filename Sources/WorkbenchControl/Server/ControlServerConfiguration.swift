/// Where the control server listens and the limits it applies.
public struct ControlServerConfiguration: Sendable, Equatable {
    /// Where connections come from.
    public enum Listener: Sendable, Equatable {
        /// A socket the server creates at `path`, with `mode` and, if given, group `group`.
        case path(String, mode: UInt16, group: String?)
        /// A listening socket passed by systemd (`LISTEN_FDS`), already bound.
        case inherited(descriptor: Int32)
    }

    /// Where connections come from.
    public var listener: Listener
    /// The most connections served at once; one more gets a 503 line and is closed.
    public var maxConnections: Int
    /// A connection that sends nothing for this long while no command runs is closed.
    public var idleTimeout: Duration

    /// Creates a configuration.
    public init(listener: Listener, maxConnections: Int = 64, idleTimeout: Duration = .seconds(600)) {
        self.listener = listener
        self.maxConnections = maxConnections
        self.idleTimeout = idleTimeout
    }
}
