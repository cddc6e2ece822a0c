@testable import CoreModule
import Foundation
import Testing
import WorkbenchPostgres
import WorkbenchTestSupport

/// The core's hourly job: request ids older than the retention go, younger ones stay.
@Suite("Request id purge")
struct RequestIDJanitorTests {
    @Test func aPassDeletesOnlyTheIDsOlderThanTheRetention() async throws {
        try await TestCluster.withPool(size: 1) { pool, _ in
            try await MigrationRunner(pool: pool, logger: TestCluster.logger).migrate([CoreModule.moduleMigrations])
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            try await pool.withConnection { session in
                for (id, age) in [("old", 8 * 86_400.0), ("edge", 7 * 86_400.0 - 60), ("new", 60.0)] {
                    try await session.execute(
                        PostgresStatement(
                            unnamed: """
                                INSERT INTO workbench.idempotency_keys (caller_uid, request_id, module, command, arguments, created_at)
                                VALUES (1000, $1, 'grids', 'case report', '{}', $2)
                                """
                        ),
                        [id, now.addingTimeInterval(-age)]
                    )
                }
            }
            let janitor = RequestIDJanitor(pool: pool, retention: .seconds(7 * 86_400), logger: TestCluster.logger)
            try await janitor.run(at: now)
            let kept = try await pool.withConnection { session in
                try await session.query(PostgresStatement(unnamed: "SELECT request_id FROM workbench.idempotency_keys ORDER BY request_id"))
                    .map { try $0.decode("request_id", as: String.self) }
            }
            #expect(kept == ["edge", "new"])
        }
    }
}
