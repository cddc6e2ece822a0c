/// Where and how the daemon runs its private PostgreSQL cluster (used when no
/// `database.url` is configured, and by the test suite with a throwaway directory).
public struct EmbeddedPostgresConfiguration: Sendable, Equatable {
    /// The directory that holds everything: `data/` (the cluster), `socket/` (the Unix
    /// socket) and `postgres.log`.
    public var directory: String
    /// Where `initdb`, `postgres` and `pg_ctl` live. Nil: the newest
    /// `/usr/lib/postgresql/*/bin`, else the `PATH`.
    public var binDirectory: String?
    /// The system user that runs the cluster. Nil: `postgres` when the daemon runs as root
    /// (PostgreSQL refuses to run as root), else the daemon's own user.
    public var systemUser: String?
    /// The database the daemon uses inside the cluster; created on first start.
    public var database: String
    /// The port number, which only names the socket file (`.s.PGSQL.<port>`): the cluster
    /// listens on no TCP address.
    public var port: Int
    /// Extra server settings passed as `-c name=value` (e.g. `shared_buffers`).
    public var settings: [String: String]
    /// How long to wait for the server to accept connections after starting it.
    public var startTimeout: Duration
    /// How long a stop waits for a fast shutdown before forcing an immediate one.
    public var stopTimeout: Duration

    /// Creates a configuration.
    public init(
        directory: String,
        binDirectory: String? = nil,
        systemUser: String? = nil,
        database: String = "dangjian",
        port: Int = 5432,
        settings: [String: String] = [:],
        startTimeout: Duration = .seconds(60),
        stopTimeout: Duration = .seconds(30)
    ) {
        self.directory = directory
        self.binDirectory = binDirectory
        self.systemUser = systemUser
        self.database = database
        self.port = port
        self.settings = settings
        self.startTimeout = startTimeout
        self.stopTimeout = stopTimeout
    }

    /// The cluster's data directory.
    public var dataDirectory: String { directory + "/data" }
    /// The directory holding the server's Unix socket.
    public var socketDirectory: String { directory + "/socket" }
    /// The server's log file.
    public var logFile: String { directory + "/postgres.log" }
}
