import Foundation
import WorkbenchPostgres

/// Turns on statement logging for the whole cluster for the length of a capture, reads what
/// the server logged, and puts the settings back.
///
/// The settings are changed with `ALTER SYSTEM` and `pg_reload_conf()` (a superuser's), so
/// the daemon's open connections log too without being restarted. The log is read through
/// the same connection with `pg_read_binary_file`, so the bench needs no access to the
/// server's files: the file `pg_current_logfile()` names when the logging collector runs,
/// otherwise the server's standard error (`/proc/self/fd/2` of the reading backend, the file
/// the postmaster's standard error was sent to, as the daemon's embedded cluster does).
final class StatementLogSettings {
    /// What starts every line the capture's settings make the server write.
    static let linePrefixMarker = "djcap|"
    /// `log_line_prefix` during a capture: the marker, the backend's pid and its database.
    static let linePrefix = linePrefixMarker + "%p|%d|"

    /// The settings a capture changes and the values it gives them.
    static let captureValues: [(name: String, value: String)] = [
        ("log_statement", "all"),
        ("log_destination", "stderr"),
        ("log_line_prefix", linePrefix),
        ("log_min_messages", "warning"),
        ("log_min_duration_statement", "-1"),
        ("log_duration", "off"),
        ("log_parameter_max_length", "-1"),
        ("log_error_verbosity", "default"),
        ("lc_messages", "C"),
    ]

    private let connection: PostgresConnection
    /// Settings that were in postgresql.auto.conf before, with their values there.
    private var previousSystemValues: [String: String] = [:]
    private var applied = false
    private var logFile = ""
    private var startOffset: Int64 = 0

    init(connection: PostgresConnection) {
        self.connection = connection
    }

    /// Changes the settings and waits until this session sees them; notes where the log ends.
    func apply() throws {
        let superuser = try connection.execute(
            PostgresStatement(unnamed: "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"), []
        ).single().decode(at: 0, as: Bool.self)
        guard superuser else {
            throw BenchError(
                "capturing the daemon's statements needs a superuser connection (ALTER SYSTEM, pg_read_binary_file); "
                    + "pass --database with a superuser role, or --no-same-work to skip the pgbench run of the mix's own statements"
            )
        }
        for (name, _) in Self.captureValues {
            let rows = try connection.execute(
                PostgresStatement(unnamed: "SELECT setting, sourcefile FROM pg_settings WHERE name = $1"), [name]
            )
            guard let row = rows.first else { continue }
            if let file = try row.decode(at: 1, as: String?.self), file.hasSuffix("postgresql.auto.conf") {
                previousSystemValues[name] = try row.decode(at: 0, as: String.self)
            }
        }
        applied = true
        for (name, value) in Self.captureValues {
            _ = try connection.executeScript("ALTER SYSTEM SET \(name) = \(Self.quoted(value))")
        }
        try reloadAndWait { $0 == Self.linePrefix }
        logFile = try currentLogFile()
        startOffset = try size(of: logFile)
    }

    /// Everything the server logged since ``apply()``, as text.
    func readLog() throws -> String {
        let end = try size(of: logFile)
        guard end > startOffset else { return "" }
        let data = try connection.execute(
            PostgresStatement(unnamed: "SELECT pg_read_binary_file($1, $2, $3)"), [logFile, startOffset, end - startOffset]
        ).single().decode(at: 0, as: Data.self)
        return String(decoding: data, as: UTF8.self)
    }

    /// Puts every setting back as it was (in postgresql.auto.conf or not set there) and
    /// reloads. Safe to call more than once.
    func restore() throws {
        guard applied else { return }
        for (name, _) in Self.captureValues {
            if let previous = previousSystemValues[name] {
                _ = try connection.executeScript("ALTER SYSTEM SET \(name) = \(Self.quoted(previous))")
            } else {
                _ = try connection.executeScript("ALTER SYSTEM RESET \(name)")
            }
        }
        applied = false
        try reloadAndWait { $0 != Self.linePrefix }
    }

    /// The statements an operator runs to undo a capture that was interrupted.
    static var manualReset: String {
        captureValues.map { "ALTER SYSTEM RESET \($0.name);" }.joined(separator: " ") + " SELECT pg_reload_conf();"
    }

    // MARK: Steps

    /// Reloads the configuration and waits until this backend's `log_line_prefix` satisfies
    /// `done`: the postmaster signals every backend in the same pass, so the daemon's
    /// backends apply the change before their next command.
    private func reloadAndWait(until done: (String) -> Bool) throws {
        _ = try connection.executeScript("SELECT pg_reload_conf()")
        let deadline = Date().addingTimeInterval(10)
        while true {
            let value = try connection.execute(PostgresStatement(unnamed: "SELECT current_setting('log_line_prefix')"), []).single().decode(
                at: 0, as: String.self
            )
            if done(value) { return }
            guard Date() < deadline else {
                throw BenchError("the server did not apply the logging settings within 10 s after pg_reload_conf(); see its log")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    private func currentLogFile() throws -> String {
        let collector = try connection.execute(PostgresStatement(unnamed: "SELECT current_setting('logging_collector')"), []).single().decode(
            at: 0, as: String.self
        )
        if collector == "on" {
            let deadline = Date().addingTimeInterval(10)
            while true {
                let file = try connection.execute(PostgresStatement(unnamed: "SELECT pg_current_logfile('stderr')"), []).single().decode(
                    at: 0, as: String?.self
                )
                if let file {
                    let directory = try connection.execute(PostgresStatement(unnamed: "SELECT current_setting('data_directory')"), []).single()
                        .decode(at: 0, as: String.self)
                    return file.hasPrefix("/") ? file : directory + "/" + file
                }
                guard Date() < deadline else { throw BenchError("the logging collector names no stderr log file; check log_directory") }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        return "/proc/self/fd/2"
    }

    private func size(of file: String) throws -> Int64 {
        do {
            return try connection.execute(PostgresStatement(unnamed: "SELECT size FROM pg_stat_file($1)"), [file]).single().decode(
                at: 0, as: Int64.self
            )
        } catch {
            throw BenchError(
                "cannot read the server's log \(file) through the connection (\(error)); the capture needs the log in a file: "
                    + "the server's standard error sent to a file, or logging_collector = on"
            )
        }
    }

    private static func quoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
