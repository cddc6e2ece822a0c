import Configuration
public import Foundation
public import Logging
public import WorkbenchControl
import WorkbenchKit
public import WorkbenchPostgres

/// The daemon's settings, read from the YAML file (`--config`, default
/// `/etc/dangjian/dangjian.yaml`) with `DANGJIAN_…` environment overrides. Every key is
/// documented in `config/dangjian.yaml`.
public struct DaemonConfiguration: Sendable {
    /// `daemon.state_dir`: where the daemon keeps its state (the embedded cluster).
    public var stateDirectory: String
    /// `daemon.time_zone`: the zone for "today", working days and shown timestamps.
    public var timeZone: TimeZone
    /// `daemon.log_level`.
    public var logLevel: Logger.Level
    /// `daemon.shutdown_timeout`: how long SIGTERM waits for running commands.
    public var shutdownTimeout: Duration
    /// `control.*`.
    public var control: ControlServerConfiguration
    /// `control.command_timeout`.
    public var commandTimeout: Duration
    /// `control.request_id_retention`: how long `request_id` replies are kept.
    public var requestIDRetention: Duration
    /// `database.url`; nil runs the embedded cluster. The runtime role's connection.
    public var databaseURL: String?
    /// `database.owner_url`: the owner role's connection, used only to apply migrations at
    /// start-up (an external database only; nil: nothing pending may be applied).
    public var databaseOwnerURL: String?
    /// `database.*` connection settings (conninfo filled in at start-up for the embedded cluster).
    public var pool: PostgresPoolConfiguration
    /// `database.embedded.*`.
    public var embedded: EmbeddedPostgresConfiguration
    /// `metrics.listen`: where the Prometheus endpoint listens; nil (the default) runs none.
    public var metricsListen: MetricsListenAddress?
    /// `access.*`.
    public var access: AccessPolicy
    /// `modules.enabled`; nil enables every module in the catalog.
    public var enabledModules: [String]?
    /// The whole reader, for module sections (`modules.<id>`).
    public var values: ConfigurationValues

    /// Where the file was read from, or nil when built-in defaults were used.
    public var source: String?

    /// The default configuration file.
    public static let defaultPath = "/etc/dangjian/dangjian.yaml"

