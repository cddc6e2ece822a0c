import Foundation
import Logging
import WorkbenchKit
import WorkbenchPostgres

/// Deletes `request_id` replies older than the retention (`control.request_id_retention`,
/// 7 days by default): the core module runs it hourly through a ``PeriodicService``.
struct RequestIDJanitor: PeriodicJob {
    static let name = "Request id purge"

    let pool: PostgresPool
    let retention: Duration
    let logger: Logger

    func run(at now: Date) async throws {
        let deleted = try await pool.withConnection { session in
            try await session.execute(Queries.purge, [now.addingTimeInterval(-Double(retention.components.seconds))])
        }
        if deleted > 0 { logger.info("Purged old request ids", metadata: ["request_ids.deleted": "\(deleted)"]) }
    }

    enum Queries {
        static let purge = PostgresStatement(
            "workbench.idempotency.purge",
            "DELETE FROM workbench.idempotency_keys WHERE created_at < $1"
        )
    }
}
