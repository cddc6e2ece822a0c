import ArgumentParser
import Foundation
import WorkbenchPostgres

/// Where the daemon's database is: the bench reads and seeds it directly, and runs pgbench
/// against the same cluster.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("database"),
        help: ArgumentHelp(
            "libpq connection string of the daemon's database.",
            discussion: "Default: the development cluster of 'deploy/dev run' (.dev/state/postgres/socket, database dangjian, user postgres).",
            valueName: "conninfo"
        )
    )
    var conninfo: String?

    /// The connection string, with the development cluster as the default.
    var resolvedConninfo: String {
        conninfo ?? "host=\(FileManager.default.currentDirectoryPath)/.dev/state/postgres/socket dbname=dangjian user=postgres"
    }

    /// Opens a connection for the bench (no statement timeout: a seed runs long).
    func connect(applicationName: String) throws -> PostgresConnection {
        do {
            return try PostgresConnection(
                settings: PostgresConnectionSettings(conninfo: resolvedConninfo, applicationName: applicationName, statementTimeout: nil)
            )
        } catch {
            throw BenchError("cannot connect to \(resolvedConninfo): \(error); start the daemon first (deploy/dev run) or pass --database")
        }
    }
}
