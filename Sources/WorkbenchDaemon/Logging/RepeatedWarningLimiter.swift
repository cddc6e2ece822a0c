import Foundation
import Synchronization

/// Keeps a flood of one warning from filling the journal: the first warning of a kind is
/// written at once, the same kind again within ``interval`` is counted instead, and the next
/// one written after the interval carries the count of what was held back
/// (`suppressed=N` for the last interval).
///
/// A kind is the logger's label and the message text: the daemon's messages are fixed
/// sentences with the varying values in metadata, so one kind is one situation.
public final class RepeatedWarningLimiter: Sendable {
    /// What to do with one warning.
    public enum Decision: Sendable, Equatable {
        /// Write it; `suppressed` of its kind were held back since the last one written.
        case write(suppressed: Int)
        /// Count it and write nothing.
        case suppress
    }

    /// How long after writing one warning of a kind the same kind is only counted.
    public let interval: Duration
    private let maximumKinds: Int
    private let kinds = Mutex([String: (written: ContinuousClock.Instant, suppressed: Int)]())

    /// Creates a limiter.
    ///
    /// - Parameters:
    ///   - interval: One line per kind per interval (10 s by default).
    ///   - maximumKinds: How many kinds it remembers; past that it forgets them all (the
    ///     next warning of each is then written), so memory stays bounded.
    public init(interval: Duration = .seconds(10), maximumKinds: Int = 1_000) {
        self.interval = interval
        self.maximumKinds = maximumKinds
    }

    /// Decides for a warning of `kind` seen at `now`.
    public func decide(kind: String, now: ContinuousClock.Instant = .now) -> Decision {
        kinds.withLock { kinds in
            if let seen = kinds[kind], now - seen.written < interval {
                kinds[kind] = (seen.written, seen.suppressed + 1)
                return .suppress
            }
            let suppressed = kinds[kind]?.suppressed ?? 0
            if kinds[kind] == nil && kinds.count >= maximumKinds { kinds.removeAll() }
            kinds[kind] = (now, 0)
            return .write(suppressed: suppressed)
        }
    }
}
