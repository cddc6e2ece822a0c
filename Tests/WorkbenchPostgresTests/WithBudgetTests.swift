import Synchronization
import Testing
import WorkbenchPostgres

@Suite("withBudget")
struct WithBudgetTests {
    /// Work that ignores cancellation and ends only when the test lets it (as a blocking
    /// libpq call ends only when the server answers).
    final class Gate: Sendable {
        private let waiter = Mutex<CheckedContinuation<Void, Never>?>(nil)
        private let opened = Mutex(false)

        func wait() async {
            await withCheckedContinuation { continuation in
                let open = opened.withLock { $0 }
                if open { continuation.resume() } else { waiter.withLock { $0 = continuation } }
            }
        }

        func open() {
            opened.withLock { $0 = true }
            waiter.withLock { $0.take() }?.resume()
        }
    }

    @Test func returnsTheWorksResultWithinTheBudget() async throws {
        #expect(try await withBudget(.seconds(30)) { 42 } == 42)
    }

    @Test func passesOnTheWorksError() async throws {
        struct Refused: Error {}
        await #expect(throws: Refused.self) { try await withBudget(.seconds(30)) { () async throws -> Int in throw Refused() } }
    }

    @Test func answersAtTheBudgetWhileWorkThatIgnoresCancellationStillRuns() async throws {
        let gate = Gate()
        defer { gate.open() }
        let started = ContinuousClock.now
        let error = await #expect(throws: BudgetExceeded.self) {
            try await withBudget(.milliseconds(100)) { () async -> Int in
                await gate.wait()
                return 1
            }
        }
        let elapsed = ContinuousClock.now - started
        #expect(error?.budget == .milliseconds(100))
        #expect(elapsed < .seconds(30), "answered after \(elapsed); the gate never opens")
    }

    @Test func theCallersCancellationEndsTheWaitAtOnce() async throws {
        let gate = Gate()
        defer { gate.open() }
        let started = ContinuousClock.now
        let task = Task {
            try await withBudget(.seconds(3600)) { () async -> Int in
                await gate.wait()
                return 1
            }
        }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(ContinuousClock.now - started < .seconds(30), "the budget is an hour")
    }
}
