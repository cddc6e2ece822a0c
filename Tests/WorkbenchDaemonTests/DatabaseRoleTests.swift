import Foundation
import Testing
import WorkbenchControl
import WorkbenchDaemon
import WorkbenchKit
import WorkbenchPostgres
import WorkbenchTestSupport

/// Commands run as an ordinary role that the database can bind: the runtime role cannot empty
/// or rewrite the audit log, change a table's shape or write a status machine; every table of
/// every module is granted to it; and the start-up check refuses a superuser.
@Suite("The runtime database role")
struct DatabaseRoleTests {
    /// What the runtime role tries, and the SQLSTATE the database answers.
    static let refusedToRuntime: [(sql: String, state: SQLState)] = [
        ("TRUNCATE workbench.audit_log", .insufficientPrivilege),
        ("DELETE FROM workbench.audit_log", .insufficientPrivilege),
        ("UPDATE workbench.audit_log SET summary = 'forged'", .insufficientPrivilege),
        ("DROP TRIGGER audit_log_append_only ON workbench.audit_log", .insufficientPrivilege),
        ("ALTER TABLE grids.cases ADD COLUMN forged text", .insufficientPrivilege),
        ("INSERT INTO grids.case_transitions SELECT * FROM grids.case_transitions LIMIT 1", .insufficientPrivilege),
        ("DELETE FROM grids.case_events", .insufficientPrivilege),
        ("DELETE FROM workbench.schema_migrations", .insufficientPrivilege),
        ("CREATE TABLE organizations.forged (id int)", .insufficientPrivilege),
    ]

    @Test func theRuntimeRoleCannotEmptyTheAuditLogNorChangeTheSchema() async throws {
        try await ModuleHarness.with(ModuleCatalog.all) { harness in
            _ = try await harness.create("org unit add code=SZ name=市中区委 kind=district")
            let before = try await harness.scalar("SELECT count(*) FROM workbench.audit_log", as: Int.self)
            #expect(before > 0)
            for (sql, state) in Self.refusedToRuntime {
                do {
                    try await harness.pool.withConnection { _ = try await $0.executeScript(sql) }
                    Issue.record("the runtime role could run: \(sql)")
                } catch let error as PostgresError {
                    #expect(error.sqlState == state, "\(sql): \(error)")
                }
            }
            #expect(try await harness.scalar("SELECT count(*) FROM workbench.audit_log", as: Int.self) == before)
        }
    }

    @Test func theOwnerCannotTruncateTheAuditLogEither() async throws {
        try await TestCluster.withPool(size: 1) { owner, _ in
            let builder = WorkbenchBuilder(
                modules: [], pool: owner, timeZone: TimeZone(identifier: "Asia/Shanghai")!, commandTimeout: .seconds(30), version: "test",
                logger: { _ in TestCluster.logger }
            )
            try await builder.migrate()
            do {
                try await owner.withConnection { _ = try await $0.executeScript("TRUNCATE workbench.audit_log") }
                Issue.record("TRUNCATE of the audit log succeeded")
            } catch let error as PostgresError {
                #expect(error.sqlState == .raiseException)
                #expect(error.message.contains("append-only"))
            }
        }
    }

