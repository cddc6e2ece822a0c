import Foundation

/// Waits until a deadline for many tasks at once, with one thread and no timer per wait.
///
/// `Task.sleep` is the obvious way to bound a wait, but on Linux a cancelled sleep keeps its
/// timer (and the memory the sleeping task held) until the deadline it was given: a command
/// limit of 30 s raced against every command kept about 700 bytes per command alive for 30 s,
/// hundreds of megabytes at tens of thousands of commands a second. A wait here is an entry
/// in a table: cancelling it removes the entry and frees it at once.
public final class DeadlineTimer: @unchecked Sendable {
    private struct Waiter {
        var deadline: ContinuousClock.Instant
        var continuation: CheckedContinuation<Bool, Never>?
    }

    /// The process-wide timer.
    public static let shared = DeadlineTimer()

    /// Guards everything below and wakes the timer thread.
    private let condition = NSCondition()
    private var waiters: [UInt64: Waiter] = [:]
    /// Cancelled before its continuation was installed.
    private var cancelledEarly: Set<UInt64> = []
    private var nextID: UInt64 = 0
    /// When the timer thread will look next; a new waiter due earlier wakes it.
    private var plannedWake: ContinuousClock.Instant?

    private init() {
        let thread = Thread { [self] in run() }
        thread.name = "deadline-timer"
        thread.start()
    }

    /// Waits until `deadline`; returns true when it passed, false when the calling task was
    /// cancelled first (which ends the wait at once).
    public func wait(until deadline: ContinuousClock.Instant) async -> Bool {
        let id = locked { () -> UInt64 in
            nextID += 1
            waiters[nextID] = Waiter(deadline: deadline)
            return nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let outcome = locked { () -> Bool? in
                    if cancelledEarly.remove(id) != nil { return false }
                    guard waiters[id] != nil else { return true }
                    waiters[id]?.continuation = continuation
                    if plannedWake.map({ deadline < $0 }) ?? true { condition.signal() }
                    return nil
                }
                if let outcome { continuation.resume(returning: outcome) }
            }
        } onCancel: {
            let continuation = locked { () -> CheckedContinuation<Bool, Never>? in
                guard let waiter = waiters.removeValue(forKey: id) else { return nil }
                if waiter.continuation == nil { cancelledEarly.insert(id) }
                return waiter.continuation
            }
            continuation?.resume(returning: false)
        }
    }

    /// Waits `duration` from now (see ``wait(until:)``).
    public func wait(for duration: Duration) async -> Bool {
        await wait(until: .now + duration)
    }

    private func locked<Value>(_ body: () -> Value) -> Value {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }

    private func run() {
        condition.lock()
        while true {
            let now = ContinuousClock.now
            var expired: [CheckedContinuation<Bool, Never>] = []
            var earliest: ContinuousClock.Instant?
            for (id, waiter) in waiters {
                guard let continuation = waiter.continuation else { continue }
                if waiter.deadline <= now {
                    waiters[id] = nil
                    expired.append(continuation)
                } else if earliest.map({ waiter.deadline < $0 }) ?? true {
                    earliest = waiter.deadline
                }
            }
            if !expired.isEmpty {
                condition.unlock()
                for continuation in expired { continuation.resume(returning: true) }
                condition.lock()
                continue
            }
            // A new waiter signals under the same lock, so none is missed while this looks.
            let wake = earliest ?? now + .seconds(60)
            plannedWake = wake
            _ = condition.wait(until: Date(timeIntervalSinceNow: (wake - now).seconds))
            plannedWake = nil
        }
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    fileprivate var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
