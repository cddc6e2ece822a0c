public import ServiceLifecycle
public import WorkbenchPostgres

/// A domain module: a PostgreSQL schema, its migrations, the commands it serves on the
/// control socket, and any background jobs.
///
/// The daemon's catalog lists module types explicitly; configuration chooses which are
/// enabled. At start-up the daemon applies every enabled module's migrations, initialises
/// modules in ``requires`` order, registers their commands under ``id`` and ``alias``, and
/// runs their ``services`` in its `ServiceGroup`.
///
/// A new module is scaffolded with `swift package new-module <name>`; see the README's
/// "Adding a module".
public protocol WorkbenchModule: Sendable {
    /// The module's id: lowercase, unique, also its PostgreSQL schema (`organizations`).
    static var id: String { get }
    /// A short second name for the command line (`org`).
    static var alias: String { get }
    /// The module's name in the domain's words (`党组织`).
    static var title: String { get }
    /// One line on what the module covers, for `modules` and `help`.
    static var summary: String { get }
    /// Ids of modules that must be enabled and initialised first.
    static var requires: [String] { get }
    /// Ids of modules this one uses when they are enabled, without needing them (the
    /// property module files complexes under grids when the grids module is loaded). When
    /// enabled they are initialised first; ``ModuleContext/module(_:)`` tells whether they are.
    static var optionalRequires: [String] { get }
    /// Migrations, in version order, embedded by the `EmbedMigrations` plugin
    /// (`EmbeddedMigrations.all` in the module's target).
    static var migrations: [Migration] { get }
    /// Where the migration files live, for error messages.
    static var migrationsDirectory: String { get }
    /// Whether the module's commands are served at the top level (`calendar show`) rather
    /// than under its id and alias (`grids case show`). Only the core module does this: its
    /// commands are the daemon's own.
    static var servesCommandsAtTopLevel: Bool { get }

    /// Every named statement of the module (`<Module>+Statements.swift`): a test prepares each
    /// against a migrated database, and fails for a statement in the module's sources that is
    /// not listed.
    static var statements: [PostgresStatement] { get }
    /// Every error code the module answers with (its `<Name>ErrorCode.all`): a test checks
    /// that each is under the module's id and that docs/error-codes.md lists them.
    static var errorCodes: [String] { get }

    /// Initialises the module (after its migrations are applied and its requirements are up).
    init(context: ModuleContext) async throws

    /// The commands the module serves.
    var commands: [CommandSpec] { get }
    /// Background jobs, run in the daemon's `ServiceGroup`.
    var services: [any Service] { get }
    /// Friendly errors for the module's named database constraints: when a statement
    /// violates constraint `units_code_key`, the reply is the error listed under that name
    /// instead of a generic one.
    var constraintErrors: [String: WorkbenchError] { get }
}

extension WorkbenchModule {
    /// By default the title.
    public static var summary: String { title }
    /// By default no requirements.
    public static var requires: [String] { [] }
    /// By default no optional requirements.
    public static var optionalRequires: [String] { [] }
    /// By default `Sources/<TypeName>/Migrations` (the type is named after its target).
    public static var migrationsDirectory: String { "Sources/\(String(describing: Self.self))/Migrations" }
    /// By default none (the statement test still finds those in the module's sources).
    public static var statements: [PostgresStatement] { [] }
    /// By default none.
    public static var errorCodes: [String] { [] }
    /// By default a module's commands are served under its id and alias.
    public static var servesCommandsAtTopLevel: Bool { false }
    /// By default no background jobs.
    public var services: [any Service] { [] }
    /// By default no friendly constraint errors: violations get the generic replies.
    public var constraintErrors: [String: WorkbenchError] { [:] }

    /// The module's migrations grouped for the ``MigrationRunner``.
    public static var moduleMigrations: ModuleMigrations {
        ModuleMigrations(module: id, directory: migrationsDirectory, migrations: migrations)
    }
}
