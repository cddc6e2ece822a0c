public import Foundation
public import Logging
import Metrics
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
///
/// Each pass is counted in `dangjian_background_passes_total{job, outcome="ok|failed"}` and
/// timed in `dangjian_background_pass_duration_seconds{job}`, `job` being ``metricName``.
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

    /// The job's name in metrics: ``PeriodicJob/name`` in lower case with `_` for spaces
    /// (`escalation`, `complaint_clock`).
    public static var metricName: String {
        Job.name.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    }

    /// Runs passes until shutdown.
    public func run() async throws {
        let job = Self.metricName
        let passed = Counter(label: "dangjian_background_passes_total", dimensions: [("job", job), ("outcome", "ok")])
        let failed = Counter(label: "dangjian_background_passes_total", dimensions: [("job", job), ("outcome", "failed")])
        let duration = Metrics.Timer(label: "dangjian_background_pass_duration_seconds", dimensions: [("job", job)])
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let started = ContinuousClock.now
                do {
                    try await self.job.run(at: clock.now)
                    passed.increment()
                } catch is CancellationError {
                    return
                } catch {
                    failed.increment()
                    logger.notice("\(Job.name) pass failed; will retry", metadata: ["error": "\(error)"])
                }
                duration.record(duration: ContinuousClock.now - started)
                try? await Task.sleep(for: interval)
            }
        }
    }
}
