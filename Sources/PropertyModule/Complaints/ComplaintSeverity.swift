public import WorkbenchPostgres

/// How serious a complaint is, which sets its deadline under the "2310" rule: ordinary
/// 一般 2 days, important 重要 3 days, major 重大 10 days by default.
public enum ComplaintSeverity: String, CaseIterable, Sendable, Hashable, PostgresDecodable, PostgresEncodable {
    /// 一般投诉.
    case ordinary
    /// 重要投诉.
    case important
    /// 重大投诉.
    case major

    /// The Chinese name.
    public var chineseName: String {
        switch self {
        case .ordinary: "一般"
        case .important: "重要"
        case .major: "重大"
        }
    }
}
