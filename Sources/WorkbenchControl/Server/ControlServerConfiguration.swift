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
    /// A connection whose reply cannot be handed to the kernel for this long (its client does
    /// not read) is closed. While a reply waits, the server reads no further requests from
    /// that connection, so a client that never reads holds at most one reply and
    /// ``outputBufferBytes`` of memory, and its slot only until this timeout.
    public var writeTimeout: Duration
    /// How many bytes of replies may wait for a client before the server stops reading its
    /// requests (the channel's high write-buffer water mark; reading resumes below half).
    public var outputBufferBytes: Int

    /// Creates a configuration.
    public init(
        listener: Listener, maxConnections: Int = 64, idleTimeout: Duration = .seconds(600), writeTimeout: Duration = .seconds(30),
        outputBufferBytes: Int = 256 * 1024
    ) {
        self.listener = listener
        self.maxConnections = maxConnections
        self.idleTimeout = idleTimeout
        self.writeTimeout = writeTimeout
        self.outputBufferBytes = outputBufferBytes
    }
}
