/// A bound on how many database-heavy tests run at once. swift-testing starts every test
/// of the suite together; on a two-core machine a hundred throwaway databases being
/// migrated at the same moment made single statements wait past the 30-second command
/// timeout, and a daemon under test past its start deadline. Tests beyond the bound wait
/// for a slot (they are not failed by it); ``ModuleHarness/with(_:config:clock:timeZone:_:)``
/// takes one for its whole run.
///
/// Re-entrant within a task: a harness opened inside another's body uses the outer slot
/// instead of waiting for a second one (which could otherwise wait forever).
public actor DatabaseTestSlots {
    /// The slots every harness shares: two per core.
    public static let shared = DatabaseTestSlots(count: 4)

    @TaskLocal static var holding = false

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(count: Int) { free = count }

    /// Runs `body` holding a slot.
    public nonisolated func withSlot<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        if Self.holding { return try await body() }
        await acquire()
        do {
            let result = try await Self.$holding.withValue(true) { try await body() }
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
