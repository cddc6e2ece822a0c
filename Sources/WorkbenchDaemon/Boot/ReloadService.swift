import Logging
import ServiceLifecycle
import UnixSignals
import WorkbenchControl

/// Reloads on SIGHUP: re-reads the configuration file and environment, then replaces the
/// access policy (roles) and the log level. Other settings need a restart; a file that no
/// longer parses is logged and the running settings are kept.
struct ReloadService: Service {
    let configurationPath: String?
    let access: AccessPolicyStore
    let levels: LogLevelStore
    let notifier: SystemdNotifier
    let logger: Logger

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        await cancelWhenGracefulShutdown {
            for await _ in signals {
                await reload()
            }
        }
    }

    private func reload() async {
        notifier.reloading()
        do {
            let configuration = try await DaemonConfiguration.load(path: configurationPath)
            access.replace(with: configuration.access)
            levels.current = configuration.logLevel
            for name in configuration.access.unknownNames {
                logger.warning("The access configuration names something that does not exist", metadata: ["access.name": "\(name)"])
            }
            logger.notice("Reloaded roles and log level", metadata: ["log.level": "\(configuration.logLevel)"])
            notifier.ready(status: "serving (reloaded)")
        } catch {
            logger.error("Reload failed; keeping the running settings", metadata: ["error": "\(error)"])
            notifier.ready(status: "serving (reload failed: see the log)")
        }
    }
}
