import GridsModule
public import ServiceLifecycle
public import WorkbenchKit
public import WorkbenchPostgres

/// Property services 红色物业: the property companies 物业企业 that serve residential
/// complexes 小区, brought under Party leadership and held to account by the community.
///
/// - **Companies** (`prop company add|show|list|update`): the unified social credit code
///   (``CreditCode``, check character verified), a contact, the company's own Party
///   organisation (none is a coverage gap, Wuhan: "物业企业全覆盖建立党组织") and a
///   star rating 星级 (1–5) with its history (Nanjing's "星级物业").
/// - **Complexes** (`prop complex add|show|list|assign`): community, grid (when the grids
///   module is loaded), homes, owners' committee 业委会 and the company serving it under
///   dated contracts that never overlap.
/// - **Cross-appointment** 交叉任职 (`prop crossapp add|end|list|gaps`): community committee
///   or complex branch members in the company's management, with terms, and the complexes
///   that lack one (Wuhan, Fuding).
/// - **Service projects** (`prop project claim|update|list`): Party-building projects a
///   company claims 认领 from a community (Zaozhuang: 72 companies, 134 projects).
/// - **Complaints** (`prop complaint …`): the "2310" rule, deadlines of 2 / 3 / 10 days
///   by severity on the working calendar, an append-only history, an instant overdue list
///   and a background complaint clock (``ComplaintSweeper``) that records warnings and overdue events.
/// - **Evaluations** (`prop eval record|show|list`): a quarter's evaluation against the
///   versioned ``Checklist`` of 15 positive and 6 negative items; the complaint figures come
///   from the complaints themselves.
/// - **Red/black list** 红黑榜 (`prop ranking`, `prop ranking publish|show`): scored by
///   ``RankingFormula``; a published list is frozen.
///
/// Companies are named by id or credit code, complexes by id or code, complaints by id or
/// `PC-2026-000123`. Configuration: ``PropertySettings``.
public struct PropertyModule: WorkbenchModule {
    /// `property`, also the PostgreSQL schema.
    public static let id = "property"
    /// `prop`.
    public static let alias = "prop"
    /// 红色物业.
    public static let title = "红色物业"
    /// One line for `modules`.
    public static let summary = "Property companies, complexes, the \"2310\" complaint clock, evaluations and the red/black list"
    /// Complexes belong to communities of the organisation tree.
    public static let requires = ["organizations"]
    /// Complexes are filed under grids when the grids module is loaded.
    public static let optionalRequires = ["grids"]
    /// The module's migrations, embedded from `Migrations/`.
    public static var migrations: [Migration] { EmbeddedMigrations.all }
    /// Every error code the module answers with.
    public static var errorCodes: [String] { PropertyErrorCode.all }

    /// The configuration in force.
    public let settings: PropertySettings
    /// Whether complexes can name grids (the grids module is loaded).
    public let gridsLoaded: Bool
    /// The background complaint clock (one per daemon; the database decides which one works).
    public let complaintClock: PeriodicService<ComplaintSweeper>
    let workflow: ComplaintWorkflow
    /// The claimed projects' rules, with `property.project_transitions`.
    let projectWorkflow: ProjectWorkflow

    /// Reads the configuration and records the checklist version in force.
    ///
    /// - Throws: ``ModuleSettingsError`` for a value it cannot use, including a checklist
    ///   version already recorded with other items.
    public init(context: ModuleContext) async throws {
        let settings = try PropertySettings(config: context.config)
        self.settings = settings
        self.gridsLoaded = context.module(GridsModule.self) != nil
        try await ChecklistStore.record(settings.checklist, in: context.database)
        self.workflow = ComplaintWorkflow(
            machine: try await StatusMachine.load("property.complaint_transitions", in: context.database), settings: settings,
            timeZone: context.timeZone
        )
        self.projectWorkflow = ProjectWorkflow(machine: try await StatusMachine.load("property.project_transitions", in: context.database))
        self.complaintClock = PeriodicService(
            job: ComplaintSweeper(
                warningShare: settings.warningShare, database: context.database, timeZone: context.timeZone, logger: context.logger),
            clock: context.clock, interval: settings.sweepInterval, logger: context.logger
        )
    }

    /// Every command, grouped by area.
    public var commands: [CommandSpec] {
        companyCommands + complexCommands + crossAppointmentCommands + projectCommands + complaintCommands + evaluationCommands
            + rankingCommands
    }

    /// The complaint clock.
    public var services: [any Service] { [complaintClock] }

    /// Friendly replies for the constraints an operator can run into.
    public var constraintErrors: [String: WorkbenchError] {
        [
            "companies_credit_code_key": .conflict(
                PropertyErrorCode.companyDuplicateCreditCode, argument: "credit_code",
                "a company with this credit code is registered; see 'prop company show company=<credit code>'"
            ),
            "complexes_code_key": .conflict(
                PropertyErrorCode.complexDuplicateCode, argument: "code", "a complex with this code exists; choose another code"),
            "complexes_name_in_community_key": .conflict(
                PropertyErrorCode.complexDuplicateName, argument: "name",
                "this community already has a complex with this name; see 'prop complex list scope=<community>'"
            ),
            "service_contracts_no_overlap": .conflict(
                PropertyErrorCode.contractOverlap,
                "this contract overlaps another contract of the complex; see 'prop complex show complex=<code>' and choose from= after it"
            ),
            "service_contracts_ends_after_start": .invalidArgument("until", "a contract cannot end before it starts"),
            "cross_appointments_no_overlap": .conflict(
                PropertyErrorCode.crossappOverlap,
                "this person already holds a cross-appointment on this complex in that period; see 'prop crossapp list complex=<code>'"
            ),
            "cross_appointments_ends_after_start": .invalidArgument("on", "a cross-appointment cannot end before it starts"),
            "projects_title_key": .conflict(
                PropertyErrorCode.projectDuplicate, "this company already claimed a project with this title from this community"
            ),
            "projects_finished_after_claim": .invalidArgument("on", "a project cannot finish before it was claimed"),
            "rankings_quarter_scope_key": .conflict(
                PropertyErrorCode.rankingAlreadyPublished,
                "this quarter's list for this scope is already published and frozen; see 'prop ranking show'"
            ),
        ]
    }
}
