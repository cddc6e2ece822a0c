import Synchronization

/// One answer for one waiter, from whichever of several racers gives it first: later
/// answers are dropped, and an answer given before anyone waits is kept for the waiter.
/// Used to stop waiting on something that cannot be cancelled (a child process's exit).
final class FirstAnswer<Value: Sendable>: Sendable {
    private let state = Mutex<(continuation: CheckedContinuation<Value, Never>?, answer: Value?)>((nil, nil))

    /// Waits for the first answer.
    var value: Value {
        get async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Value, Never>) in
                let early = state.withLock { state -> Value? in
                    if let answer = state.answer { return answer }
                    state.continuation = continuation
                    return nil
                }
                if let early { continuation.resume(returning: early) }
            }
        }
    }

    /// Gives an answer; ignored when one was given before.
    func answer(_ value: Value) {
        let continuation = state.withLock { state -> CheckedContinuation<Value, Never>? in
            guard state.answer == nil else { return nil }
            state.answer = value
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(returning: value)
    }
}
