import Foundation

/// Collects the clients' tallies as their threads finish.
final class TallyCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var merged = ClientTally()

    func add(_ tally: ClientTally) {
        lock.withLock { merged.merge(tally) }
    }

    /// Everything added so far.
    var total: ClientTally { lock.withLock { merged } }
}
