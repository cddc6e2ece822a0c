public import WorkbenchPostgres

/// What an operator does to a complaint; the raw values are the `action` column of
/// `property.complaint_transitions`.
public enum ComplaintAction: String, CaseIterable, Sendable, PostgresDecodable, PostgresEncodable {
    /// The company takes the complaint up 响应.
    case ack
    /// The complaint was handled 办结; the clock stops.
    case resolve
    /// The resident is satisfied 回访满意.
    case close
    /// The resident is not satisfied 回访不满意: back to acknowledged, the deadline unchanged.
    case reopen

    /// The history event it records.
    public var eventKind: String {
        switch self {
        case .ack: "acknowledged"
        case .resolve: "resolved"
        case .close: "closed"
        case .reopen: "reopened"
        }
    }
}
