import Synchronization

/// Runs `work` for at most `budget`, and returns as soon as either finishes: `work`'s
/// result, or ``BudgetExceeded``.
///
/// Unlike a task group, which awaits a cancelled child before it returns, this races `work`
/// in an unstructured task against a timer and resumes on whichever comes first. Work that
/// is over budget is cancelled and abandoned: it finishes in the background whenever what it
/// waits for ends. That matters for waits that cancellation does not end at once — a child
/// process's exit, or a statement on a stalled server, which gives up only after the pool's
/// cancel grace period — when the caller must answer sooner (`status` while PostgreSQL is
/// stopped).
///
/// ```swift
/// do {
///     let version = try await withBudget(.milliseconds(500)) { try await ask(pool) }
/// } catch is BudgetExceeded {
///     // the database does not answer
/// }
/// ```
///
/// Cancelling the caller cancels `work` and throws `CancellationError` at once.
///
/// - Throws: ``BudgetExceeded`` when the budget passes first, `CancellationError` when the
///   caller is cancelled first, or what `work` throws.
public func withBudget<Value: Sendable>(
    _ budget: Duration,
    _ work: @escaping @Sendable () async throws -> Value
) async throws -> Value {
    let race = BudgetRace<Value>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
            race.install(continuation)
            let worker = Task {
                let outcome: Result<Value, any Error>
                do {
                    outcome = .success(try await work())
                } catch {
                    outcome = .failure(error)
                }
                race.finish(outcome)
            }
            let timer = Task {
                // Not Task.sleep: its cancelled timers would hold memory for the whole budget.
                if await DeadlineTimer.shared.wait(for: budget) { race.finish(.failure(BudgetExceeded(budget: budget))) }
            }
            race.attach(worker: worker, timer: timer)
        }
    } onCancel: {
        race.finish(.failure(CancellationError()))
    }
}

/// The state of one ``withBudget(_:_:)`` call: the continuation is resumed once, by the
/// first of the work, the timer or the caller's cancellation; the losers are cancelled.
private final class BudgetRace<Value: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Value, any Error>?
        var outcome: Result<Value, any Error>?
        var worker: Task<Void, Never>?
        var timer: Task<Void, Never>?
    }

    private let state = Mutex(State())

    func install(_ continuation: CheckedContinuation<Value, any Error>) {
        let early = state.withLock { state -> Result<Value, any Error>? in
            if let outcome = state.outcome { return outcome }  // cancelled before suspending
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    func attach(worker: Task<Void, Never>, timer: Task<Void, Never>) {
        let finished = state.withLock { state -> Bool in
            state.worker = worker
            state.timer = timer
            return state.outcome != nil
        }
        if finished {
            worker.cancel()
            timer.cancel()
        }
    }

    func finish(_ outcome: Result<Value, any Error>) {
        let (continuation, worker, timer) = state.withLock { state in
            guard state.outcome == nil else { return (CheckedContinuation<Value, any Error>?.none, Task<Void, Never>?.none, Task<Void, Never>?.none) }
            state.outcome = outcome
            defer { state.continuation = nil }
            return (state.continuation, state.worker, state.timer)
        }
        worker?.cancel()
        timer?.cancel()
        continuation?.resume(with: outcome)
    }
}
