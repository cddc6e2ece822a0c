public import Foundation
import Synchronization

/// Counters the control server keeps for `status`.
public final class ControlStatistics: Sendable {
    /// A snapshot.
    public struct Snapshot: Sendable, Equatable {
        /// Connections open now.
        public var connections: Int
        /// Connections accepted since start.
        public var accepted: Int
        /// Connections refused because the limit was reached.
        public var refused: Int
        /// Requests answered since start.
        public var requests: Int
        /// Requests answered with 4xx.
        public var clientErrors: Int
        /// Requests answered with 5xx.
        public var serverErrors: Int
        /// Connections closed because their client did not read its replies within
        /// `control.write_timeout`.
        public var writeTimeouts: Int = 0
    }

    private let state = Mutex(Snapshot(connections: 0, accepted: 0, refused: 0, requests: 0, clientErrors: 0, serverErrors: 0))
    /// When the daemon started.
    public let startedAt: Date

    /// Creates counters.
    public init(startedAt: Date = Date()) {
        self.startedAt = startedAt
    }

    /// The current values.
    public var snapshot: Snapshot { state.withLock { $0 } }

    /// Counts a new connection if fewer than `limit` are open; false when refused.
    func admit(limit: Int) -> Bool {
        state.withLock { state in
            guard state.connections < limit else {
                state.refused += 1
                return false
            }
            state.connections += 1
            state.accepted += 1
            return true
        }
    }

    func writeTimedOut() { state.withLock { $0.writeTimeouts += 1 } }

    func connectionClosed() { state.withLock { $0.connections -= 1 } }

    func answered(status: Int) {
        state.withLock { state in
            state.requests += 1
            if (400..<500).contains(status) { state.clientErrors += 1 }
            if status >= 500 { state.serverErrors += 1 }
        }
    }
}
