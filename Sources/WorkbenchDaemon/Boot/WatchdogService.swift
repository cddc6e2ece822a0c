import ServiceLifecycle

/// Pings systemd's watchdog at half the interval it asked for, and tells systemd the daemon
/// is stopping as soon as graceful shutdown begins.
struct WatchdogService: Service {
    let notifier: SystemdNotifier

    func run() async throws {
        guard let interval = notifier.watchdogInterval else {
            try? await gracefulShutdown()
            notifier.stopping()
            return
        }
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                notifier.watchdog()
                try? await Task.sleep(for: interval / 2)
            }
        }
        notifier.stopping()
    }
}
