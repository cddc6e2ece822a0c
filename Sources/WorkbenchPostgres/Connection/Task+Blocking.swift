import Dispatch

extension Task where Success == Never, Failure == Never {
    /// Runs blocking work (a libpq call outside any pool) on a Dispatch queue instead of a
    /// cooperative thread, and waits for it.
    static func detachedBlocking<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
