public import WorkbenchPostgres

/// Where a volunteer order stands in "群众点单、社区派单、队伍接单、成员领单". Which status may
/// follow which is the table `consultations.order_transitions` (see ``OrderAction``).
public enum OrderStatus: String, CaseIterable, Sendable, PostgresDecodable, PostgresEncodable {
    /// 群众点单: placed by a resident.
    case placed
    /// 社区派单: dispatched by the community to a team.
    case dispatched
    /// 队伍接单: accepted by the team.
    case accepted
    /// 成员领单: claimed by a member of the team.
    case claimed
    /// 已完成: done, with the hours served.
    case done
    /// 已评价: rated 1–5 by the resident.
    case rated
    /// 已取消, with a reason.
    case cancelled

    /// 群众点单, 社区派单, …
    public var chinese: String {
        switch self {
        case .placed: "群众点单"
        case .dispatched: "社区派单"
        case .accepted: "队伍接单"
        case .claimed: "成员领单"
        case .done: "已完成"
        case .rated: "已评价"
        case .cancelled: "已取消"
        }
    }
}
