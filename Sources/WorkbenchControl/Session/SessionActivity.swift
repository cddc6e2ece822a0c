import Synchronization

/// Whether a connection is running a command, shared between its session loop, the idle
/// closer on its event loop, and the server's drain on shutdown.
final class SessionActivity: Sendable {
    private struct State {
        var busy = false
        var draining = false
    }

    private let state = Mutex(State())

    /// Marks the start of a command; false when the server is draining and the session
    /// should stop instead.
    func beginCommand() -> Bool {
        state.withLock { state in
            guard !state.draining else { return false }
            state.busy = true
            return true
        }
    }

    /// Marks the end of a command; false when the server started draining meanwhile.
    func endCommand() -> Bool {
        state.withLock { state in
            state.busy = false
            return !state.draining
        }
    }

    /// Starts draining; returns whether the session is idle (and may be closed at once).
    func drain() -> Bool {
        state.withLock { state in
            state.draining = true
            return !state.busy
        }
    }

    /// Whether a command is running.
    var isBusy: Bool { state.withLock { $0.busy } }
}
