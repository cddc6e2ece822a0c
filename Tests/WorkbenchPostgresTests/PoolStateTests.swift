import Synchronization
import Testing
@testable import WorkbenchPostgres

/// The pool's line of waiters on its own, without a database (as postgres-nio tests its pool
/// state machine): who gets a freed grant, in which order, and what a cancellation leaves.
@Suite("The pool's wait line")
struct PoolStateTests {
    /// A waiter's state, for comparing.
    enum Seen: Equatable {
        case pending, waiting, granted, cancelled, gone
    }

    static func seen(_ state: PoolState, _ id: UInt64) -> Seen {
        switch state.waiters[id] {
        case .pending: .pending
        case .waiting: .waiting
        case .granted: .granted
        case .cancelled: .cancelled
        case nil: .gone
        }
    }

    static func isParked(_ handover: PoolState.Handover) -> Bool {
        if case .parked = handover { return true }
        return false
    }

    static func isNobody(_ handover: PoolState.Handover) -> Bool {
        if case .nobody = handover { return true }
        return false
    }

    @Test func aGrantWithNobodyInLineStaysWithTheGiver() {
        var state = PoolState()
        #expect(Self.isNobody(state.grantToNextWaiter(.slot)))
        #expect(state.leased == 0 && state.open == 0)
    }

    /// Each step on three waiters, and who holds what afterwards.
    enum Step: CustomTestStringConvertible {
        case enqueue
        case cancel(UInt64)
        case grant
        case forget(UInt64)

        var testDescription: String {
            switch self {
            case .enqueue: "enqueue"
            case .cancel(let id): "cancel \(id)"
            case .grant: "grant"
            case .forget(let id): "forget \(id)"
            }
        }
    }

    static let lines: [(steps: [Step], expected: [Seen], queue: [UInt64], leased: Int)] = [
        // First come, first served.
        ([.enqueue, .enqueue, .enqueue, .grant], [.granted, .pending, .pending], [2, 3], 1),
        ([.enqueue, .enqueue, .enqueue, .grant, .grant], [.granted, .granted, .pending], [3], 2),
        // A waiter cancelled before it suspended is skipped; its place goes to the next.
        ([.enqueue, .enqueue, .cancel(1), .grant], [.cancelled, .granted], [], 1),
        // Everyone cancelled: the grant stays with the giver.
        ([.enqueue, .cancel(1), .grant], [.cancelled], [], 0),
        // A waiter whose wait ended (timeout) is forgotten and never granted.
        ([.enqueue, .enqueue, .forget(1), .grant], [.gone, .granted], [], 1),
        // Cancelling twice, or after the grant, changes nothing.
        ([.enqueue, .grant, .cancel(1), .cancel(1)], [.granted], [], 1),
    ]

    @Test(arguments: lines.indices)
    func theLine(_ index: Int) {
        let line = Self.lines[index]
        var state = PoolState()
        for step in line.steps {
            switch step {
            case .enqueue: _ = state.enqueue()
            case .cancel(let id): #expect(state.cancel(id) == nil, "no continuation was installed")
            case .grant: _ = state.grantToNextWaiter(.slot)
            case .forget(let id): state.forget(id)
            }
        }
        #expect(line.expected.indices.map { Self.seen(state, UInt64($0 + 1)) } == line.expected, "\(line.steps)")
        #expect(state.queue == line.queue)
        #expect(state.leased == line.leased && state.open == line.leased, "a granted slot counts as leased and open")
    }

    @Test func aGrantParkedBeforeTheWaiterSuspendsIsPickedUpWhenItDoes() async throws {
        var state = PoolState()
        let id = state.enqueue()
        #expect(Self.isParked(state.grantToNextWaiter(.slot)))
        let grant = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Grant, any Error>) in
            switch state.install(continuation, for: id) {
            case .granted(let grant): continuation.resume(returning: grant)
            case .waiting, .cancelled: continuation.resume(throwing: CancellationError())
            }
        }
        guard case .slot = grant else { Issue.record("expected the parked slot, got \(grant)"); return }
        #expect(Self.seen(state, id) == .gone)
    }

    @Test func aWaiterCancelledBeforeItSuspendsIsToldSoWhenItDoes() async {
        var state = PoolState()
        let id = state.enqueue()
        #expect(state.cancel(id) == nil)
        let outcome = await Task {
            var state = state
            return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Grant, any Error>) in
                switch state.install(continuation, for: id) {
                case .cancelled: continuation.resume(throwing: CancellationError())
                case .granted(let grant): continuation.resume(returning: grant)
                case .waiting: continuation.resume(throwing: PostgresError(code: .poolTimeout, message: "left waiting"))
                }
            }
        }.result
        #expect(throws: CancellationError.self) { try outcome.get() }
    }

    /// The state behind its lock, as the pool keeps it.
    final class Locked: Sendable {
        let state = Mutex(PoolState())
    }

    /// Suspends waiter `id` on `pool`'s line, telling `installed` once it waits.
    static func suspend(_ id: UInt64, on pool: Locked, installed: AsyncStream<Void>.Continuation) async throws -> Grant {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Grant, any Error>) in
            switch pool.state.withLock({ $0.install(continuation, for: id) }) {
            case .waiting: installed.yield()
            case .granted(let grant): continuation.resume(returning: grant)
            case .cancelled: continuation.resume(throwing: CancellationError())
            }
        }
    }

    @Test func aSuspendedWaiterIsResumedByTheNextGrant() async throws {
        let pool = Locked()
        let id = pool.state.withLock { $0.enqueue() }
        let (installed, signal) = AsyncStream<Void>.makeStream()
        async let grant = Self.suspend(id, on: pool, installed: signal)
        for await _ in installed { break }
        let handover = pool.state.withLock { $0.grantToNextWaiter(.slot) }
        guard case .resumeWaiter = handover else {
            Issue.record("a suspended waiter takes the grant")
            return
        }
        handover.resume()
        guard case .slot = try await grant else {
            Issue.record("expected the slot")
            return
        }
        #expect(pool.state.withLock { $0.leased == 1 && $0.queue.isEmpty })
    }

    @Test func shutdownReleasesEverySuspendedWaiterAndClosesTheLine() async throws {
        let pool = Locked()
        let ids = pool.state.withLock { state in [state.enqueue(), state.enqueue(), state.enqueue()] }
        let (installed, signal) = AsyncStream<Void>.makeStream()
        async let first = Result { try await Self.suspend(ids[0], on: pool, installed: signal) }
        async let second = Result { try await Self.suspend(ids[1], on: pool, installed: signal) }
        var count = 0
        for await _ in installed {
            count += 1
            if count == 2 { break }
        }
        // The third never suspended: nothing to resume, but it may not be granted later.
        let waiting = pool.state.withLock { $0.removeAllWaiters() }
        #expect(waiting.count == 2)
        for continuation in waiting { continuation.resume(throwing: PostgresError(code: .poolClosed, message: "shut down")) }
        for outcome in [await first, await second] {
            #expect(throws: PostgresError.self) { try outcome.get() }
        }
        #expect(pool.state.withLock { Self.isNobody($0.grantToNextWaiter(.slot)) && $0.queue.isEmpty })
        #expect(pool.state.withLock { Self.seen($0, ids[2]) } == .cancelled)
    }
}

extension Result where Failure == any Error {
    /// The outcome of an async throwing body.
    init(_ body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
