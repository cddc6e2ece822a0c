import Synchronization

/// Counts the round trips a pool's connections have sent and not had answered yet.
final class InFlightGauge: Sendable {
    private let count = Atomic<Int>(0)

    /// The current count.
    var value: Int { count.load(ordering: .relaxed) }

    func increment() { count.add(1, ordering: .relaxed) }

    func decrement() { count.subtract(1, ordering: .relaxed) }
}
