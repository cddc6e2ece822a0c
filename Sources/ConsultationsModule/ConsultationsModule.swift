import GridsModule
import OrganizationsModule
public import WorkbenchKit
public import WorkbenchPostgres

/// Consultation 协商议事 and volunteer dispatch: residents' topics taken through the "好商量"
/// platform to implementation, and volunteer orders from a resident to a volunteer's door
/// (as practised in Yubei, Zaozhuang, Shenzhen and Fuding).
///
/// - **Topics 议题** (`consult topic propose|show|list|review|withdraw|timeline`): a title,
///   description, category (``ConsultationsSettings/topicCategories``), community, source
///   (``TopicSource``: 群众提, 上级点, 网格发现 — linked to its grid case when the grids module is
///   loaded — or 人民建议) and proposer. Review accepts a topic for deliberation or declines it
///   with the reason the proposer is told (recorded as a reply). ``TopicStatus`` changes only
///   along `consultations.topic_transitions`.
/// - **Sessions 议事会** (`consult session schedule|show|list|update|notice|attend|minutes|vote|
///   reply|close|cancel`): venue, time, topics, participants by side (``ParticipantRole``:
///   问题召集方, 利益相关方, 协调处置方) and "六位一体" party (``CoGovernanceParty``) with attendance,
///   minutes, votes and resolutions.
/// - **Five haves 五有** as rules: a session closes only with a place 有场所, the notice posted
///   有标识, minutes 有记录, a reply to every proposer 有回声, a vote on every topic and the three
///   sides present; the refusal names each missing item (``SessionShortfall``) and the
///   database's trigger holds the same rule. Implementation 有落实 is the actions.
/// - **Actions 落实** (`consult action add|update|done|drop|list|overdue`): owned by an
///   organisation or a named party, with a due day and progress notes; a topic is settled
///   when every action is done or dropped with a reason.
/// - **Volunteer dispatch** "群众点单、社区派单、队伍接单、成员领单" (`consult order place|show|list|
///   dispatch|accept|claim|done|rate|cancel`, `consult team add|list`, `consult volunteer
///   add|list`): ``OrderWorkflow`` checks each step's order and that the volunteer belongs to
///   the team; micro-wishes 微心愿 are orders of kind wish. A Party member's hours become
///   vanguard points (``VolunteerPointsRule``), visible in `org points rank`.
/// - **Statistics** (`consult stats`): topics by category and source, sessions and the five
///   haves, actions on time, orders by status and mean time to done.
///
/// Names and phones of residents and volunteers are masked for roles below admin.
public struct ConsultationsModule: WorkbenchModule {
    /// `consultations`, also the PostgreSQL schema.
    public static let id = "consultations"
    /// `consult`.
    public static let alias = "consult"
    /// 协商议事.
    public static let title = "协商议事"
    /// One line for `modules`.
    public static let summary = "Consultation topics, sessions with the five haves, actions to implementation, volunteer dispatch"
    /// Topics, sessions and teams belong to units of the organisation tree; hours earn its points.
    public static let requires = ["organizations"]
    /// A topic found in a grid links its grid case when the grids module is loaded.
    public static let optionalRequires = ["grids"]
    /// The module's migrations, embedded from `Migrations/`.
    public static var migrations: [Migration] { EmbeddedMigrations.all }
    /// Every error code the module answers with.
    public static var errorCodes: [String] { ConsultationsErrorCode.all }

    /// The configuration in force.
    public let settings: ConsultationsSettings
    /// Whether topics can link grid cases (the grids module is loaded).
    public let gridsLoaded: Bool
    /// `consultations.order_transitions`, read once at start.
    let orderMachine: StatusMachine
    /// The sessions' rules, with `consultations.topic_transitions` read once at start.
    let sessionWorkflow: SessionWorkflow

    /// Reads the configuration.
    ///
    /// - Throws: ``ModuleSettingsError`` for a value it cannot use, such as a points
    ///   category the organizations module does not have.
    public init(context: ModuleContext) async throws {
        let pointsCategories = context.module(OrganizationsModule.self)?.settings.pointsCategories ?? OrganizationsSettings.defaultPointsCategories
        settings = try ConsultationsSettings(config: context.config, pointsCategories: pointsCategories)
        gridsLoaded = context.module(GridsModule.self) != nil
        orderMachine = try await StatusMachine.load("consultations.order_transitions", in: context.database)
        sessionWorkflow = SessionWorkflow(topicMachine: try await StatusMachine.load("consultations.topic_transitions", in: context.database))
    }

    /// Every command, grouped by area.
    public var commands: [CommandSpec] {
        topicCommands + sessionCommands + actionCommands + teamCommands + orderCommands + [statisticsCommand]
    }

    /// Friendly replies for the constraints an operator can run into.
    public var constraintErrors: [String: WorkbenchError] {
        [
            "teams_code_key": .conflict(
                ConsultationsErrorCode.teamDuplicateCode, argument: "code",
                "a team with this code exists; choose another code or see 'consult team list'"),
            "volunteers_member_key": .conflict(
                ConsultationsErrorCode.volunteerDuplicateMember, argument: "member",
                "this Party member is already a volunteer of the team; see 'consult volunteer list team=<code>'"),
            "participants_name_key": .conflict(
                ConsultationsErrorCode.sessionDuplicateParticipant, "this participant was recorded at the same moment; try again"),
        ]
    }
}
