public import WorkbenchPostgres

/// Where a consultation session 议事会 stands: scheduled until it is closed (with the five
/// haves) or cancelled; both are final.
public enum SessionStatus: String, CaseIterable, Sendable, PostgresDecodable, PostgresEncodable {
    /// 待召开.
    case scheduled
    /// 已闭会.
    case closed
    /// 已取消.
    case cancelled
}
