import Histogram

/// What one load client saw during the measured window; tallies of all clients are merged.
struct ClientTally {
    /// Latency of every answered command, in microseconds.
    var latency = ClientTally.histogram()
    /// Latency by command.
    var byKind: [RequestKind: Histogram<UInt64>] = [:]
    /// Commands answered 2xx.
    var succeeded = 0
    /// Refusals and failures by `status code` (`404 grids.case.not_found`).
    var errors: [String: Int] = [:]
    /// Connections that broke (the daemon closed them or refused them).
    var connectionFailures: [String] = []

    /// A histogram from 1 µs to 10 minutes with three significant digits.
    static func histogram() -> Histogram<UInt64> {
        Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: .three)
    }

    mutating func record(_ kind: RequestKind, reply: ReplyScanner.Reply, microseconds: UInt64) {
        let value = max(1, microseconds)
        _ = latency.record(value)
        _ = byKind[kind, default: Self.histogram()].record(value)
        if (200..<300).contains(reply.status) {
            succeeded += 1
        } else {
            errors["\(reply.status) \(reply.errorCode ?? "")", default: 0] += 1
        }
    }

    mutating func merge(_ other: ClientTally) {
        latency.add(other.latency)
        for (kind, histogram) in other.byKind { byKind[kind, default: Self.histogram()].add(histogram) }
        succeeded += other.succeeded
        errors.merge(other.errors, uniquingKeysWith: +)
        connectionFailures += other.connectionFailures
    }

    /// Commands answered, successfully or not.
    var answered: Int { Int(latency.totalCount) }
}