    /// Loads the configuration.
    ///
    /// - Parameters:
    ///   - path: The YAML file; when nil, `DANGJIAN_CONFIG` or the default path, and a missing
    ///     default file means built-in defaults.
    ///   - environment: The process environment (overrides the file).
    public static func load(path: String?, environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> DaemonConfiguration {
        let explicit = path ?? environment["DANGJIAN_CONFIG"]
        let filePath = explicit ?? defaultPath
        var providers: [any ConfigProvider] = [
            EnvironmentVariablesProvider(environmentVariables: environment).prefixKeys(with: "dangjian")
        ]
        var source: String?
        if FileManager.default.fileExists(atPath: filePath) {
            do {
                providers.append(try await FileProvider<YAMLSnapshot>(filePath: .init(filePath)))
            } catch {
                throw ConfigurationError(key: "(file)", message: "cannot read \(filePath): \(error)")
            }
            source = filePath
        } else if explicit != nil {
            throw ConfigurationError(key: "(file)", message: "the configuration file \(filePath) does not exist")
        }
        var configuration = try DaemonConfiguration(ConfigurationValues(ConfigReader(providers: providers)))
        configuration.source = source
        return configuration
    }

    /// Reads every setting from `values`.
    public init(_ values: ConfigurationValues) throws {
        self.values = values
        self.stateDirectory = Self.absolute(values.string("daemon.state_dir", default: "/var/lib/dangjian"))
        let zoneName = values.string("daemon.time_zone", default: "Asia/Shanghai")
        guard let zone = TimeZone(identifier: zoneName) else {
            throw ConfigurationError(key: "daemon.time_zone", message: "\"\(zoneName)\" is not a time zone name such as Asia/Shanghai")
        }
        self.timeZone = zone
        let levelName = values.string("daemon.log_level", default: "info")
        guard let level = Logger.Level(rawValue: levelName) else {
            throw ConfigurationError(
                key: "daemon.log_level", message: "\"\(levelName)\" is not one of trace, debug, info, notice, warning, error, critical"
            )
        }
        self.logLevel = level
        self.shutdownTimeout = try values.duration("daemon.shutdown_timeout", default: .seconds(30))

        // `-` leaves the socket with the daemon's own group.
        let socketGroup = values.string("control.socket_group", default: "dangjian-ctl")
        let listener: ControlServerConfiguration.Listener = .path(
            Self.absolute(values.string("control.socket", default: "/run/dangjian/control.sock")),
            mode: try values.mode("control.socket_mode", default: 0o660),
            group: socketGroup == "-" ? nil : socketGroup
        )
        self.control = ControlServerConfiguration(
            listener: listener,
            maxConnections: try values.int("control.max_connections", default: 64, in: 1...10_000),
            idleTimeout: try values.duration("control.idle_timeout", default: .seconds(600)),
            writeTimeout: try values.duration("control.write_timeout", default: .seconds(30)),
            outputBufferBytes: try values.int("control.output_buffer_kib", default: 256, in: 16...65_536) * 1024
        )
        self.commandTimeout = try values.duration("control.command_timeout", default: .seconds(30))
        self.requestIDRetention = try values.duration("control.request_id_retention", default: .seconds(7 * 86_400))

        self.databaseURL = values.string("database.url")
        self.databaseOwnerURL = values.string("database.owner_url")
        if databaseOwnerURL != nil && databaseURL == nil {
            throw ConfigurationError(key: "database.owner_url", message: "is only used with database.url; the embedded cluster needs neither")
        }
        let statementTimeout = try values.duration("database.statement_timeout", default: .seconds(30))
        self.pool = PostgresPoolConfiguration(
            connection: PostgresConnectionSettings(
                conninfo: databaseURL ?? "",
                applicationName: values.string("database.application_name", default: "dangjiand"),
                connectTimeoutSeconds: try values.int("database.connect_timeout_seconds", default: 5, in: 1...600),
                statementTimeout: statementTimeout == .zero ? nil : statementTimeout,
                timeZone: zoneName
            ),
            size: try values.int("database.pool.size", default: 8, in: 1...500),
            acquireTimeout: try values.duration("database.pool.acquire_timeout", default: .seconds(5)),
            eventLoops: try values.int("database.pool.io_threads", default: 1, in: 1...64),
            cancelGrace: try values.duration("database.pool.cancel_grace", default: .milliseconds(500), in: .milliseconds(10)...(.seconds(60)))
        )
        if let listen = values.string("metrics.listen"), listen != "off" {
            guard let address = MetricsListenAddress(parsing: listen) else {
                throw ConfigurationError(
                    key: "metrics.listen",
                    message: "\"\(listen)\" is not an address and port: write 127.0.0.1:9464, [::1]:9464 or localhost:9464, or off"
                )
            }
            self.metricsListen = address
        } else {
            self.metricsListen = nil
        }
        var settings: [String: String] = [:]
        if let sharedBuffers = values.string("database.embedded.shared_buffers") { settings["shared_buffers"] = sharedBuffers }
        settings["max_connections"] = String(try values.int("database.embedded.max_connections", default: 100, in: 10...10_000))
        // The workbench's statements are short; JIT compiling one whose estimate is high (a
        // statistics breakdown over many periods) costs more than running it: 63 ms of 90 for
        // `org stats by=quarter` of a street on the benchmark's dataset.
        settings["jit"] = "off"
        self.embedded = EmbeddedPostgresConfiguration(
            directory: Self.absolute(values.string("database.embedded.dir", default: stateDirectory + "/postgres")),
            binDirectory: values.string("database.embedded.bin_dir").map(Self.absolute),
            systemUser: values.string("database.embedded.user"),
            database: values.string("database.embedded.database", default: "dangjian"),
            port: try values.int("database.embedded.port", default: 5432, in: 1...65_535),
            settings: settings,
            startTimeout: try values.duration("database.embedded.start_timeout", default: .seconds(60))
        )
        var grants: [Role: AccessPolicy.Grant] = [:]
        for role in Role.allCases {
            let grant = AccessPolicy.Grant(
                users: Set(values.list("access.\(role.rawValue).users")),
                groups: Set(values.list("access.\(role.rawValue).groups"))
            )
            if !grant.users.isEmpty || !grant.groups.isEmpty { grants[role] = grant }
        }
        func scopes(_ key: String) throws -> [String: Set<String>] {
            switch AccessPolicy.scopes(values.list(key)) {
            case .success(let scopes): return scopes
            case .failure(let error):
                throw ConfigurationError(key: key, message: "'\(error.entry)' is not who=CODE[+CODE…] (alice=JD01, street-a=JD01+JD02)")
            }
        }
        self.access = AccessPolicy(
            grants: grants, userScopes: try scopes("access.scopes.users"), groupScopes: try scopes("access.scopes.groups"))
        let enabled = values.list("modules.enabled")
        self.enabledModules = enabled.isEmpty || enabled == ["all"] ? nil : enabled
    }

    /// Relative paths in the configuration are relative to the daemon's working directory
    /// at start-up (the embedded server runs elsewhere, so they are resolved once, here).
    static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        return URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.path
    }

