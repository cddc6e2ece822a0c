public import Configuration
public import CoreModule
public import Foundation
public import Logging
public import WorkbenchKit
public import WorkbenchPostgres

/// Puts a workbench together, once, for the daemon and for every test harness: applies the
/// migrations, initialises the core module (`CoreModule`: audit log, request ids, migrations,
/// the working calendar) and then the domain modules in `requires` order with their
/// ``ModuleContext``, builds the command table (the modules' commands, the core's at the top
/// level, the built-ins) and composes the command chain behind a ``CommandDispatcher``.
///
/// ```swift
/// let builder = WorkbenchBuilder(modules: plan.modules, pool: pool, timeZone: zone, commandTimeout: .seconds(30), version: "1.0")
/// try await builder.migrate()
/// let workbench = try await builder.build()
/// let reply = await workbench.dispatcher.respond(to: .line("ping"), in: &session)
/// ```
///
/// The chain, outermost first: ``StatisticsStage``, ``SessionStage``, ``LookupStage``,
/// ``MetricsStage``, ``AccessStage``, ``BindingStage``, ``CommandLogStage``, ``RefusalAuditStage``,
/// ``TimeLimitStage``, ``ErrorMappingStage``, ``TransactionStage``, then the
/// ``CommandRunner``.
public struct WorkbenchBuilder: Sendable {
    /// The domain module types, in load order: each after the modules it requires (the daemon's
    /// `ModuleLoadPlan` orders them; harnesses list requirements first). The core module is
    /// not listed: it is always loaded, first.
    public var modules: [any WorkbenchModule.Type]
    /// The database pool modules and commands use: the runtime role (``DatabaseRoles``).
    public var pool: PostgresPool
    /// The pool ``migrate()`` applies migrations through: the owner role. Nil: ``pool``
    /// (only for a database whose migrations are already applied, or for tests of the core).
    public var ownerPool: PostgresPool?
    /// The whole configuration; each module reads its `modules.<id>` section.
    public var configuration: ConfigReader
    /// The clock modules and commands see.
    public var clock: any WorkbenchClock
    /// The daemon's time zone.
    public var timeZone: TimeZone
    /// The longest a command may run (504 past it).
    public var commandTimeout: Duration
    /// The daemon's version, for `version` and `status`.
    public var version: String
    /// The control server's counters, shown by `status`.
    public var statistics: ControlStatistics
    /// The daemon's own status fields that need no database (where it is, the modules, the
    /// embedded server).
    public var statusFields: @Sendable () -> [ReplyField]
    /// Top-level commands beyond the core module's (`migrations`, `audit tail`, `calendar …`).
    public var topLevel: [CommandSpec]
    /// How long `request_id` replies are kept (`control.request_id_retention`).
    public var requestIDRetention: Duration
    /// How long `version` and `status` wait for the database.
    public var builtInBudget: Duration
    /// Gives the logger of a part: `control`, `migrations`, or a module's id.
    public var logger: @Sendable (String) -> Logger
    /// Renders the daemon's metrics in the Prometheus text format for the admin `metrics`
    /// command; nil (harnesses without a metrics backend) leaves the command out.
    public var metrics: (@Sendable () -> String)?

    /// Describes a workbench; nothing happens until ``migrate()`` and ``build()``.
    public init(
        modules: [any WorkbenchModule.Type], pool: PostgresPool, ownerPool: PostgresPool? = nil,
        configuration: ConfigReader = ConfigReader(provider: InMemoryProvider(values: [:])),
        clock: any WorkbenchClock = SystemClock(), timeZone: TimeZone, commandTimeout: Duration, version: String,
        statistics: ControlStatistics = ControlStatistics(), statusFields: @escaping @Sendable () -> [ReplyField] = { [] },
        topLevel: [CommandSpec] = [], requestIDRetention: Duration = CoreModule.defaultRequestIDRetention,
        builtInBudget: Duration = BuiltInCommands.defaultBudget, metrics: (@Sendable () -> String)? = nil,
        logger: @escaping @Sendable (String) -> Logger
    ) {
        self.requestIDRetention = requestIDRetention
        self.metrics = metrics
        self.modules = modules
        self.pool = pool
        self.ownerPool = ownerPool
        self.configuration = configuration
        self.clock = clock
        self.timeZone = timeZone
        self.commandTimeout = commandTimeout
        self.version = version
        self.statistics = statistics
        self.statusFields = statusFields
        self.topLevel = topLevel
        self.builtInBudget = builtInBudget
        self.logger = logger
    }

