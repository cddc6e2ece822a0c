public import WorkbenchPostgres

/// The core's own migrations (audit log, idempotency keys), applied as module `workbench`
/// before any domain module's.
public enum CoreMigrations {
    /// The core's migration set.
    public static var all: ModuleMigrations {
        ModuleMigrations(module: "workbench", directory: "Sources/WorkbenchControl/Migrations", migrations: EmbeddedMigrations.all)
    }
}