    /// The effective settings as `key: value` lines, secrets redacted (`dangjiand --check-config`).
    public var summary: [(String, String)] {
        var lines: [(String, String)] = [
            ("config file", source ?? "(none: built-in defaults)"),
            ("daemon.state_dir", stateDirectory),
            ("daemon.time_zone", timeZone.identifier),
            ("daemon.log_level", logLevel.rawValue),
            ("daemon.shutdown_timeout", "\(shutdownTimeout)"),
        ]
        switch control.listener {
        case .path(let path, let mode, let group):
            lines += [
                ("control.socket", path), ("control.socket_mode", "0" + String(mode, radix: 8)),
                ("control.socket_group", group ?? "-"),
            ]
        case .inherited(let descriptor):
            lines.append(("control.socket", "systemd fd \(descriptor)"))
        }
        lines += [
            ("control.max_connections", "\(control.maxConnections)"),
            ("control.idle_timeout", "\(control.idleTimeout)"),
            ("control.write_timeout", "\(control.writeTimeout)"),
            ("control.output_buffer_kib", "\(control.outputBufferBytes / 1024)"),
            ("control.command_timeout", "\(commandTimeout)"),
            ("control.request_id_retention", "\(requestIDRetention)"),
            ("database.url", databaseURL.map { PostgresConnectionSettings(conninfo: $0).redactedConninfo } ?? "(embedded cluster)"),
            (
                "database.owner_url",
                databaseOwnerURL.map { PostgresConnectionSettings(conninfo: $0).redactedConninfo }
                    ?? (databaseURL == nil ? "(embedded cluster)" : "none")
            ),
            ("database.pool.size", "\(pool.size)"),
            ("database.pool.acquire_timeout", "\(pool.acquireTimeout)"),
            ("database.pool.io_threads", "\(pool.eventLoops)"),
            ("database.pool.cancel_grace", "\(pool.cancelGrace)"),
            ("database.statement_timeout", pool.connection.statementTimeout.map { "\($0)" } ?? "none"),
            ("metrics.listen", metricsListen.map { "\($0)" } ?? "off"),
        ]
        if databaseURL == nil {
            lines += [
                ("database.embedded.dir", embedded.directory),
                ("database.embedded.bin_dir", embedded.binDirectory ?? "(newest /usr/lib/postgresql/*/bin)"),
                ("database.embedded.user", embedded.systemUser ?? "(postgres under root, else the daemon's user)"),
            ]
        }
        for role in Role.allCases.reversed() {
            let grant = access.grants[role]
            lines.append(
                (
                    "access.\(role.rawValue)",
                    "users: \(grant?.users.sorted().joined(separator: ",") ?? "") groups: \(grant?.groups.sorted().joined(separator: ",") ?? "")"
                ))
        }
        lines.append(("modules.enabled", enabledModules?.joined(separator: ", ") ?? "all"))
        return lines
    }
}
