public import WorkbenchPostgres

/// Where a topic 议题 stands. Which status may follow which is the table
/// `consultations.topic_transitions`.
public enum TopicStatus: String, CaseIterable, Sendable, PostgresDecodable, PostgresEncodable {
    /// 待审: proposed, waiting for review.
    case proposed
    /// 已受理: accepted for deliberation.
    case accepted
    /// 不予受理: declined, with the reason the proposer was told.
    case declined
    /// 已撤回: withdrawn.
    case withdrawn
    /// 已排会: on a scheduled session's agenda.
    case scheduled
    /// 落实中: its session closed with an adopted resolution; actions are under way.
    case implementing
    /// 已办结: every action is done or dropped with a reason.
    case settled

    /// 待审, 已受理, …
    public var chinese: String {
        switch self {
        case .proposed: "待审"
        case .accepted: "已受理"
        case .declined: "不予受理"
        case .withdrawn: "已撤回"
        case .scheduled: "已排会"
        case .implementing: "落实中"
        case .settled: "已办结"
        }
    }

    /// `implementing 落实中`.
    public var label: String { "\(rawValue) \(chinese)" }
}
