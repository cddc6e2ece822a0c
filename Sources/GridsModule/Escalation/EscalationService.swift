public import Logging
public import ServiceLifecycle
public import WorkbenchKit

/// The background job that runs an ``EscalationSweeper`` pass every ``interval`` at the
/// module clock's time, from daemon start (so it catches up after downtime at once) until
/// graceful shutdown. A failed pass (database down) is logged and retried at the next tick.
public struct EscalationService: Service {
    /// The pass it runs.
    public let sweeper: EscalationSweeper
    let clock: any WorkbenchClock
    let interval: Duration
    let logger: Logger

    /// Creates the service.
    public init(sweeper: EscalationSweeper, clock: any WorkbenchClock, interval: Duration, logger: Logger) {
        self.sweeper = sweeper
        self.clock = clock
        self.interval = interval
        self.logger = logger
    }

    /// Sweeps until shutdown.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    _ = try await sweeper.sweep(at: clock.now)
                } catch is CancellationError {
                    return
                } catch {
                    logger.notice("Escalation pass failed; will retry", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
