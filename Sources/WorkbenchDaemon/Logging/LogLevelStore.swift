import Synchronization
public import Logging

/// The daemon's log level, shared by every logger and changed on SIGHUP.
public final class LogLevelStore: Sendable {
    private let level: Mutex<Logger.Level>

    /// Creates a store.
    public init(_ level: Logger.Level) {
        self.level = Mutex(level)
    }

    /// The level in force.
    public var current: Logger.Level {
        get { level.withLock { $0 } }
        set { level.withLock { $0 = newValue } }
    }
}
