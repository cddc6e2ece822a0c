public import WorkbenchPostgres

/// A step of a volunteer order; the raw values are the `action` column of
/// `consultations.order_transitions`.
public enum OrderAction: String, CaseIterable, Sendable, PostgresDecodable, PostgresEncodable {
    /// The community sends the order to a volunteer team.
    case dispatch
    /// A volunteer of the team takes the order for the team.
    case accept
    /// A volunteer of the team takes the order on.
    case claim
    /// The volunteer who claimed it has done it.
    case done
    /// The resident rates it.
    case rate
    /// The order is called off.
    case cancel

    /// The status each step needs — what ``OrderWorkflow`` checks before the table does.
    /// `cancel` is allowed from every open status.
    public var requiredStatuses: [OrderStatus] {
        switch self {
        case .dispatch: [.placed]
        case .accept: [.dispatched]
        case .claim: [.accepted]
        case .done: [.claimed]
        case .rate: [.done]
        case .cancel: [.placed, .dispatched, .accepted, .claimed]
        }
    }
}
