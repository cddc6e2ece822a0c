import Foundation
import Logging
import ServiceLifecycle
import WorkbenchControl
public import WorkbenchKit
import WorkbenchPostgres

/// Boots and runs `dangjiand`.
///
/// Order: read configuration → open the pool (starting the embedded cluster when no
/// `database.url` is set) → apply migrations under one advisory lock → initialise modules
/// in `requires` order → build the command table (clashes stop start-up) → run everything in
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
        LoggingSystem.bootstrap { label in DaemonLogHandler(label: label, levels: levels, timestamps: timestamps) }
        let logger = Logger(label: "dangjiand")
        let notifier = SystemdNotifier()
        do {
            try await boot(configuration, levels: levels, notifier: notifier, logger: logger)
            logger.info("dangjiand stopped")
            return 0
        } catch {
            logger.critical("dangjiand cannot run", metadata: ["error": "\(error)"])
            notifier.status("failed: \(error)")
            return 1
        }
    }

    private func boot(_ configuration: DaemonConfiguration, levels: LogLevelStore, notifier: SystemdNotifier, logger: Logger) async throws {
        logger.info(
            "dangjiand starting",
            metadata: ["version": "\(WorkbenchVersion.current)", "config": "\(configuration.source ?? "built-in defaults")"]
        )
        for name in configuration.access.unknownNames {
            logger.warning("The access configuration names something that does not exist", metadata: ["access.name": "\(name)"])
        }
        let plan = try ModuleLoadPlan(catalog: catalog, enabled: configuration.enabledModules)

        // Database.
        var poolConfiguration = configuration.pool
        var embedded: EmbeddedPostgres?
        if configuration.databaseURL == nil {
            notifier.status("starting the embedded PostgreSQL")
            let cluster = try EmbeddedPostgres(configuration: configuration.embedded, logger: Logger(label: "dangjiand.postgres"))
            try await cluster.start()
            poolConfiguration.connection.conninfo = cluster.conninfo
            embedded = cluster
        }
        let pool = PostgresPool(configuration: poolConfiguration, logger: Logger(label: "dangjiand.database"))
        do {
            try await serve(configuration, plan: plan, pool: pool, embedded: embedded, levels: levels, notifier: notifier, logger: logger)
        } catch {
            await pool.shutdown()
            await embedded?.stop()
            throw error
        }
    }

    private func serve(
        _ configuration: DaemonConfiguration, plan: ModuleLoadPlan, pool: PostgresPool, embedded: EmbeddedPostgres?,
        levels: LogLevelStore, notifier: SystemdNotifier, logger: Logger
    ) async throws {
        // Migrations.
        notifier.status("applying migrations")
        let sets = [CoreMigrations.all] + plan.modules.map { $0.moduleMigrations }
        let runner = MigrationRunner(pool: pool, logger: Logger(label: "dangjiand.migrations"))
        let applied = try await runner.migrate(sets)
        logger.info("Migrations are up to date", metadata: ["migrations.applied_now": "\(applied.count)"])

        // Modules.
        var loaded: [String: any WorkbenchModule] = [:]
        var tableEntries: [(ModuleDescriptor, [CommandSpec])] = []
        var services: [any Service] = []
        var constraintErrors: [String: [String: WorkbenchError]] = [:]
        for type in plan.modules {
            let context = ModuleContext(
                config: configuration.values.scoped("modules.\(type.id)"),
                logger: Logger(label: "dangjiand.\(type.id)"), database: pool, clock: SystemClock(),
                timeZone: configuration.timeZone, loadedModules: loaded
            )
            let module = try await Self.initialise(type, context: context)
            loaded[type.id] = module
            tableEntries.append((ModuleDescriptor(type), module.commands))
            services += module.services
            constraintErrors[type.id] = module.constraintErrors
            logger.info("Module loaded", metadata: ["module": "\(type.id)", "module.commands": "\(module.commands.count)"])
        }
        let table = try CommandTable(
            modules: tableEntries,
            topLevel: [MigrationsCommand.spec(sets: sets, runner: runner), AuditLog.tailCommand(moduleIDs: ["workbench"] + plan.modules.map { $0.id })]
                + CalendarCommands.all,
            reservedWords: CommandDispatcher.builtInNames
        )

        // Control socket.
        var control = configuration.control
        if let descriptor = SocketActivation.descriptor(named: "control") {
            control.listener = .inherited(descriptor: descriptor)
        }
        let statistics = ControlStatistics()
        let access = AccessPolicyStore(configuration.access)
        let migrationCounts = Dictionary(uniqueKeysWithValues: plan.modules.map { ($0.id, $0.migrations.count) })
        let databaseDescription = configuration.databaseURL.map { PostgresConnectionSettings(conninfo: $0).redactedConninfo }
        let info = DaemonInfo(
            version: WorkbenchVersion.current, migrationCounts: migrationCounts,
            statusFields: Self.statusFields(
                database: databaseDescription, modules: plan.modules.map { $0.id }, embedded: embedded, runner: runner, sets: sets
            )
        )
        let dispatcher = CommandDispatcher(
            table: table, pool: pool, access: access, statistics: statistics, info: info, timeZone: configuration.timeZone,
            commandTimeout: configuration.commandTimeout, constraintErrors: constraintErrors,
            logger: Logger(label: "dangjiand.control")
        )
        let server = ControlServer(
            configuration: control, dispatcher: dispatcher, access: access, statistics: statistics,
            logger: Logger(label: "dangjiand.control")
        ) {
            notifier.ready(status: "serving \(plan.modules.count) module(s)")
        }

        var all: [any Service] = []
        if let embedded { all.append(embedded) }
        all.append(pool)
        all += services
        all.append(RequestIDJanitor(pool: pool, retention: configuration.requestIDRetention, logger: Logger(label: "dangjiand.janitor")))
        all.append(ReloadService(configurationPath: configurationPath, access: access, levels: levels, notifier: notifier, logger: logger))
        all.append(server)
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
    /// Opens the existential so the module's async initializer is called on a concrete type.
    fileprivate static func initialise<Module: WorkbenchModule>(_ type: Module.Type, context: ModuleContext) async throws -> any WorkbenchModule {
        try await Module(context: context)
    }

    /// The daemon's own `status` fields.
    fileprivate static func statusFields(
        database: String?, modules: [String], embedded: EmbeddedPostgres?, runner: MigrationRunner, sets: [ModuleMigrations]
    ) -> @Sendable () async -> [ReplyField] {
        {
            var fields = [
                ReplyField(name: "database", value: .string(database ?? "embedded")),
                ReplyField(name: "modules", value: .list(modules.map { .string($0) })),
            ]
            if let embedded {
                fields.append(ReplyField(name: "embedded_postgres_pid", value: .int(embedded.serverPID.map(Int.init))))
                fields.append(ReplyField(name: "embedded_postgres_restarts", value: .int(Int64(embedded.restarts))))
            }
            let migrations: ReplyValue
            do {
                let states = try await runner.status(sets)
                let applied = states.filter { $0.state == .applied }.count
                let pending = states.filter { $0.state == .pending }.count
                migrations = .string("\(applied) applied, \(pending) pending")
            } catch {
                migrations = "unavailable (database down)"
            }
            fields.append(ReplyField(name: "migrations", value: migrations))
            return fields
        }
    }
}
