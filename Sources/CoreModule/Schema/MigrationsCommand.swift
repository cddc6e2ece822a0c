import WorkbenchKit
import WorkbenchPostgres

/// The `migrations` admin command: every migration of the core and the loaded modules,
/// applied or pending.
enum MigrationsCommand {
    static func spec(sets: [ModuleMigrations], runner: MigrationRunner) -> CommandSpec {
        CommandSpec(
            "migrations",
            synopsis: "List applied and pending schema migrations",
            help: """
                Pending migrations are applied at start-up, all in one transaction under an advisory lock.
                'changed' means a file was edited after it was applied (start-up refuses that);
                'unknown' means the database has a migration this build lacks (a newer dangjiand applied it).
                """,
            arguments: [.optional("state", .enumeration(["applied", "pending", "changed", "unknown"]), help: "Only this state")],
            role: .admin,
            examples: ["migrations", "migrations state=pending"]
        ) { invocation in
            let filter = invocation.arguments.optionalString("state")
            let rows = try await runner.status(sets).filter { filter == nil || $0.state.rawValue == filter }
            return .table(
                columns: ["module", "version", "name", "state", "applied_at", "ms", "checksum"],
                rows: rows.map { status in
                    [
                        .string(status.module), .int(Int64(status.version)), .string(status.name), .string(status.state.rawValue),
                        .timestamp(status.appliedAt), .int(status.executionMilliseconds), .string(String(status.checksum.prefix(12))),
                    ]
                }
            )
        }
    }
}
