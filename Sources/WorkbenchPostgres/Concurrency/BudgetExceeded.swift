/// ``withBudget(_:_:)``'s budget passed before the work finished; the work was cancelled and
/// left to finish on its own.
public struct BudgetExceeded: Error, Sendable, Equatable, CustomStringConvertible {
    /// The budget that passed.
    public var budget: Duration

    /// Creates the error.
    public init(budget: Duration) {
        self.budget = budget
    }

    public var description: String { "no answer within \(budget)" }
}
