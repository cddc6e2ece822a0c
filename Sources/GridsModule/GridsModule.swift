public import ServiceLifecycle
public import WorkbenchKit
public import WorkbenchPostgres

/// Grids (网格): the grids of each community, the incident workflow "网格发现、社区呼叫、
/// 分级响应、协同处置" with the four-level escalation "吹哨报到", daily patrols 每日巡 and the
/// household files 一户一档. Street and community staff live in this module every day.
///
/// - **Grids** (`grid add|show|list|tree|update`): level-1, level-2 and basic grids nested
///   by path inside one community, each led by a grid Party branch; grid workers 网格员 and
///   sunk-down cadres 下沉干部 are assigned with terms (`grid assign|unassign|assignments`).
/// - **Cases** (`grid case …`): reported → accepted → in progress → resolved → closed, with
///   reopen after an unsatisfied follow-up 回访 and cancel with a reason. The allowed
///   transitions are one table (`grids.case_transitions`); anything else is a 409 naming
///   what the current state allows.
/// - **Escalation** 吹哨报到: complex 小区 → community 社区 → street 街道 → functional
///   department 职能部门. Each level has a deadline by urgency, counted on the working
///   calendar (``EscalationPolicy``); skip-level rules start some cases higher. The
///   ``escalation`` service (an ``EscalationSweeper`` run by a `PeriodicService`) warns at 80 % of a deadline and escalates overdue cases by itself,
///   in one daemon at a time, exactly once, catching up after downtime.
/// - **History**: every step is an append-only event; `grid case show` prints the timeline
///   and the time left or overdue.
/// - **Patrols** (`grid patrol log|list|gaps`) and **households** (`grid household
///   add|show|list|visit`).
/// - **Statistics** (`grid stats`) over an organisation subtree or a grid subtree.
///
/// Grids are named by id or code (`grid=WG0101`), cases by id or code
/// (`case=GC-2026-000123`). Configuration: ``GridsSettings``.
public struct GridsModule: WorkbenchModule {
    /// `grids`, also the PostgreSQL schema.
    public static let id = "grids"
    /// `grid`.
    public static let alias = "grid"
    /// 网格.
    public static let title = "网格"
    /// One line for `modules`.
    public static let summary = "Grids, cases with 吹哨报到 escalation and deadline clocks, patrols, 一户一档"
    /// Grids belong to communities of the organisation tree.
    public static let requires = ["organizations"]
    /// The module's migrations, embedded from `Migrations/`.
    public static var migrations: [Migration] { EmbeddedMigrations.all }
    /// Every error code the module answers with.
    public static var errorCodes: [String] { GridsErrorCode.all }

    /// The configuration in force.
    public let settings: GridsSettings
    /// The background escalation (one per daemon; the database decides which one works).
    public let escalation: PeriodicService<EscalationSweeper>
    /// The case workflow with this daemon's rules, for the case commands.
    let workflow: CaseWorkflow

    /// Reads the module's configuration.
    ///
    /// - Throws: ``ModuleSettingsError`` for a configuration value it cannot use.
    public init(context: ModuleContext) async throws {
        let settings = try GridsSettings(config: context.config)
        self.settings = settings
        self.workflow = CaseWorkflow(
            machine: try await StatusMachine.load("grids.case_transitions", in: context.database),
            policy: settings.escalation, categories: settings.caseCategories, timeZone: context.timeZone
        )
        self.escalation = PeriodicService(
            job: EscalationSweeper(policy: settings.escalation, database: context.database, timeZone: context.timeZone, logger: context.logger),
            clock: context.clock, interval: settings.sweepInterval, logger: context.logger
        )
    }

    /// Every command, grouped by area.
    public var commands: [CommandSpec] {
        gridCommands + caseCommands + patrolCommands + householdCommands + statisticsCommands
    }

    /// The escalation service.
    public var services: [any Service] { [escalation] }

    /// Friendly replies for the constraints an operator can run into.
    public var constraintErrors: [String: WorkbenchError] {
        [
            "grids_code_key": .conflict(
                GridsErrorCode.gridDuplicateCode, argument: "code", "a grid with this code exists; choose another code or 'grid show grid=<code>'"),
            "grids_level1_is_root": .ruleRefused(GridsErrorCode.gridLevelNotAllowed, "a level1 grid has no parent grid; leave out parent="),
            "assignments_open_key": .conflict(
                GridsErrorCode.assignmentDuplicate,
                "this person already has an open assignment with this role on this grid; see 'grid show grid=<code>'"
            ),
            "assignments_ends_after_start": .invalidArgument("on", "an assignment cannot end before it starts"),
            "households_address_key": .conflict(
                GridsErrorCode.householdDuplicateAddress, argument: "address",
                "this grid already has a household file at this address; find it with 'grid household list grid=<code> address=<part>'"
            ),
            "patrols_ends_after_start": .invalidArgument("ended", "a patrol cannot end before it starts"),
        ]
    }
}
