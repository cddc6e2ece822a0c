public import Foundation

/// Where modules read the wall-clock time, so tests can set it.
public protocol WorkbenchClock: Sendable {
    /// The current instant.
    var now: Date { get }
}

/// The system's real-time clock.
public struct SystemClock: WorkbenchClock {
    /// Creates the clock.
    public init() {}
    public var now: Date { Date() }
}
