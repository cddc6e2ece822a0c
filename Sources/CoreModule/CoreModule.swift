public import ServiceLifecycle
public import WorkbenchKit
public import WorkbenchPostgres

/// The workbench's own module: what every deployment has whatever domain modules it loads.
///
/// - **Audit log** (`workbench.audit_log`, ``AuditLog``): every change is recorded in the
///   transaction that makes it, every refusal on a connection of its own; `audit tail` reads
///   it. The log is append-only for the daemon's role and for its owner.
/// - **Request ids** (`workbench.idempotency_keys`, ``IdempotencyStore``): a mutating command
///   sent with `request_id=` is answered once; a repeat replays the stored reply. A background
///   job (``RequestIDJanitor``) purges ids older than `control.request_id_retention`, hourly.
/// - **Migrations**: the core's own (`Migrations/`) are applied before every domain module's;
///   `migrations` lists every module's, applied or pending.
/// - **The working calendar** 工作日历 (`workbench.calendar_days`): holidays and make-up
///   working days that deadlines are counted on; `calendar show|set|unset|add|import`.
///   Modules read it through `WorkingCalendar`.
///
/// Its id and schema are `workbench`. Unlike a domain module its commands are served at the
/// top level (`calendar show`, not `workbench calendar show`), and ``WorkbenchBuilder``
/// (in WorkbenchControl) loads it first, always: configuration does not choose it.
public struct CoreModule: WorkbenchModule {
    /// `workbench`, also the PostgreSQL schema.
    public static let id = "workbench"
    /// `core`.
    public static let alias = "core"
    /// 工作台.
    public static let title = "工作台"
    /// One line for `modules`.
    public static let summary = "The audit log, request ids, migrations and the working calendar"
    /// Its commands are the daemon's own: `migrations`, `audit tail`, `calendar …`.
    public static let servesCommandsAtTopLevel = true
    /// The core's migrations, embedded from `Migrations/`.
    public static var migrations: [Migration] { EmbeddedMigrations.all }
    /// How long `request_id` replies are kept when nothing says otherwise: 7 days.
    public static let defaultRequestIDRetention: Duration = .seconds(7 * 86_400)
    /// How often old request ids are purged.
    static let purgeInterval: Duration = .seconds(3_600)

    /// The commands: `migrations`, `audit tail` and the calendar's.
    public let commands: [CommandSpec]
    /// The request id purge.
    public let services: [any Service]

    /// The core alone, as the module protocol loads it: `migrations` lists only its own, and
    /// request ids are kept ``defaultRequestIDRetention``.
    public init(context: ModuleContext) async throws {
        try await self.init(context: context, workbench: [], requestIDRetention: Self.defaultRequestIDRetention)
    }

    /// The core of a workbench that loads `modules`, as ``WorkbenchBuilder`` loads it.
    ///
    /// - Parameters:
    ///   - context: The core's context (its logger, the runtime pool, the clock).
    ///   - modules: The domain modules loaded after it, in load order: `migrations` lists their
    ///     migrations after the core's, and `audit tail module=` takes their ids.
    ///   - requestIDRetention: How long `request_id` replies are kept.
    public init(context: ModuleContext, workbench modules: [any WorkbenchModule.Type], requestIDRetention: Duration) async throws {
        let sets = [Self.moduleMigrations] + modules.map { $0.moduleMigrations }
        let own =
            [MigrationsCommand.spec(sets: sets, runner: MigrationRunner(pool: context.database, logger: context.logger))]
            + CalendarCommands.all
        var names = [Self.id] + modules.map { $0.id }
        for group in own.compactMap(\.path.first) + ["audit"] where !names.contains(group) { names.append(group) }
        self.commands = [own[0], AuditTail.command(modules: names)] + own.dropFirst()
        self.services = [
            PeriodicService(
                job: RequestIDJanitor(pool: context.database, retention: requestIDRetention, logger: context.logger),
                clock: context.clock, interval: Self.purgeInterval, logger: context.logger
            )
        ]
    }
}
