/// The commands a load client sends, as they appear in the report.
enum RequestKind: String, CaseIterable, Codable, Sendable {
    case unitShow = "org unit show"
    case caseShow = "grid case show"
    case caseList = "grid case list"
    case unitTree = "org unit tree"
    case caseReport = "grid case report"
    case caseAccept = "grid case accept"
    case caseStart = "grid case start"
    case caseResolve = "grid case resolve"
    case caseConfirm = "grid case confirm"
    /// The daemon's `ping`, for the transport reference.
    case ping = "ping"
    /// Redis's inline `PING`, the transport reference itself.
    case redisPing = "redis PING"

    /// Whether the command changes data.
    var isWrite: Bool {
        switch self {
        case .unitShow, .caseShow, .caseList, .unitTree, .ping, .redisPing: false
        default: true
        }
    }
}
