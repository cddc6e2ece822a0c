/// Where a case stands in its workflow. Which status may follow which is the table
/// `grids.case_transitions` (see ``CaseAction``).
public enum CaseStatus: String, CaseIterable, Sendable {
    /// 已上报: reported, waiting for the level to take it.
    case reported
    /// 已受理: taken by the level.
    case accepted
    /// 处置中: being handled.
    case inProgress = "in_progress"
    /// 已办结: handled, waiting for the follow-up 回访 with the resident.
    case resolved
    /// 已结案: the resident was satisfied.
    case closed
    /// 已撤销: withdrawn, with a reason.
    case cancelled

    /// Whether the case's clock is running (reported, accepted or in progress).
    public var isOpen: Bool { [.reported, .accepted, .inProgress].contains(self) }

    /// 已上报, 已受理, …
    public var label: String {
        switch self {
        case .reported: "已上报"
        case .accepted: "已受理"
        case .inProgress: "处置中"
        case .resolved: "已办结"
        case .closed: "已结案"
        case .cancelled: "已撤销"
        }
    }
}