    @Test func everyTableOfEveryModuleIsGrantedAndOwnedByTheOwner() async throws {
        try await ModuleHarness.with(ModuleCatalog.all) { harness in
            let schemas = ["workbench"] + ModuleCatalog.all.map { $0.id }
            let rows = try await harness.pool.withConnection { session in
                try await session.query(
                    PostgresStatement(
                        unnamed: """
                            SELECT n.nspname || '.' || c.relname AS name,
                                   has_table_privilege($2, c.oid, 'SELECT') AS can_read,
                                   has_table_privilege($2, c.oid, 'TRUNCATE') AS can_truncate,
                                   has_table_privilege($2, c.oid, 'TRIGGER') AS can_trigger,
                                   pg_get_userbyid(c.relowner) = current_user AS owned
                            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                            WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'p', 'v', 'm')
                            ORDER BY 1
                            """
                    ),
                    [schemas, DatabaseRoles.runtimeGroup]
                ).map { row in
                    (
                        name: try row.decode("name", as: String.self), read: try row.decode("can_read", as: Bool.self),
                        truncate: try row.decode("can_truncate", as: Bool.self), trigger: try row.decode("can_trigger", as: Bool.self),
                        owned: try row.decode("owned", as: Bool.self)
                    )
                }
            }
            #expect(rows.count > 50, "the walk found the tables")
            let unreadable = rows.filter { !$0.read }.map(\.name)
            #expect(
                unreadable.isEmpty,
                "tables without a grant to \(DatabaseRoles.runtimeGroup): add one in the migration that creates them: \(unreadable)")
            #expect(rows.filter { $0.truncate || $0.trigger }.isEmpty, "the runtime role may TRUNCATE or add triggers")
            #expect(rows.filter(\.owned).isEmpty, "the runtime role owns tables")
        }
    }

    @Test func theStartUpCheckRefusesASuperuserAndAcceptsTheRuntimeLogin() async throws {
        try await TestCluster.withPool(size: 1) { owner, conninfo in
            let runtime = TestCluster.pool(TestCluster.runtimeConninfo(conninfo), size: 1)
            do {
                let builder = WorkbenchBuilder(
                    modules: ModuleCatalog.all, pool: owner, timeZone: TimeZone(identifier: "Asia/Shanghai")!, commandTimeout: .seconds(30),
                    version: "test", logger: { _ in TestCluster.logger }
                )
                try await builder.migrate()
                do {
                    try await builder.verifyRuntimeRole(setting: "database.url")
                    Issue.record("a superuser passed the check")
                } catch let error as WorkbenchError {
                    #expect(error.code == "startup.database_role")
                    #expect(error.message.contains("is a superuser"), "\(error.message)")
                    #expect(error.message.contains("schema workbench"), "\(error.message)")
                    #expect(error.message.hasPrefix("database.url connects as "))
                }
                var serving = builder
                serving.pool = runtime
                try await serving.verifyRuntimeRole(setting: "database.url")
            } catch {
                await runtime.shutdown()
                throw error
            }
            await runtime.shutdown()
        }
    }

    /// What the check says, finding by finding.
    @Test(arguments: [
        (RuntimeRoleCheck(role: "app", isSuperuser: false, bypassesRowSecurity: false, isRuntimeMember: true, owned: []), [String]()),
        (
            RuntimeRoleCheck(role: "app", isSuperuser: false, bypassesRowSecurity: true, isRuntimeMember: false, owned: []),
            ["app bypasses row-level security (BYPASSRLS)", "app is not a member of dangjian_runtime"]
        ),
        (
            RuntimeRoleCheck(
                role: "pg", isSuperuser: true, bypassesRowSecurity: false, isRuntimeMember: true, owned: (1...7).map { "grids.t\($0)" }
            ),
            ["pg is a superuser", "pg owns grids.t1, grids.t2, grids.t3, grids.t4, grids.t5 and 2 more"]
        ),
        (
            RuntimeRoleCheck(
                role: "app", isSuperuser: false, bypassesRowSecurity: false, isRuntimeMember: true, owned: [], canBecomeScoped: false
            ),
            ["app cannot switch to dangjian_scoped, so a scoped caller's commands would fail (GRANT dangjian_scope_gate TO app)"]
        ),
        (
            RuntimeRoleCheck(role: "app", isSuperuser: false, bypassesRowSecurity: false, isRuntimeMember: true, owned: [], inheritsScoped: true),
            [
                "app has the privileges of dangjian_scoped, so every command would be held to a scope "
                    + "(grant dangjian_scope_gate, which is NOINHERIT, instead)"
            ]
        ),
    ])
    func problems(check: RuntimeRoleCheck, expected: [String]) {
        #expect(check.problems == expected)
    }

    @Test(arguments: [
        ("host='/run/pg' port=5432 dbname='d' user='postgres'", "host='/run/pg' port=5432 dbname='d' user='dangjian_app'"),
        ("user=postgres dbname=d", "user='dangjian_app' dbname=d"),
        ("host=/run/pg dbname=d", "host=/run/pg dbname=d user='dangjian_app'"),
    ])
    func runtimeConninfo(conninfo: String, expected: String) {
        #expect(DatabaseRoles.conninfo(conninfo, user: DatabaseRoles.embeddedLogin) == expected)
    }
}