    /// The core's migrations, then each module's, in load order.
    public var migrationSets: [ModuleMigrations] {
        [CoreModule.moduleMigrations] + modules.map { $0.moduleMigrations }
    }

    /// Applies pending migrations through ``ownerPool`` (all in one transaction, under an
    /// advisory lock).
    ///
    /// - Returns: The migrations applied now.
    /// - Throws: 500 `startup.database_role` when ``DatabaseRoles/runtimeGroup`` or
    ///   ``DatabaseRoles/scopedRole``, which the migrations name, does not exist; ``MigrationError``.
    @discardableResult
    public func migrate() async throws -> [MigrationStatus] {
        let owner = ownerPool ?? pool
        // The roles the migrations name, each with what an administrator runs to create it.
        let required = [
            (
                DatabaseRoles.runtimeGroup, "which migrations grant the daemon's privileges to",
                "create it (CREATE ROLE \(DatabaseRoles.runtimeGroup) NOLOGIN) and grant it to the role of database.url"
            ),
            (
                DatabaseRoles.scopedRole, "which the row-level security policies of scoped callers name",
                "create it and its gate (CREATE ROLE \(DatabaseRoles.scopedRole) NOLOGIN IN ROLE \(DatabaseRoles.runtimeGroup); "
                    + "CREATE ROLE \(DatabaseRoles.scopeGate) NOLOGIN NOINHERIT IN ROLE \(DatabaseRoles.scopedRole)) and grant "
                    + "\(DatabaseRoles.scopeGate) to the role of database.url"
            ),
        ]
        for (role, purpose, remedy) in required where !(try await owner.withConnection { try await DatabaseRoles.exists(role, on: $0) }) {
            throw WorkbenchError(
                status: .internalError, code: WorkbenchErrorCode.startupDatabaseRole,
                message: "the role \(role), \(purpose), does not exist: \(remedy) (README, \"Database roles\")"
            )
        }
        return try await MigrationRunner(pool: owner, logger: logger("migrations")).migrate(migrationSets)
    }

    /// Pending migrations, read through ``pool`` (which may read but not apply them).
    public func pendingMigrations() async throws -> [MigrationStatus] {
        try await migrationRunner.status(migrationSets).filter { $0.state == .pending }
    }

    /// Checks that ``pool`` runs as a proper runtime role (``RuntimeRoleCheck``).
    ///
    /// - Parameter setting: What chose the role, for the message (`database.url`).
    public func verifyRuntimeRole(setting: String) async throws {
        let schemas = ["workbench"] + modules.map { $0.id }
        try await pool.withConnection { try await RuntimeRoleCheck.read(schemas: schemas, on: $0) }.verify(setting: setting)
    }

