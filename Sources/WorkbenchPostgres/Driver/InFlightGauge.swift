import Synchronization

/// Counts the round trips a pool's connections have sent and not had answered yet.
final class InFlightGauge: Sendable {
    private let count = Atomic<Int>(0)
    private let started = Atomic<Int>(0)

    /// The current count.
    var value: Int { count.load(ordering: .relaxed) }

    /// Round trips sent since the pool started.
    var total: Int { started.load(ordering: .relaxed) }
    func increment() {
        count.add(1, ordering: .relaxed)
        started.add(1, ordering: .relaxed)
    }

    func decrement() { count.subtract(1, ordering: .relaxed) }
}
