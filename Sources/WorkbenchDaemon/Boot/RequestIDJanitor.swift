import Logging
import ServiceLifecycle
import WorkbenchPostgres

/// Deletes `request_id` replies older than `control.request_id_retention`, hourly.
struct RequestIDJanitor: Service {
    let pool: PostgresPool
    let retention: Duration
    let logger: Logger

    static let purge = PostgresStatement(
        "workbench.idempotency.purge",
        "DELETE FROM workbench.idempotency_keys WHERE created_at < now() - make_interval(secs => $1)"
    )

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let deleted = try await pool.withConnection { session in
                        try await session.execute(Self.purge, [Double(retention.components.seconds)])
                    }
                    if deleted > 0 { logger.info("Purged old request ids", metadata: ["request_ids.deleted": "\(deleted)"]) }
                } catch {
                    logger.notice("Could not purge old request ids; will retry", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: .seconds(3600))
            }
        }
    }
}
