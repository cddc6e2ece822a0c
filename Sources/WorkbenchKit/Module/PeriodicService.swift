public import Foundation
public import Logging
public import ServiceLifecycle

/// A background pass a module runs again and again at its clock's time: the grids'
/// escalation sweep, the property complaint clock.
public protocol PeriodicJob: Sendable {
    /// What logs call it (`Escalation`, `Complaint clock`).
    static var name: String { get }
    /// Runs one pass as of `now`.
    func run(at now: Date) async throws
}

/// Runs a ``PeriodicJob`` every ``interval`` at the module clock's time, from daemon start
/// (so it catches up after downtime at once) until graceful shutdown. A failed pass
/// (database down) is logged and retried at the next tick.
public struct PeriodicService<Job: PeriodicJob>: Service {
    /// The pass it runs.
    public let job: Job
    let clock: any WorkbenchClock
    let interval: Duration
    let logger: Logger

    /// Creates the service.
    public init(job: Job, clock: any WorkbenchClock, interval: Duration, logger: Logger) {
        self.job = job
        self.clock = clock
        self.interval = interval
        self.logger = logger
    }

    /// Runs passes until shutdown.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await job.run(at: clock.now)
                } catch is CancellationError {
                    return
                } catch {
                    logger.notice("\(Job.name) pass failed; will retry", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
