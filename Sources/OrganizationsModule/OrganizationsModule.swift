public import ServiceLifecycle
public import WorkbenchKit
public import WorkbenchPostgres

/// Organizations (党组织): the Party organisation tree, its members, double reporting
/// (双报到), part-time committee seats (兼职委员), co-building (结对共建), the vanguard index
/// (先锋指数) and the "two full coverages" (两个全覆盖).
///
/// Every other module references this one's organisations, so its ids and its tree are the
/// spine of the product.
///
/// - **Tree** (`org unit …`): city 市委 → district 区委 → street 街道党工委 → community 社区党委 →
///   grid branch 网格党支部 → building group 楼栋党小组, plus regional, industry, resident-unit,
///   "two new", joint and network organisations. Which kind may sit under which is the rule
///   table ``OrganizationKind/allowedChildren``; a breach is a 422 naming both kinds. Paths
///   are `ltree`s of ids, so `move` rewrites a subtree in one statement and `tree`, `stats`
///   and `points rank` work on any subtree.
/// - **Members** (`org member …`): branch, status, in-service unit, residence community,
///   mobile flag; transfers keep their history; phones are masked below admin in lists.
/// - **Double reporting** (`org report …`): resident units and in-service members report to
///   a community and log service hours there.
/// - **Seats** (`org seat …`) on street and community committees, held by people from
///   resident units, with terms.
/// - **Co-building** (`org pair …`, `org project …`): pairs of a unit and a community and
///   their projects, planned → in_progress → done.
/// - **Vanguard index** (`org points …`): an append-only points ledger, ranked over any
///   subtree and period.
/// - **Coverage** (`org venue …`, `org coverage`): venues with organisational coverage (an
///   organisation serves them) and work coverage (activity within the period).
/// - **Ends recorded ahead** (`org ending …`): a member's leaving, a dissolution, a report's
///   or a seat's end dated after today waits for its day; ``ScheduledEndsJob`` applies it.
///   What hangs on an organisation or a member (reports, seats, pairs) ends with it.
/// - **Statistics** (`org stats`) for any subtree.
///
/// Organisations are named in arguments by id or by code (`unit=17` or `unit=JD01`).
/// Configuration: ``OrganizationsSettings``.
public struct OrganizationsModule: WorkbenchModule {
    /// `organizations`, also the PostgreSQL schema.
    public static let id = "organizations"
    /// `org`.
    public static let alias = "org"
    /// 党组织.
    public static let title = "党组织"
    /// One line for `modules`.
    public static let summary = "The organisation tree, members, 双报到, 结对共建, 先锋指数, 两个全覆盖"
    /// The module's migrations, embedded from `Migrations/`.
    public static var migrations: [Migration] { EmbeddedMigrations.all }
    /// Every error code the module answers with.
    public static var errorCodes: [String] { OrganizationsErrorCode.all }

    /// The configuration in force.
    public let settings: OrganizationsSettings
    /// The background job that applies ends recorded ahead on their day.
    public let scheduledEnds: PeriodicService<ScheduledEndsJob>
    /// The co-building projects' moves (`organizations.project_transitions`), read at start.
    let projectMachine: StatusMachine

    /// Reads the module's configuration.
    public init(context: ModuleContext) async throws {
        let settings = try OrganizationsSettings(config: context.config)
        self.settings = settings
        self.projectMachine = try await StatusMachine.load("organizations.project_transitions", in: context.database)
        self.scheduledEnds = PeriodicService(
            job: ScheduledEndsJob(database: context.database, timeZone: context.timeZone, logger: context.logger),
            clock: context.clock, interval: settings.scheduledEndInterval, logger: context.logger
        )
    }

    /// The job that applies ends recorded ahead.
    public var services: [any Service] { [scheduledEnds] }

    /// Every command, grouped by area.
    public var commands: [CommandSpec] {
        unitCommands + memberCommands + reportCommands + seatCommands + scheduledEndCommands + coBuildingCommands + pointsCommands
            + coverageCommands + statisticsCommands
    }

    /// The 409 for a second end recorded ahead of the same `what`.
    private static func endAlreadyRecorded(_ what: String, argument: String) -> WorkbenchError {
        .conflict(
            OrganizationsErrorCode.endingAlreadyRecorded, argument: argument,
            "this \(what) already has an end recorded ahead; see 'org ending list' and cancel it with 'org ending cancel id=<id>' to record "
                + "another day"
        )
    }

    /// Friendly replies for the constraints an operator can run into.
    public var constraintErrors: [String: WorkbenchError] {
        [
            "units_code_key": .conflict(
                OrganizationsErrorCode.unitDuplicateCode, argument: "code",
                "an organisation with this code exists; choose another code or 'org unit show unit=<code>'"
            ),
            "reports_open_unit_key": .conflict(
                OrganizationsErrorCode.reportDuplicate,
                "this unit already has an open report to this community; see 'org report list community=<code>'"
            ),
            "reports_open_member_key": .conflict(
                OrganizationsErrorCode.reportDuplicate,
                "this member already reports to a community; end that report first ('org report end id=<id>')"
            ),
            "seats_open_person_key": .conflict(
                OrganizationsErrorCode.seatDuplicate, "this person already holds an open seat on this committee; see 'org seat list committee=<code>'"
            ),
            "pairs_open_key": .conflict(
                OrganizationsErrorCode.pairDuplicate, "this unit and community are already paired; see 'org pair list community=<code>'"
            ),
            "venue_covers_open_key": .conflict(
                OrganizationsErrorCode.venueAlreadyCovered, "this organisation already covers this venue"
            ),
            "venues_name_in_area_key": .conflict(
                OrganizationsErrorCode.venueDuplicate, argument: "name", "a venue with this name exists in this street or community"
            ),
            "venues_members_among_employees": .ruleRefused(
                OrganizationsErrorCode.venueMembersExceedEmployees, "members= cannot exceed employees="
            ),
            "scheduled_ends_pending_member_key": Self.endAlreadyRecorded("member", argument: "member"),
            "scheduled_ends_pending_unit_key": Self.endAlreadyRecorded("organisation", argument: "unit"),
            "scheduled_ends_pending_report_key": Self.endAlreadyRecorded("report", argument: "id"),
            "scheduled_ends_pending_seat_key": Self.endAlreadyRecorded("seat", argument: "id"),
            "units_dissolved_after_established": .ruleRefused(
                OrganizationsErrorCode.unitDissolvedBeforeEstablished, "an organisation cannot be dissolved before it was established"
            ),
        ]
    }
}
