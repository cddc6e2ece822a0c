import Foundation
import Logging
import ServiceLifecycle

/// Keeps SIGTERM's promise — the daemon exits within `daemon.shutdown_timeout` — whatever
/// the database does.
///
/// The shutdown budget is split: running commands and services get
/// ``gracefulPart(of:)`` to finish on their own; then the service group cancels them, and
/// every wait left (a cancelled statement's grace period, the embedded server's immediate
/// shutdown and kill) is bounded to fit in the rest. As a last resort this service, once
/// graceful shutdown has begun, ends the process from a thread of its own when the whole
/// budget has passed.
struct ShutdownDeadline: Service {
    let timeout: Duration
    let logger: Logger

    /// How much of the budget running work gets before it is cancelled: all but the time the
    /// bounded clean-up after cancellation may need (4 s, or half of a shorter budget).
    static func gracefulPart(of timeout: Duration) -> Duration {
        timeout - min(.seconds(4), timeout / 2)
    }

    func run() async throws {
        try? await gracefulShutdown()
        let timeout = timeout
        let logger = logger
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: seconds)
            logger.critical(
                "Shutdown took longer than daemon.shutdown_timeout; exiting without finishing", metadata: ["daemon.shutdown_timeout": "\(timeout)"])
            _exit(1)
        }
    }
}
