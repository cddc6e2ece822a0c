import Foundation
import Logging
import ServiceLifecycle
import WorkbenchControl
public import WorkbenchKit
import WorkbenchPostgres

/// Boots and runs `dangjiand`.
///
/// Order: read configuration → lock the state directory (``StateDirectoryLock``: a second
/// daemon on the same directory exits at once) → open the pool (starting the embedded cluster when no
/// `database.url` is set) → apply migrations under one advisory lock → initialise modules
/// in `requires` order, build the command table (clashes stop start-up) and the command
/// chain, all through ``WorkbenchBuilder`` → run everything in
/// one `ServiceGroup` (embedded cluster, pool, module services, janitor, reload, watchdog,
/// control server). `READY=1` goes to systemd only once migrations are done and the socket
/// listens. SIGTERM or SIGINT drains: stop accepting, finish running commands within
/// `daemon.shutdown_timeout`, close the pool, stop the embedded cluster.
public struct Daemon: Sendable {
    /// The configuration file given with `--config`, if any.
    public var configurationPath: String?
    /// The modules this build offers.
    public var catalog: [any WorkbenchModule.Type]

    /// Creates a daemon.
    public init(configurationPath: String?, catalog: [any WorkbenchModule.Type] = ModuleCatalog.all) {
        self.configurationPath = configurationPath
        self.catalog = catalog
    }

    /// Runs until shutdown; returns the process exit status.
    public func run() async -> Int32 {
        let configuration: DaemonConfiguration
        do {
            configuration = try await DaemonConfiguration.load(path: configurationPath)
        } catch {
            FileHandle.standardError.write(Data("dangjiand: \(error)\n".utf8))
            return 78  // EX_CONFIG
        }
        let levels = LogLevelStore(configuration.logLevel)
        let timestamps = ProcessInfo.processInfo.environment["JOURNAL_STREAM"] == nil
        let limiter = RepeatedWarningLimiter()
        LoggingSystem.bootstrap { label in DaemonLogHandler(label: label, levels: levels, timestamps: timestamps, limiter: limiter) }
        let logger = Logger(label: "dangjiand")
        // Before any metric is created: a metric made earlier would record nowhere.
        let metrics = DaemonMetrics.bootstrap()
        metrics.recordBuild(version: WorkbenchVersion.current)
        let notifier = SystemdNotifier()
        // Before anything else touches the state directory: one daemon per directory.
        let stateLock: StateDirectoryLock
        do {
            stateLock = try StateDirectoryLock.acquire(directory: configuration.stateDirectory)
        } catch {
            logger.critical("dangjiand cannot run", metadata: ["error": "\(error)"])
            notifier.status("failed: \(error)")
            return 1
        }
        defer { withExtendedLifetime(stateLock) {} }
        do {
            try await boot(configuration, levels: levels, metrics: metrics, notifier: notifier, logger: logger)
            logger.info("dangjiand stopped")
            return 0
        } catch {
            logger.critical("dangjiand cannot run", metadata: ["error": "\(error)"])
            notifier.status("failed: \(error)")
            return 1
        }
    }

