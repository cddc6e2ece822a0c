import Foundation
public import WorkbenchKit
public import WorkbenchPostgres

/// Writes and reads `workbench.audit_log`.
///
/// A successful change's row is written on the change's own transaction (its session), so
/// both commit or neither does; refusals are written on a transaction of their own.
public enum AuditLog {
    /// Queues a row on `session` (inside the caller's transaction, when it has one): it
    /// travels with the session's next round trip — the transaction's `COMMIT`, or the end of
    /// the `withConnection` closure — and a failure to write it fails that round trip.
    public static func append(_ record: AuditRecord, on session: PostgresSession) throws {
        let arguments = String(decoding: try JSONSerialization.data(withJSONObject: record.arguments, options: [.sortedKeys]), as: UTF8.self)
        let milliseconds =
            Double(record.duration.components.seconds) * 1000
            + Double(record.duration.components.attoseconds) / 1e15
        session.send(
            Queries.append,
            [
                record.caller.pid, Int64(record.caller.uid), record.caller.userName, record.caller.role?.rawValue,
                record.module, record.command, arguments, record.requestID, record.status.code, record.errorCode,
                String(record.summary.prefix(500)), (milliseconds * 1000).rounded() / 1000, record.caller.scope,
            ]
        )
    }

    enum Queries {
        static let append = PostgresStatement(
            "workbench.audit.append",
            """
            INSERT INTO workbench.audit_log
                (peer_pid, peer_uid, peer_user, role, module, command, arguments, request_id, reply_status, reply_code,
                 summary, duration_ms, scope)
            VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12, $13::text[])
            """
        )
    }
}