    /// Initialises the core module and the domain modules, builds the command table and the chain.
    ///
    /// - Throws: ``WorkbenchError`` (500 `startup.*`) for a module listed before one it
    ///   requires or a clash in the command table; what a module's initialiser throws.
    public func build() async throws -> Workbench {
        var loaded: [String: any WorkbenchModule] = [:]
        var entries: [(ModuleDescriptor, [CommandSpec])] = []
        var constraintErrors: [String: [String: WorkbenchError]] = [:]
        let core = try await CoreModule(
            context: context(for: CoreModule.self, loaded: [:]), workbench: modules, requestIDRetention: requestIDRetention)
        loaded[CoreModule.id] = core
        constraintErrors[CoreModule.id] = core.constraintErrors
        var topLevelCommands = core.commands
        for type in modules {
            for requirement in type.requires where loaded[requirement] == nil {
                throw WorkbenchError(
                    status: .internalError, code: WorkbenchErrorCode.startupModuleOrder,
                    message: "module \(type.id) requires module \(requirement), which must be loaded before it"
                )
            }
            let module = try await Self.initialise(type, context: context(for: type, loaded: loaded))
            loaded[type.id] = module
            if type.servesCommandsAtTopLevel {
                topLevelCommands += module.commands
            } else {
                entries.append((ModuleDescriptor(type), module.commands))
            }
            constraintErrors[type.id] = module.constraintErrors
        }
        let sets = migrationSets
        let runner = migrationRunner
        let info = DaemonInfo(
            version: version, migrationCounts: Dictionary(uniqueKeysWithValues: modules.map { ($0.id, $0.migrations.count) }),
            statusFields: statusFields,
            databaseStatusFields: [
                DatabaseStatusField(name: "migrations") {
                    let states = try await runner.status(sets)
                    let applied = states.filter { $0.state == .applied }.count
                    let pending = states.filter { $0.state == .pending }.count
                    return "\(applied) applied, \(pending) pending"
                },
                DatabaseStatusField(name: "calendar") { [pool, clock, timeZone] in
                    try await pool.withConnection { session in
                        try await CalendarCoverage.read(now: clock.now, timeZone: timeZone, on: session).summary
                    }
                },
            ]
        )
        await warnAboutMissingHolidays()
        let catalog = try await pool.withConnection { session in
            try await ConstraintCatalog.load(schemas: ["workbench"] + modules.map { $0.id }, on: session)
        }
        let serverVersion = BuiltInCommands.serverVersionQuestion(pool: pool, budget: builtInBudget)
        // Learn the server's version now, while the database answers, so that `version` can
        // tell it later even if the database stops answering.
        _ = await serverVersion.ask()
        let table = try CommandTable(
            modules: entries,
            topLevel: topLevelCommands + topLevel,
            builtIns: BuiltInCommands.all(
                info: info, statistics: statistics, pool: pool, serverVersion: serverVersion, budget: builtInBudget, metrics: metrics
            )
        )
        let chain = CommandChain(runner: CommandRunner(table: table, timeZone: timeZone)) {
            StatisticsStage(statistics: statistics)
            SessionStage()
            LookupStage(table: table)
            MetricsStage()
            AccessStage(pool: pool)
            BindingStage(timeZone: timeZone)
            CommandLogStage()
            RefusalAuditStage(pool: pool)
            TimeLimitStage(limit: commandTimeout)
            ErrorMappingStage(constraintErrors: constraintErrors, catalog: catalog)
            TransactionStage(pool: pool)
        }
        let dispatcher = CommandDispatcher(
            table: table, chain: chain, timeZone: timeZone, clock: clock, columnLabels: ColumnLabels.vocabulary(of: table.allCommands),
            logger: logger("control")
        )
        let all: [any WorkbenchModule] = [core] + modules.compactMap { loaded[$0.id] }
        return Workbench(modules: all, table: table, dispatcher: dispatcher, services: all.flatMap(\.services))
    }

    /// The context of a module: its `modules.<id>` section, its logger, the runtime pool, and
    /// the modules loaded before it.
    private func context(for type: any WorkbenchModule.Type, loaded: [String: any WorkbenchModule]) -> ModuleContext {
        ModuleContext(
            config: configuration.scoped(to: ConfigKey("modules.\(type.id)")), logger: logger(type.id), database: pool,
            clock: clock, timeZone: timeZone, loadedModules: loaded
        )
    }

    /// Logs a warning when this year or the next has no holidays in the working calendar.
    private func warnAboutMissingHolidays() async {
        let logger = logger("calendar")
        do {
            let coverage = try await withBudget(builtInBudget) { [pool, clock, timeZone] in
                try await pool.withConnection { session in try await CalendarCoverage.read(now: clock.now, timeZone: timeZone, on: session) }
            }
            if !coverage.missingYears.isEmpty {
                logger.warning(
                    "The working calendar has no holidays for \(coverage.missingYears.map(String.init).joined(separator: " and "))",
                    metadata: ["advice": "\(CalendarCoverage.advice(coverage.missingYears))"]
                )
            }
        } catch {
            logger.notice("Could not check the working calendar's years", metadata: ["error": "\(error)"])
        }
    }

    private var migrationRunner: MigrationRunner {
        MigrationRunner(pool: pool, logger: logger("migrations"))
    }

    /// Opens the existential so the module's async initializer is called on a concrete type.
    private static func initialise<Module: WorkbenchModule>(_ type: Module.Type, context: ModuleContext) async throws -> any WorkbenchModule {
        try await Module(context: context)
    }
}
