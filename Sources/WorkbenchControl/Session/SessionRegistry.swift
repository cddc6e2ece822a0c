import NIOCore
import Synchronization

/// The open connections, so that graceful shutdown can close idle ones at once and let busy
/// ones finish their command first.
final class SessionRegistry: Sendable {
    private struct Entry {
        var channel: any Channel
        var activity: SessionActivity
    }

    private let state = Mutex<(entries: [ObjectIdentifier: Entry], draining: Bool)>(([:], false))

    /// Registers a session; false when the server is already draining.
    func register(_ channel: any Channel, activity: SessionActivity) -> Bool {
        state.withLock { state in
            guard !state.draining else { return false }
            state.entries[ObjectIdentifier(activity)] = Entry(channel: channel, activity: activity)
            return true
        }
    }

    func unregister(_ activity: SessionActivity) {
        _ = state.withLock { $0.entries.removeValue(forKey: ObjectIdentifier(activity)) }
    }

    /// Stops new commands everywhere and closes the connections that are idle; busy ones
    /// close after their current reply.
    func drain() {
        let idle = state.withLock { state -> [any Channel] in
            state.draining = true
            return state.entries.values.filter { $0.activity.drain() }.map(\.channel)
        }
        for channel in idle { channel.close(promise: nil) }
    }
}
