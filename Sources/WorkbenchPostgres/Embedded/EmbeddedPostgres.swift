import CLibPQ
import Foundation
import Glibc
public import Logging
public import ServiceLifecycle
import Synchronization

/// The daemon's private PostgreSQL cluster, run from the installed server binaries.
///
/// On first start it runs `initdb` (UTF8, `C.UTF-8`, trust authentication on the local
/// socket only); later starts reuse the cluster. The server listens on a Unix socket in
/// ``EmbeddedPostgresConfiguration/socketDirectory`` and on no TCP address, so only
/// processes that can reach that directory (the daemon, root) can connect.
///
/// PostgreSQL refuses to run as root: when the daemon is root the cluster runs as the
/// `postgres` system user (through `setpriv`), and its directory is owned by that user.
///
/// As a `Service` it supervises the server: if `postgres` dies, it is started again with
/// back-off while the pool answers "database unavailable"; on graceful shutdown it stops
/// the server with a fast shutdown (an immediate one after the stop timeout).
public final class EmbeddedPostgres: Service, Sendable {
    /// The configuration.
    public let configuration: EmbeddedPostgresConfiguration
    private let logger: Logger
    private let account: SystemAccount
    private let binDirectory: String
    private let state = Mutex<RunState>(RunState())

    private struct RunState {
        var server: ChildProcess?
        var stopping = false
        var restarts = 0
        /// The supervisor's wait for the server's exit, ended early by a stop request.
        var exitOrStop: FirstAnswer<Int32?>?
    }

    /// Prepares a launcher; nothing starts until ``start()``.
    ///
    /// Throws when the server binaries or the system user cannot be found.
    public init(configuration: EmbeddedPostgresConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        self.binDirectory = try PostgresBinaries.locate(preferred: configuration.binDirectory)
        let userName = configuration.systemUser ?? (geteuid() == 0 ? "postgres" : SystemAccount.current.name)
        guard let account = SystemAccount(name: userName) else {
            throw PostgresError(
                code: .client,
                message: "the system user \(userName) that should run the embedded PostgreSQL does not exist; "
                    + "install the postgresql package or set database.embedded.user"
            )
        }
        if account.uid == 0 {
            throw PostgresError(
                code: .client,
                message: "PostgreSQL refuses to run as root; set database.embedded.user to an unprivileged user"
            )
        }
        self.account = account
    }

    /// A libpq connection string for the cluster's database.
    public var conninfo: String {
        "host='\(configuration.socketDirectory)' port=\(configuration.port) dbname='\(configuration.database)' user='\(account.name)'"
    }

    /// How many times the supervisor restarted the server since start-up.
    public var restarts: Int { state.withLock { $0.restarts } }

    /// The running server's process id, if it runs.
    public var serverPID: Int32? { state.withLock { $0.server?.exitStatus == nil ? $0.server?.pid : nil } }

    /// Creates the cluster if needed, starts the server, waits until it accepts
    /// connections, and creates the database on first start.
    public func start() async throws {
        try prepareDirectories()
        if !FileManager.default.fileExists(atPath: configuration.dataDirectory + "/PG_VERSION") {
            try await initializeCluster()
        }
        try await stopOrphanedServer()
        try await launch()
        try await createDatabaseIfMissing()
    }

    /// Supervises the server until graceful shutdown, then stops it.
    public func run() async throws {
        await withGracefulShutdownHandler {
            await withTaskCancellationHandler {
                await supervise()
            } onCancel: {
                self.requestStop(signal: SIGINT)
            }
        } onGracefulShutdown: {
            self.requestStop(signal: SIGINT)
        }
        await waitForStop()
    }

    /// Stops the server (fast shutdown, then immediate after the stop timeout) and waits
    /// for it to exit.
    public func stop() async {
        requestStop(signal: SIGINT)
        await waitForStop()
    }

    // MARK: Supervision

    private func supervise() async {
        while true {
            let exitOrStop = FirstAnswer<Int32?>()
            guard
                let server = state.withLock({ state -> ChildProcess? in
                    state.exitOrStop = exitOrStop
                    return state.stopping ? nil : state.server
                })
            else { return }
            // Ends when the server exits (this task then ends too) or a stop is requested.
            Task { exitOrStop.answer(await server.exited()) }
            guard let status = await exitOrStop.value, !state.withLock({ $0.stopping }) else { return }
            logger.error(
                "Embedded PostgreSQL exited unexpectedly; restarting it",
                metadata: ["postgres.exit_status": "\(status)", "postgres.log": "\(configuration.logFile)"]
            )
            var delay = Duration.milliseconds(250)
            while !state.withLock({ $0.stopping }) {
                do {
                    try await Task.sleep(for: delay)
                    try await stopOrphanedServer()
                    try await launch()
                    state.withLock { $0.restarts += 1 }
                    logger.notice("Embedded PostgreSQL is running again")
                    break
                } catch is CancellationError {
                    return
                } catch {
                    logger.warning("Embedded PostgreSQL did not start yet; retrying", metadata: ["error": "\(error)"])
                    delay = min(delay * 2, .seconds(5))
                }
            }
        }
    }

