import Foundation

/// Runs blocking work (a libpq call on a bare `PostgresConnection`, a child process that runs
/// for seconds) on a thread of its own and waits for it without holding a cooperative thread.
///
/// On a two-core machine Swift's cooperative pool has two threads, and on Linux they are
/// Dispatch's global worker threads: a test that blocks one of them (or a
/// `DispatchQueue.global()` item) for seconds delays every other test's tasks and timers
/// (pool acquire timeouts, command time limits) and makes them fail. A `Thread` is outside
/// that pool.
public func runBlocking<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result { try body() })
        }
    }
}