    private func boot(
        _ configuration: DaemonConfiguration, levels: LogLevelStore, metrics: DaemonMetrics, notifier: SystemdNotifier, logger: Logger
    ) async throws {
        logger.info(
            "dangjiand starting",
            metadata: ["version": "\(WorkbenchVersion.current)", "config": "\(configuration.source ?? "built-in defaults")"]
        )
        for name in configuration.access.unknownNames {
            logger.warning("The access configuration names something that does not exist", metadata: ["access.name": "\(name)"])
        }
        let plan = try ModuleLoadPlan(catalog: catalog, enabled: configuration.enabledModules)

        // Database: commands run as the runtime role, migrations as the owner (DatabaseRoles).
        var poolConfiguration = configuration.pool
        var ownerConnection: PostgresConnectionSettings?
        var embedded: EmbeddedPostgres?
        if configuration.databaseURL == nil {
            notifier.status("starting the embedded PostgreSQL")
            let cluster = try EmbeddedPostgres(configuration: configuration.embedded, logger: Logger(label: "dangjiand.postgres"))
            try await cluster.start()
            ownerConnection = poolConfiguration.connection
            ownerConnection?.conninfo = cluster.conninfo
            poolConfiguration.connection.conninfo = DatabaseRoles.conninfo(cluster.conninfo, user: DatabaseRoles.embeddedLogin)
            embedded = cluster
        } else if let ownerURL = configuration.databaseOwnerURL {
            ownerConnection = poolConfiguration.connection
            ownerConnection?.conninfo = ownerURL
        }
        let pool = PostgresPool(configuration: poolConfiguration, logger: Logger(label: "dangjiand.database"))
        do {
            try await serve(
                configuration, plan: plan, pool: pool, owner: ownerConnection, embedded: embedded, levels: levels, metrics: metrics,
                notifier: notifier, logger: logger
            )
        } catch {
            await pool.shutdown()
            await embedded?.stop()
            throw error
        }
    }

    private func serve(
        _ configuration: DaemonConfiguration, plan: ModuleLoadPlan, pool: PostgresPool, owner: PostgresConnectionSettings?,
        embedded: EmbeddedPostgres?,
        levels: LogLevelStore, metrics: DaemonMetrics, notifier: SystemdNotifier, logger: Logger
    ) async throws {
        // Migrations, modules, the command table and the chain: the same builder the test
        // harnesses use.
        let statistics = ControlStatistics()
        metrics.sample(pool: pool)
        metrics.sample(control: statistics)
        if let embedded { metrics.sample(embedded: embedded) }
        // Bound before READY=1, so that a taken port stops start-up with a clear message.
        var metricsServer: MetricsServer?
        var metricsPort: Int?
        if let listen = configuration.metricsListen {
            let server = MetricsServer(address: listen, exposition: { metrics.exposition() }, logger: Logger(label: "dangjiand.metrics"))
            do {
                metricsPort = try await server.bind()
            } catch {
                throw WorkbenchError(
                    status: .internalError, code: WorkbenchErrorCode.startupMetricsListen,
                    message: "cannot listen for metrics on \(listen) (metrics.listen): \(error); choose a free port or set it to off"
                )
            }
            metricsServer = server
        }
        let metricsAddress = configuration.metricsListen.map { MetricsListenAddress(host: $0.host, port: metricsPort ?? $0.port) }
        let databaseDescription = configuration.databaseURL.map { PostgresConnectionSettings(conninfo: $0).redactedConninfo }
        let builder = WorkbenchBuilder(
            modules: plan.modules, pool: pool, configuration: configuration.values.reader, timeZone: configuration.timeZone,
            commandTimeout: configuration.commandTimeout, version: WorkbenchVersion.current, statistics: statistics,
            statusFields: Self.statusFields(
                database: databaseDescription, modules: plan.modules.map { $0.id }, embedded: embedded, metrics: metricsAddress
            ),
            requestIDRetention: configuration.requestIDRetention, metrics: { metrics.exposition() },
            logger: { Logger(label: "dangjiand.\($0)") }
        )
        notifier.status("applying migrations")
        try await migrate(builder, owner: owner, createRoles: embedded != nil, logger: logger)
        if owner != nil {
            // Without an owner, migrate(_:) checked the role already, before anything else.
            try await builder.verifyRuntimeRole(setting: embedded == nil ? "database.url" : "the embedded cluster's runtime login")
        }
        let workbench = try await builder.build()
        for module in workbench.modules {
            let id = type(of: module).id
            logger.info("Module loaded", metadata: ["module": "\(id)", "module.commands": "\(module.commands.count)"])
        }

        // Control socket.
        var control = configuration.control
        if let descriptor = SocketActivation.descriptor(named: "control") {
            control.listener = .inherited(descriptor: descriptor)
        }
        let access = AccessPolicyStore(configuration.access)
        let dispatcher = workbench.dispatcher
        let server = ControlServer(
            configuration: control, dispatcher: dispatcher, access: access, statistics: statistics,
            logger: Logger(label: "dangjiand.control"), executors: { pool.nextTaskExecutor() }
        ) {
            notifier.ready(status: "serving \(plan.modules.count) module(s)")
        }

        var all: [any Service] = []
        if let embedded { all.append(embedded) }
        all.append(pool)
        all += workbench.services
        all.append(ReloadService(configurationPath: configurationPath, access: access, levels: levels, notifier: notifier, logger: logger))
        all.append(server)
        if let metricsServer { all.append(metricsServer) }
        all.append(WatchdogService(notifier: notifier))
        all.append(ShutdownDeadline(timeout: configuration.shutdownTimeout, logger: logger))
        var groupConfiguration = ServiceGroupConfiguration(
            services: all.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint],
            cancellationSignals: [],
            logger: Logger(label: "dangjiand.services")
        )
        groupConfiguration.maximumGracefulShutdownDuration = ShutdownDeadline.gracefulPart(of: configuration.shutdownTimeout)
        try await ServiceGroup(configuration: groupConfiguration).run()
    }
}

