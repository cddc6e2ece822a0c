import Testing
import WorkbenchPostgres
import WorkbenchTestSupport
@testable import OrganizationsModule

@Suite("organizations against a real database")
struct OrganizationsModuleTests {
    @Test func migrationsApply() async throws {
        try await TestCluster.withPool { pool, _ in
            let applied = try await MigrationRunner(pool: pool, logger: TestCluster.logger).migrate([OrganizationsModule.moduleMigrations])
            #expect(applied.count == OrganizationsModule.migrations.count)
            let exists = try await pool.withConnection { session in
                try await session.query(PostgresStatement(unnamed: "SELECT to_regclass('organizations.items') IS NOT NULL"))
                    .single().decode(at: 0, as: Bool.self)
            }
            #expect(exists)
        }
    }
}
