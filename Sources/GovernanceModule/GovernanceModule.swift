import OrganizationsModule
public import WorkbenchKit
public import WorkbenchPostgres

/// Joint meetings 联席会议 and assessment 考核: the two working cycles that hold a street's or a
/// community's regional Party-building together, as practised in Zaozhuang, Hangzhou, Wuhan,
/// Yubei and Shandong.
///
/// - **Bodies 联席会议** (`gov body add|show|list|members|update`): one per district, street or
///   community (the street's 大工委, the community's 大党委), meeting at its ``Cadence``
///   (quarterly by default, ``GovernanceSettings/defaultCadence``). Its members are the
///   organisations with an open part-time seat 兼职委员 on the committee, an open report
///   双报到 or an open pairing 结对共建 in the organizations module, as they stand.
/// - **Meetings** (`gov meeting hold|attend|problem|decide|show|list`): agenda, attendance by
///   member unit, problems raised, decisions.
/// - **Tasks 任务** (`gov task assign|progress|close|cancel|show|list|overdue`): assigned at a
///   meeting to a member unit or a department with a due day, followed by progress notes to
///   closing 办结; the status moves only along `governance.task_transitions`.
/// - **Compliance** (`gov compliance`): the periods of a body's cadence that held no meeting,
///   the streets and communities without a body, the overdue tasks.
/// - **Statistics** (`gov stats`, `by=child|quarter|month`).
/// - **Assessment 考核** (`gov checklist …`, `gov assessment …`, `gov breakthrough …`): versioned
///   responsibility lists 责任清单 of weighted indicators per kind of organisation, yearly
///   scores with their evidence from the other modules, the secretary's report and the
///   appraisers' votes 述职评议, two-way assessment 双向考核 of the units stationed in a street,
///   publication that freezes a year, and breakthrough projects 突破项目 for the weakest
///   indicators.
public struct GovernanceModule: WorkbenchModule {
    /// `governance`, also the PostgreSQL schema.
    public static let id = "governance"
    /// `gov`.
    public static let alias = "gov"
    /// 联席会议与考核.
    public static let title = "联席会议与考核"
    /// One line for `modules`.
    public static let summary = "Joint meetings with part-time members, tasks to closing, compliance gaps; yearly assessment and 述职评议"
    /// Bodies, meetings and assessments belong to organisations of the tree.
    public static let requires = ["organizations"]
    /// Assessment evidence reads these modules' tables when they are loaded.
    public static let optionalRequires = ["grids", "property", "consultations"]
    /// The module's migrations, embedded from `Migrations/`.
    public static var migrations: [Migration] { EmbeddedMigrations.all }
    /// Every error code the module answers with.
    public static var errorCodes: [String] { GovernanceErrorCode.all }

    /// The configuration in force.
    public let settings: GovernanceSettings
    /// The modules of ``optionalRequires`` that are loaded: evidence from the others is missing.
    let evidenceModules: Set<String>

    /// Reads the module's configuration (`modules.governance`).
    ///
    /// - Throws: ``ModuleSettingsError`` for a value it cannot use.
    public init(context: ModuleContext) async throws {
        settings = try GovernanceSettings(config: context.config)
        evidenceModules = Set(Self.optionalRequires.filter(context.isLoaded))
    }

    /// Every command, grouped by area.
    public var commands: [CommandSpec] {
        bodyCommands + meetingCommands + taskCommands + [complianceCommand, statisticsCommand] + checklistCommands + assessmentCommands
            + breakthroughCommands
    }

    /// Friendly replies for the constraints that need more than their comment says.
    public var constraintErrors: [String: WorkbenchError] {
        [
            "bodies_unit_key": .conflict(
                GovernanceErrorCode.bodyDuplicate, argument: "unit",
                "this organisation has a meeting body already; see 'gov body show body=<its code>'"),
            "attendance_unit_key": .conflict(
                GovernanceErrorCode.meetingAlreadyAttended, argument: "unit",
                "this unit's attendance at the meeting is recorded already; see 'gov meeting show'"),
            "assessments_once_a_year": .conflict(
                GovernanceErrorCode.assessmentDuplicate, argument: "unit",
                "the assessor has this organisation's assessment for the year already; see 'gov assessment list'"),
        ]
    }
}