    private func requestStop(signal: Int32) {
        let (server, exitOrStop) = state.withLock { state -> (ChildProcess?, FirstAnswer<Int32?>?) in
            state.stopping = true
            return (state.server, state.exitOrStop)
        }
        server?.signal(signal)
        exitOrStop?.answer(nil)
    }

    /// Waits for the server to stop after the fast-shutdown request, escalating so that the
    /// wait is bounded whatever the server does: after ``EmbeddedPostgresConfiguration/stopTimeout``
    /// (or at once when the caller is cancelled: the daemon's shutdown deadline passed) an
    /// immediate shutdown (SIGQUIT), 1 s later SIGKILL, and 500 ms after that the daemon stops
    /// waiting and leaves the process behind (the next start finds its `postmaster.pid`).
    private func waitForStop() async {
        guard let server = state.withLock({ $0.server }), server.exitStatus == nil else { return }
        if await server.exited(within: configuration.stopTimeout) {
            logger.info("Embedded PostgreSQL stopped")
            return
        }
        server.signal(SIGQUIT)
        if await Self.uncancelled({ await server.exited(within: .seconds(1)) }) {
            logger.info("Embedded PostgreSQL needed an immediate shutdown")
            return
        }
        logger.error("Embedded PostgreSQL did not answer an immediate shutdown; killing it", metadata: ["postgres.pid": "\(server.pid)"])
        server.signal(SIGKILL)
        if await Self.uncancelled({ await server.exited(within: .milliseconds(500)) }) { return }
        logger.critical("Embedded PostgreSQL could not be stopped; leaving it", metadata: ["postgres.pid": "\(server.pid)"])
    }

    /// Runs `body` in a task of its own, so that the caller's cancellation does not cut it short.
    private static func uncancelled(_ body: @escaping @Sendable () async -> Bool) async -> Bool {
        await Task { await body() }.value
    }

    // MARK: Steps

    private func prepareDirectories() throws {
        let manager = FileManager.default
        for directory in [configuration.directory, configuration.socketDirectory] {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        try ownByServerAccount(configuration.directory)
        try ownByServerAccount(configuration.socketDirectory)
        if manager.fileExists(atPath: configuration.logFile) { try ownByServerAccount(configuration.logFile) }
        if geteuid() == 0 && account.uid != 0 {
            try makeTraversable(parentsOf: configuration.directory)
        }
    }

    private func initializeCluster() async throws {
        logger.notice("Creating the embedded PostgreSQL cluster", metadata: ["postgres.data": "\(configuration.dataDirectory)"])
        try FileManager.default.createDirectory(
            atPath: configuration.dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]
        )
        try ownByServerAccount(configuration.dataDirectory)
        try prepareLog()
        try await ChildProcess.run(
            launcher.executable,
            launcher.arguments(
                binDirectory + "/initdb",
                [
                    "--pgdata", configuration.dataDirectory, "--encoding", "UTF8", "--locale", "C.UTF-8",
                    "--auth-local", "trust", "--auth-host", "reject", "--username", account.name, "--no-instructions",
                ]),
            logFile: configuration.logFile
        )
    }

    /// A server left running by a daemon that died holds the data directory: stop it. A
    /// `postmaster.pid` whose pid is now another process (after a power loss) is stale: it is
    /// removed and nothing is signalled (see ``PostmasterIdentity``).
    private func stopOrphanedServer() async throws {
        let pidFile = configuration.dataDirectory + "/postmaster.pid"
        guard let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
            let pid = Int32(text.split(separator: "\n").first ?? "")
        else { return }
        switch PostmasterIdentity.of(pid: pid, postgresExecutable: binDirectory + "/postgres", dataDirectory: configuration.dataDirectory) {
        case .notRunning:
            logger.notice("Found a stale postmaster.pid; its process is gone", metadata: ["postgres.pid": "\(pid)"])
        case .stranger(let reason):
            // postgres would refuse to start while that pid lives; the file is ours to clear.
            logger.warning(
                "Found a stale postmaster.pid naming another process; removing it and starting normally",
                metadata: ["postgres.pid": "\(pid)", "reason": "\(reason)", "file": "\(pidFile)"]
            )
            try FileManager.default.removeItem(atPath: pidFile)
        case .thisCluster:
            logger.warning("Stopping an embedded PostgreSQL left running by an earlier daemon", metadata: ["postgres.pid": "\(pid)"])
            try await ChildProcess.run(
                launcher.executable,
                launcher.arguments(binDirectory + "/pg_ctl", ["stop", "--pgdata", configuration.dataDirectory, "--mode", "fast", "--wait"]),
                logFile: configuration.logFile
            )
        }
    }

