public import WorkbenchPostgres

/// What an indicator 指标 of a responsibility list is scored by: a share the workbench already
/// knows (achieved of counted, in the assessed organisation's subtree and the assessed year),
/// the 述职评议 votes, or a percentage the assessor gives by hand.
public enum EvidenceKind: String, CaseIterable, Sendable, PostgresDecodable, PostgresEncodable {
    /// Grid cases resolved in the year by their deadline, of those resolved (grids module).
    case casesOnTime = "cases_on_time"
    /// Property complaints resolved in the year by their "2310" deadline, of those resolved
    /// (property module).
    case complaintsOnTime = "complaints_on_time"
    /// Consultation sessions of the year closed with the five haves, of those not cancelled
    /// (consultations module).
    case sessionsFiveHaves = "sessions_five_haves"
    /// Periods of the bodies' cadence ended in the year that held a joint meeting, of those
    /// ended.
    case meetingsHeld = "meetings_held"
    /// Joint meeting tasks due in the year closed by their due day, of those not cancelled
    /// (for a stationed unit: the tasks assigned to it by the assessor's body).
    case tasksOnTime = "tasks_on_time"
    /// Member units present at the body's meetings of the year, of members × meetings (for a
    /// stationed unit: the assessor's meetings it attended, of those held).
    case attendance
    /// Venues in the subtree covered by an organisation at the year's end (两个全覆盖).
    case coverage
    /// Party members on the rolls who earned vanguard points in the year, of those on the rolls.
    case points
    /// Appraisers' votes 好 or 较好 in the 述职评议, of all votes.
    case review
    /// A percentage the assessor gives with a note (`gov assessment score`).
    case manual

    /// The module whose tables the evidence reads, when it is not this one's or the organizations
    /// module's: without it loaded the indicator has no evidence.
    public var module: String? {
        switch self {
        case .casesOnTime: "grids"
        case .complaintsOnTime: "property"
        case .sessionsFiveHaves: "consultations"
        default: nil
        }
    }

    /// The command that shows the figures behind it, for the assessment's evidence link; nil
    /// for the 述职评议 and manual scores, which `gov assessment show` itself shows.
    public func link(scope: String, from: String, to: String) -> String? {
        switch self {
        case .casesOnTime: "grid stats scope=\(scope) from=\(from) to=\(to)"
        case .complaintsOnTime: "prop complaint list scope=\(scope)"
        case .sessionsFiveHaves: "consult stats scope=\(scope) from=\(from) to=\(to)"
        case .meetingsHeld: "gov compliance scope=\(scope) from=\(from) on=\(to)"
        case .tasksOnTime: "gov stats scope=\(scope) from=\(from) to=\(to)"
        case .attendance: "gov meeting list scope=\(scope) from=\(from) to=\(to)"
        case .coverage: "org coverage unit=\(scope) from=\(from) to=\(to)"
        case .points: "org points rank unit=\(scope) from=\(from) to=\(to)"
        case .review, .manual: nil
        }
    }
}
