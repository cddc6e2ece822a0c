import Foundation

/// One step of an order with what it needs: the team it is dispatched to, the volunteer who
/// accepts or claims or finishes it, the hours, the rating, the reason for cancelling.
enum OrderStep: Sendable {
    case dispatch(team: String)
    case accept(by: Int64)
    case claim(volunteer: Int64)
    case done(hours: Decimal, by: Int64?, note: String?)
    case rate(rating: Int, comment: String?)
    case cancel(reason: String)

    /// The action in `consultations.order_transitions`.
    var action: OrderAction {
        switch self {
        case .dispatch: .dispatch
        case .accept: .accept
        case .claim: .claim
        case .done: .done
        case .rate: .rate
        case .cancel: .cancel
        }
    }
}
