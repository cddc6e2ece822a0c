public import WorkbenchPostgres

/// How often a joint meeting body 联席会议 meets: each period of its cadence should hold at
/// least one meeting, and the compliance view lists the periods that held none.
public enum Cadence: String, CaseIterable, Sendable, PostgresDecodable, PostgresEncodable {
    /// Once a quarter 每季度 (Zaozhuang's street and community bodies).
    case quarterly
    /// Once a month 每月 (Hangzhou's streets with resident units and residents' representatives).
    case monthly

    /// 每季度 / 每月.
    public var chinese: String { self == .quarterly ? "每季度" : "每月" }
}
