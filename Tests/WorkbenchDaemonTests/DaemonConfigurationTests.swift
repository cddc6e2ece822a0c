import Foundation
import ConsultationsModule
import GridsModule
import OrganizationsModule
import PropertyModule
import StationsModule
import Testing
import WorkbenchControl
import WorkbenchDaemon
import WorkbenchKit
import WorkbenchTestSupport

@Suite("Daemon configuration: file, environment overrides, strict values")
struct DaemonConfigurationTests {
    private func write(_ yaml: String) throws -> String {
        let directory = try TestCluster.makeTemporaryDirectory("dangjian-config")
        let path = directory + "/dangjian.yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theDocumentedSampleLoadsWithItsDefaults() async throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../config/dangjian.yaml").path
        let configuration = try await DaemonConfiguration.load(path: sample, environment: [:])
        #expect(configuration.stateDirectory == "/var/lib/dangjian")
        #expect(configuration.timeZone.identifier == "Asia/Shanghai")
        #expect(configuration.control.listener == .path("/run/dangjian/control.sock", mode: 0o660, group: "dangjian-ctl"))
        #expect(configuration.control.maxConnections == 64)
        #expect(configuration.control.idleTimeout == .seconds(600))
        #expect(configuration.commandTimeout == .seconds(30))
        #expect(configuration.databaseURL == nil)
        #expect(configuration.pool.size == 8)
        #expect(configuration.embedded.directory == "/var/lib/dangjian/postgres")
        #expect(configuration.access.grants[.admin]?.users == ["root"])
        #expect(configuration.access.grants[.admin]?.groups == ["dangjian-admin"])
        #expect(configuration.access.grants[.operator]?.groups == ["dangjian-ctl"])
        #expect(configuration.enabledModules == nil)
        #expect(configuration.metricsListen == nil)
        #expect(configuration.databaseOwnerURL == nil)
        // The grids section spells out the module's defaults, so its comments stay true.
        #expect(try OrganizationsSettings(config: configuration.values.scoped("modules.organizations")) == OrganizationsSettings())
        #expect(try GridsSettings(config: configuration.values.scoped("modules.grids")) == GridsSettings())
        #expect(try PropertySettings(config: configuration.values.scoped("modules.property")) == PropertySettings())
        #expect(try StationsSettings(config: configuration.values.scoped("modules.stations")) == StationsSettings())
        #expect(
            try ConsultationsSettings(
                config: configuration.values.scoped("modules.consultations"), pointsCategories: OrganizationsSettings.defaultPointsCategories)
                == ConsultationsSettings()
        )
    }

    @Test func gridsSettingsAreReadFromTheFile() async throws {
        let path = try write(
            "modules:\n  grids:\n    deadlines:\n      street: { normal: 7 working_days }\n    warning_share: 0.75\n"
                + "    start_levels: [\"乱停车 * community\"]\n"
        )
        let configuration = try await DaemonConfiguration.load(path: path, environment: ["DANGJIAN_MODULES_GRIDS_SWEEP_INTERVAL_SECONDS": "5"])
        let settings = try GridsSettings(config: configuration.values.scoped("modules.grids"))
        #expect(settings.escalation.deadline(at: .street, urgency: .normal) == CalendarDuration(7, .workingDays))
        #expect(settings.escalation.deadline(at: .street, urgency: .urgent) == CalendarDuration(24, .hours))
        #expect(settings.escalation.warningShare == 0.75)
        #expect(settings.escalation.startLevel(category: "乱停车", urgency: .normal) == .community)
        #expect(settings.sweepInterval == .seconds(5))
    }

    @Test func scopesAreReadFromTheFileAndTheEnvironment() async throws {
        let path = try write("access:\n  scopes:\n    users: [\"alice=JD01\", \"bob=SQ01+SQ02\"]\n    groups: [\"street-a=JD01\"]\n")
        let file = try await DaemonConfiguration.load(path: path, environment: [:])
        #expect(file.access.userScopes == ["alice": ["JD01"], "bob": ["SQ01", "SQ02"]])
        #expect(file.access.groupScopes == ["street-a": ["JD01"]])
        let overridden = try await DaemonConfiguration.load(path: path, environment: ["DANGJIAN_ACCESS_SCOPES_USERS": "carol=JD02"])
        #expect(overridden.access.userScopes == ["carol": ["JD02"]])
    }

    @Test func environmentOverridesTheFile() async throws {
        let path = try write("control:\n  max_connections: 10\ndatabase:\n  pool:\n    size: 3\n")
        let configuration = try await DaemonConfiguration.load(
            path: path,
            environment: [
                "DANGJIAN_CONTROL_MAX_CONNECTIONS": "20", "DANGJIAN_DATABASE_URL": "postgresql://u:secret@db/x",
                "DANGJIAN_ACCESS_OPERATOR_GROUPS": "ops, street-staff",
            ]
        )
        #expect(configuration.control.maxConnections == 20)
        #expect(configuration.pool.size == 3)
        #expect(configuration.databaseURL == "postgresql://u:secret@db/x")
        #expect(configuration.access.grants[.operator]?.groups == ["ops", "street-staff"])
        #expect(configuration.summary.contains { $0.0 == "database.url" && $0.1 == "postgresql://u:***@db/x" })
    }

    @Test(arguments: [
        ("daemon:\n  time_zone: Mars/Olympus\n", "daemon.time_zone"),
        ("daemon:\n  log_level: loud\n", "daemon.log_level"),
        ("control:\n  max_connections: many\n", "control.max_connections"),
        ("control:\n  max_connections: 0\n", "control.max_connections"),
        ("control:\n  socket_mode: \"0999\"\n", "control.socket_mode"),
        ("control:\n  idle_timeout: soon\n", "control.idle_timeout"),
        ("database:\n  pool:\n    size: -1\n", "database.pool.size"),
        ("database:\n  pool:\n    io_threads: 0\n", "database.pool.io_threads"),
        ("database:\n  pool:\n    cancel_grace: 0s\n", "database.pool.cancel_grace"),
        ("database:\n  pool:\n    cancel_grace: later\n", "database.pool.cancel_grace"),
        ("metrics:\n  listen: 9464\n", "metrics.listen"),
        ("metrics:\n  listen: \"example.org:9464\"\n", "metrics.listen"),
        ("database:\n  owner_url: \"dbname=x\"\n", "database.owner_url"),
        ("access:\n  scopes:\n    users: [alice]\n", "access.scopes.users"),
        ("access:\n  scopes:\n    groups: [\"street-a=JD01+\"]\n", "access.scopes.groups"),
    ])
    func malformedValuesNameTheirKey(yaml: String, key: String) async throws {
        let path = try write(yaml)
        let error = await #expect(throws: ConfigurationError.self) { try await DaemonConfiguration.load(path: path, environment: [:]) }
        #expect(error?.key == key)
        #expect(error?.description.contains(ConfigurationError.environmentName(of: key)) == true)
    }

    @Test func aMissingExplicitFileIsAnError() async {
        await #expect(throws: ConfigurationError.self) {
            try await DaemonConfiguration.load(path: "/nonexistent/dangjian.yaml", environment: [:])
        }
    }

    @Test func relativePathsResolveAgainstTheWorkingDirectory() async throws {
        let path = try write("daemon:\n  state_dir: rel/state\ncontrol:\n  socket: rel/run/c.sock\n  socket_group: \"-\"\n")
        let configuration = try await DaemonConfiguration.load(path: path, environment: [:])
        let cwd = FileManager.default.currentDirectoryPath
        #expect(configuration.stateDirectory == cwd + "/rel/state")
        #expect(configuration.embedded.directory == cwd + "/rel/state/postgres")
        #expect(configuration.control.listener == .path(cwd + "/rel/run/c.sock", mode: 0o660, group: nil))
    }

    @Test(arguments: [
        ("500ms", Duration.milliseconds(500)), ("30s", .seconds(30)), ("5m", .seconds(300)), ("2h", .seconds(7200)),
        ("1d", .seconds(86_400)), ("1.5s", .milliseconds(1500)), ("45", .seconds(45)),
    ])
    func durations(text: String, expected: Duration) async throws {
        let path = try write("daemon:\n  shutdown_timeout: \"\(text)\"\n")
        #expect(try await DaemonConfiguration.load(path: path, environment: [:]).shutdownTimeout == expected)
    }

    @Test func modulesEnabledList() async throws {
        let path = try write("modules:\n  enabled: [organizations, grids]\n")
        #expect(try await DaemonConfiguration.load(path: path, environment: [:]).enabledModules == ["organizations", "grids"])
    }
}
