public import Foundation
public import WorkbenchKit

/// A clock tests move by hand.
public final class ManualClock: WorkbenchClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    /// Starts at `start`.
    public init(_ start: Date) { current = start }

    /// The time it was set to.
    public var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Sets the time.
    public func set(_ date: Date) {
        lock.lock()
        current = date
        lock.unlock()
    }

    /// Moves the time on.
    public func advance(by seconds: TimeInterval) { set(now.addingTimeInterval(seconds)) }
}
