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
        let milliseconds = Double(record.duration.components.seconds) * 1000
            + Double(record.duration.components.attoseconds) / 1e15
        session.send(
            Queries.append,
            [
                record.caller.pid, Int64(record.caller.uid), record.caller.userName, record.caller.role?.rawValue,
                record.module, record.command, arguments, record.requestID, record.status.code, record.errorCode,
                String(record.summary.prefix(500)), (milliseconds * 1000).rounded() / 1000,
            ]
        )
    }

    /// The `audit tail` reply: the newest `count` rows, optionally of one module, oldest first.
    public static func tail(count: Int64, module: String?, on session: PostgresSession) async throws -> Reply {
        let rows = try await session.query(Queries.tail, [count, module])
        let columns = ["id", "at", "user", "uid", "role", "command", "arguments", "request_id", "status", "code", "summary", "ms"]
        var table: [[ReplyValue]] = []
        for row in rows.reversed() {
            let module: String = try row.decode("module")
            let command: String = try row.decode("command")
            table.append([
                .int(try row.decode("id", as: Int64.self)),
                .timestamp(try row.decode("at", as: Date.self)),
                .string(try row.decode("peer_user", as: String.self)),
                .int(try row.decode("peer_uid", as: Int64.self)),
                .string(try row.decode("role", as: String?.self)),
                .string(module.isEmpty ? command : "\(module) \(command)"),
                .string(try row.decode("arguments", as: String.self)),
                .string(try row.decode("request_id", as: String?.self)),
                .int(try row.decode("reply_status", as: Int64.self)),
                .string(try row.decode("reply_code", as: String?.self)),
                .string(try row.decode("summary", as: String?.self)),
                .decimal(try row.decode("duration_ms", as: String.self)),
            ])
        }
        return .table(columns: columns, rows: table)
    }

    /// The `audit tail` command (admin).
    public static func tailCommand(moduleIDs: [String]) -> CommandSpec {
        CommandSpec(
            "audit tail",
            synopsis: "Show the newest audit log rows",
            help: """
                Every change is recorded in the same transaction as the change itself, and every refused
                change (403, 404, 409, 422) on its own. Rows are never updated or deleted.
                """,
            arguments: [
                .optional("n", .int(1...1000), default: "20", help: "How many rows, newest last"),
                .optional("module", .enumeration(moduleIDs.isEmpty ? ["workbench"] : moduleIDs), help: "Only this module's commands"),
            ],
            role: .admin,
            examples: ["audit tail", "audit tail n=100 module=grids"]
        ) { invocation in
            try await tail(
                count: try invocation.arguments.int("n"), module: invocation.arguments.optionalString("module"),
                on: invocation.database
            )
        }
    }

    enum Queries {
        static let append = PostgresStatement(
            "workbench.audit.append",
            """
            INSERT INTO workbench.audit_log
                (peer_pid, peer_uid, peer_user, role, module, command, arguments, request_id, reply_status, reply_code,
                 summary, duration_ms)
            VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12)
            """
        )
        static let tail = PostgresStatement(
            "workbench.audit.tail",
            """
            SELECT id, at, peer_user, peer_uid, role, module, command, arguments::text AS arguments, request_id,
                   reply_status, reply_code, summary, duration_ms::text AS duration_ms
            FROM workbench.audit_log
            WHERE $2::text IS NULL OR module = $2
            ORDER BY id DESC LIMIT $1
            """
        )
    }
}