extension Daemon {
    /// Applies pending migrations through a short-lived pool of the owner role; without one
    /// (an external database without `database.owner_url`), refuses to start while any are
    /// pending. On the embedded cluster the owner first creates the runtime roles.
    fileprivate func migrate(_ builder: WorkbenchBuilder, owner: PostgresConnectionSettings?, createRoles: Bool, logger: Logger) async throws {
        guard let owner else {
            // A superuser or the owner in database.url is the likelier mistake: say that first.
            try await builder.verifyRuntimeRole(setting: "database.url")
            let pending = try await builder.pendingMigrations()
            guard pending.isEmpty else {
                throw WorkbenchError(
                    status: .internalError, code: WorkbenchErrorCode.startupMigrationsPending,
                    message: "\(pending.count) migration(s) are pending (the first: \(pending[0].module) \(pending[0].version) \(pending[0].name)) "
                        + "and database.owner_url is not set: set it to the owner role's connection so that dangjiand can apply them"
                )
            }
            logger.info("Migrations are up to date", metadata: ["migrations.applied_now": "0"])
            return
        }
        let ownerPool = PostgresPool(
            configuration: PostgresPoolConfiguration(connection: owner, size: 1), logger: Logger(label: "dangjiand.migrations")
        )
        do {
            if createRoles {
                try await ownerPool.withConnection { try await DatabaseRoles.create(on: $0) }
            }
            var migrating = builder
            migrating.ownerPool = ownerPool
            let applied = try await migrating.migrate()
            logger.info("Migrations are up to date", metadata: ["migrations.applied_now": "\(applied.count)"])
        } catch {
            await ownerPool.shutdown()
            throw error
        }
        await ownerPool.shutdown()
    }

    /// The daemon's own `status` fields.
    fileprivate static func statusFields(
        database: String?, modules: [String], embedded: EmbeddedPostgres?, metrics: MetricsListenAddress?
    ) -> @Sendable () -> [ReplyField] {
        {
            var fields = [
                ReplyField(name: "database", value: .string(database ?? "embedded")),
                ReplyField(name: "modules", value: .list(modules.map { .string($0) })),
                ReplyField(name: "metrics_listen", value: .string(metrics.map { "\($0)" } ?? "off")),
            ]
            if let embedded {
                fields.append(ReplyField(name: "embedded_postgres_pid", value: .int(embedded.serverPID.map(Int.init))))
                fields.append(ReplyField(name: "embedded_postgres_restarts", value: .int(Int64(embedded.restarts))))
            }
            return fields
        }
    }
}
