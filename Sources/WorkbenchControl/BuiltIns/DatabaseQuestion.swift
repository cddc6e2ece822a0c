import Synchronization
import WorkbenchKit
import WorkbenchPostgres

/// A question put to the database on behalf of a built-in (the server's version, the
/// migrations state), answered within a short budget, with the last answer remembered.
///
/// One question is under way at a time: callers that ask while it runs wait for the same
/// answer, each within its own budget. When the budget passes the caller gets
/// ``Answer/unanswered(lastKnown:)`` at once, and the question goes on in the background
/// (its libpq call returns only when the server answers); whatever it learns then is
/// remembered. So while PostgreSQL is stopped, `status` and `version` answer in about the
/// budget from what the daemon knows, and the pool is not flooded with stuck queries.
public final class DatabaseQuestion<Value: Sendable>: Sendable {
    /// What a caller learns.
    public enum Answer: Sendable {
        /// The database answered in time.
        case answered(Value)
        /// Asking failed (the database is down, the pool is busy).
        case failed(any Error)
        /// No answer within the budget; the last answer there was, if any.
        case unanswered(lastKnown: Value?)
    }

    private struct State {
        var inFlight: Task<Value, any Error>?
        var generation = 0
        var lastKnown: Value?
    }

    /// How long a caller waits for an answer.
    public let budget: Duration
    private let work: @Sendable () async throws -> Value
    private let state = Mutex(State())

    /// Creates a question; nothing is asked until ``ask()``.
    public init(budget: Duration, _ work: @escaping @Sendable () async throws -> Value) {
        self.budget = budget
        self.work = work
    }

    /// The last answer the database gave, if any.
    public var lastKnown: Value? { state.withLock { $0.lastKnown } }

    /// Asks (or joins the question under way) and waits at most ``budget``.
    public func ask() async -> Answer {
        let question = state.withLock { state -> Task<Value, any Error> in
            if let inFlight = state.inFlight { return inFlight }
            state.generation += 1
            let generation = state.generation
            let work = self.work
            let task = Task {
                do {
                    let value = try await work()
                    self.settle(generation, value)
                    return value
                } catch {
                    self.settle(generation, nil)
                    throw error
                }
            }
            state.inFlight = task
            return task
        }
        do {
            return .answered(try await withBudget(budget) { try await question.value })
        } catch is BudgetExceeded {
            return .unanswered(lastKnown: lastKnown)
        } catch {
            return .failed(error)
        }
    }

    private func settle(_ generation: Int, _ value: Value?) {
        state.withLock { state in
            if state.generation == generation { state.inFlight = nil }
            if let value { state.lastKnown = value }
        }
    }
}
