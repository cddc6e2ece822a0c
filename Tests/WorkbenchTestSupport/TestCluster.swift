import Foundation
import Glibc
public import Logging
public import WorkbenchPostgres
import WorkbenchControl

/// The throwaway PostgreSQL cluster the test suite runs against: started once per test
/// process with the same launcher the daemon uses, in a temporary directory, and stopped
/// when the process exits. Each test gets a database of its own.
public enum TestCluster {
    /// A logger for tests; quiet unless `DANGJIAN_TEST_LOG` names a level.
    public static let logger: Logger = {
        // Every database test passes here first: a peer (a daemon, a tool) that closes a socket
        // or pipe early must not end the whole test run with a silent SIGPIPE.
        _ = signal(SIGPIPE, SIG_IGN)
        var logger = Logger(label: "dangjian.tests")
        let level = ProcessInfo.processInfo.environment["DANGJIAN_TEST_LOG"].flatMap(Logger.Level.init(rawValue:))
        logger.logLevel = level ?? .critical
        return logger
    }()

    /// The running cluster (started on first use).
    public static func shared() async throws -> EmbeddedPostgres {
        try await Starter.shared.cluster()
    }

    /// Creates an empty database on the shared cluster and returns its conninfo.
    public static func makeDatabase() async throws -> String {
        let cluster = try await shared()
        let name = "test_\(UInt64.random(in: 0...UInt64.max) % 1_000_000_000_000)"
        let admin = PostgresPool(
            configuration: PostgresPoolConfiguration(connection: PostgresConnectionSettings(conninfo: cluster.conninfo), size: 1),
            logger: logger
        )
        do {
            try await admin.withConnection { session in
                try await session.executeScript("CREATE DATABASE \(name) TEMPLATE template0")
            }
        } catch {
            await admin.shutdown()
            throw error
        }
        await admin.shutdown()
        return cluster.conninfo.replacingOccurrences(of: "dbname='\(cluster.configuration.database)'", with: "dbname='\(name)'")
    }

    /// `conninfo` (a database of the shared cluster) as the daemon's runtime login
    /// (``DatabaseRoles/embeddedLogin``, a member of ``DatabaseRoles/runtimeGroup``).
    public static func runtimeConninfo(_ conninfo: String) -> String {
        DatabaseRoles.conninfo(conninfo, user: DatabaseRoles.embeddedLogin)
    }

    /// `conninfo` as another role of the shared cluster (trust authentication: any role logs in).
    public static func conninfo(_ conninfo: String, user: String) -> String {
        DatabaseRoles.conninfo(conninfo, user: user)
    }

    /// A pool on `conninfo`; the caller shuts it down.
    public static func pool(_ conninfo: String, size: Int = 4, statementTimeout: Duration? = .seconds(30)) -> PostgresPool {
        PostgresPool(
            configuration: PostgresPoolConfiguration(
                connection: PostgresConnectionSettings(conninfo: conninfo, statementTimeout: statementTimeout), size: size
            ),
            logger: logger
        )
    }

    /// Runs `body` with a pool on a fresh database, and shuts the pool down afterwards.
    public static func withPool<Result: Sendable>(
        size: Int = 4,
        acquireTimeout: Duration = .seconds(5),
        statementTimeout: Duration? = .seconds(30),
        cancelGrace: Duration = .milliseconds(500),
        _ body: (PostgresPool, String) async throws -> Result
    ) async throws -> Result {
        let conninfo = try await makeDatabase()
        let pool = PostgresPool(
            configuration: PostgresPoolConfiguration(
                connection: PostgresConnectionSettings(conninfo: conninfo, statementTimeout: statementTimeout),
                size: size, acquireTimeout: acquireTimeout, cancelGrace: cancelGrace
            ),
            logger: logger
        )
        do {
            let result = try await body(pool, conninfo)
            await pool.shutdown()
            return result
        } catch {
            await pool.shutdown()
            throw error
        }
    }

    /// A new temporary directory that the PostgreSQL user can traverse.
    public static func makeTemporaryDirectory(_ prefix: String) throws -> String {
        let base = ProcessInfo.processInfo.environment["DANGJIAN_TEST_DIR"] ?? NSTemporaryDirectory()
        let path = (base as NSString).appendingPathComponent("\(prefix)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        return path
    }

    private actor Starter {
        static let shared = Starter()
        private var started: Task<EmbeddedPostgres, any Error>?

        func cluster() async throws -> EmbeddedPostgres {
            if let started { return try await started.value }
            let task = Task { try await Self.start() }
            started = task
            return try await task.value
        }

        private static func start() async throws -> EmbeddedPostgres {
            let directory = try TestCluster.makeTemporaryDirectory("dangjian-test-cluster")
            let cluster = try EmbeddedPostgres(
                configuration: EmbeddedPostgresConfiguration(
                    directory: directory + "/postgres",
                    settings: [
                        "fsync": "off", "synchronous_commit": "off", "full_page_writes": "off",
                        "max_connections": "300", "shared_buffers": "64MB",
                    ]
                ),
                logger: TestCluster.logger
            )
            try await cluster.start()
            // The roles the daemon creates on its own cluster: migrations grant to them.
            let admin = TestCluster.pool(cluster.conninfo, size: 1)
            do {
                try await admin.withConnection { try await DatabaseRoles.create(on: $0) }
            } catch {
                await admin.shutdown()
                throw error
            }
            await admin.shutdown()
            CleanupAtExit.register(pid: cluster.serverPID ?? 0, directory: directory)
            return cluster
        }
    }
}

/// Stops the test cluster when the test process exits (swift-testing has no suite-wide
/// teardown): an immediate shutdown, then the directory is removed.
enum CleanupAtExit {
    nonisolated(unsafe) private static var pid: pid_t = 0
    nonisolated(unsafe) private static var directory: String = ""

    static func register(pid: pid_t, directory: String) {
        Self.pid = pid
        Self.directory = directory
        atexit {
            guard CleanupAtExit.pid > 0 else { return }
            kill(CleanupAtExit.pid, SIGQUIT)
            for _ in 0..<200 where kill(CleanupAtExit.pid, 0) == 0 { usleep(10_000) }
            if ProcessInfo.processInfo.environment["DANGJIAN_KEEP_TEST_DIR"] == nil {
                try? FileManager.default.removeItem(atPath: CleanupAtExit.directory)
            }
        }
    }
}
