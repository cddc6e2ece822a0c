public import WorkbenchPostgres

/// Where a complaint stands: filed 已受理登记 → acknowledged 已响应 → resolved 已办结 → closed
/// 已回访 (the resident's verdict). An unsatisfied verdict reopens a resolved complaint.
public enum ComplaintStatus: String, CaseIterable, Sendable, PostgresDecodable, PostgresEncodable {
    /// Filed; its "2310" clock runs.
    case filed
    /// The company has taken it up; the clock still runs.
    case acknowledged
    /// Handled; the clock stopped, the resident's verdict is awaited.
    case resolved
    /// The resident was satisfied.
    case closed

    /// Whether the deadline still matters (the complaint is not yet resolved).
    public var isOpen: Bool { self == .filed || self == .acknowledged }

    /// The Chinese name.
    public var chineseName: String {
        switch self {
        case .filed: "已登记"
        case .acknowledged: "已响应"
        case .resolved: "已办结"
        case .closed: "已回访关闭"
        }
    }
}
