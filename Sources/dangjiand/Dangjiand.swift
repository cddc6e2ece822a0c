import ArgumentParser
import Foundation
import WorkbenchDaemon

/// `dangjiand`: the Dangjian Workbench daemon.
@main
struct Dangjiand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dangjiand",
        abstract: "The Dangjian Workbench daemon: serves the workbench modules on a control socket.",
        discussion: """
            Reads its configuration from --config (default /etc/dangjian/dangjian.yaml; built-in defaults when that
            file is missing), with DANGJIAN_… environment variables overriding single keys (database.url →
            DANGJIAN_DATABASE_URL). Without database.url it runs a private PostgreSQL cluster under daemon.state_dir.
            Under systemd it supports Type=notify, the watchdog and socket activation (a socket named "control").
            SIGTERM drains and stops; SIGHUP reloads roles and the log level.
            """,
        version: WorkbenchVersion.current
    )

    @Option(name: .long, help: "The configuration file.")
    var config: String?

    @Flag(name: .long, help: "Check the configuration, print the effective settings and exit.")
    var checkConfig = false

    func run() async throws {
        if checkConfig {
            do {
                let configuration = try await DaemonConfiguration.load(path: config)
                let width = configuration.summary.map(\.0.count).max() ?? 0
                for (key, value) in configuration.summary {
                    print(key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value)
                }
                print("configuration OK")
                return
            } catch {
                FileHandle.standardError.write(Data("dangjiand: \(error)\n".utf8))
                throw ExitCode(78)
            }
        }
        let status = await Daemon(configurationPath: config).run()
        if status != 0 { throw ExitCode(status) }
    }
}