    private func launch() async throws {
        try prepareLog()
        let log = try LogFile.openForAppending(configuration.logFile)
        defer { try? log.close() }
        var arguments = [
            "-D", configuration.dataDirectory, "-c", "listen_addresses=", "-c",
            "unix_socket_directories=\(configuration.socketDirectory)", "-c", "unix_socket_permissions=0700",
            "-c", "port=\(configuration.port)",
        ]
        for (name, value) in configuration.settings.sorted(by: { $0.key < $1.key }) {
            arguments += ["-c", "\(name)=\(value)"]
        }
        let server = try ChildProcess(
            executable: launcher.executable, arguments: launcher.arguments(binDirectory + "/postgres", arguments), output: log
        )
        state.withLock { $0.server = server }
        let deadline = ContinuousClock.now + configuration.startTimeout
        let pingInfo = conninfo + " dbname=postgres connect_timeout=2"
        while true {
            if let status = server.exitStatus {
                throw PostgresError(
                    code: .connectionFailed,
                    message: "embedded PostgreSQL exited with status \(status) while starting; the end of "
                        + "\(configuration.logFile): \(LogFile.tail(configuration.logFile, lines: 6))"
                )
            }
            if PQping(pingInfo) == PQPING_OK { break }
            guard ContinuousClock.now < deadline else {
                server.signal(SIGQUIT)
                throw PostgresError(
                    code: .connectionFailed,
                    message: "embedded PostgreSQL did not accept connections within \(configuration.startTimeout); see \(configuration.logFile)"
                )
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        logger.info("Embedded PostgreSQL is accepting connections", metadata: ["postgres.socket": "\(configuration.socketDirectory)"])
    }

    private func createDatabaseIfMissing() async throws {
        let settings = PostgresConnectionSettings(conninfo: conninfo + " dbname=postgres", statementTimeout: nil)
        let database = configuration.database
        let pool = PostgresPool(configuration: PostgresPoolConfiguration(connection: settings, size: 1), logger: logger)
        do {
            try await pool.withConnection { session in
                let exists = try await session.query(
                    PostgresStatement(unnamed: "SELECT count(*) FROM pg_database WHERE datname = $1"), [database]
                ).single().decode(at: 0, as: Int.self)
                if exists == 0 {
                    try await session.executeScript("CREATE DATABASE \(MigrationRunner.quoteIdentifier(database))")
                }
            }
        } catch {
            await pool.shutdown()
            throw error
        }
        await pool.shutdown()
    }

    // MARK: Ownership

    private struct Launcher {
        var executable: String
        var prefix: [String]
        func arguments(_ program: String, _ arguments: [String]) -> [String] { prefix + [program] + arguments }
    }

    /// Under root, programs run through `setpriv` as the server account.
    private var launcher: Launcher {
        if geteuid() == 0 {
            return Launcher(
                executable: "/usr/bin/setpriv",
                prefix: ["--reuid=\(account.uid)", "--regid=\(account.gid)", "--init-groups", "--"]
            )
        }
        return Launcher(executable: "/usr/bin/env", prefix: [])
    }

    private func prepareLog() throws {
        let log = try LogFile.openForAppending(configuration.logFile)
        try log.close()
        try ownByServerAccount(configuration.logFile)
    }

    private func ownByServerAccount(_ path: String) throws {
        guard geteuid() == 0 else { return }
        guard chown(path, account.uid, account.gid) == 0 else {
            throw PostgresError(code: .client, message: "cannot give \(path) to user \(account.name): \(String(cString: strerror(errno)))")
        }
    }

    /// The server account must be able to reach its directory: add search (x) permission
    /// for others on ancestors that lack it, without granting read.
    private func makeTraversable(parentsOf path: String) throws {
        var directory = (path as NSString).deletingLastPathComponent
        while directory != "/" && !directory.isEmpty {
            var info = stat()
            if stat(directory, &info) == 0, info.st_mode & S_IXOTH == 0 {
                guard chmod(directory, (info.st_mode & 0o7777) | S_IXOTH) == 0 else {
                    throw PostgresError(
                        code: .client,
                        message: "user \(account.name) cannot reach \(directory) and its mode could not be changed"
                    )
                }
                logger.notice("Allowed the PostgreSQL user to traverse a directory", metadata: ["path": "\(directory)"])
            }
            directory = (directory as NSString).deletingLastPathComponent
        }
    }
}
