import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// `request_id=` on mutating commands: the first reply is stored with the change; a repeat
/// returns it and changes nothing.
///
/// The key row is inserted at the start of the command's transaction. A concurrent retry
/// with the same id blocks on that row until the first transaction ends: if it committed,
/// the retry replays its reply; if it rolled back, the retry runs the command itself.
enum IdempotencyStore {
    /// What claiming a request id found.
    enum Claim {
        /// The id is new: run the command, then ``complete(_:reply:on:)``.
        case claimed
        /// The id was used before for this same command: answer with its reply.
        case replay(Reply)
        /// The id was used before for a different command or arguments.
        case reusedForOtherCommand(String)
    }

    static func claim(_ requestID: String, module: String, command: String, arguments: [String: String], on session: PostgresSession) async throws -> Claim {
        let argumentsJSON = String(decoding: try JSONSerialization.data(withJSONObject: arguments, options: [.sortedKeys]), as: UTF8.self)
        let inserted = try await session.execute(Queries.claim, [requestID, module, command, argumentsJSON])
        if inserted == 1 { return .claimed }
        let row = try await session.query(Queries.find, [requestID, argumentsJSON]).single()
        let sameCommand = try row.decode("module", as: String.self) == module && row.decode("command", as: String.self) == command
        let sameArguments = try row.decode("same_arguments", as: Bool.self)
        guard sameCommand && sameArguments else {
            let previous = (try row.decode("module", as: String.self) + " " + row.decode("command", as: String.self))
                .trimmingCharacters(in: .whitespaces)
            return .reusedForOtherCommand(previous)
        }
        guard let stored = try row.decode("reply", as: String?.self) else {
            throw WorkbenchError.conflict("request.in_progress", "request_id \(requestID) is still being processed; try again")
        }
        return .replay(try JSONDecoder().decode(Reply.self, from: Data(stored.utf8)))
    }

    /// Queues the stored reply; it travels with the transaction's `COMMIT`.
    static func complete(_ requestID: String, reply: Reply, on session: PostgresSession) throws {
        let json = String(decoding: try JSONEncoder().encode(reply), as: UTF8.self)
        session.send(Queries.complete, [requestID, json])
    }

    enum Queries {
        static let claim = PostgresStatement(
            "workbench.idempotency.claim",
            """
            INSERT INTO workbench.idempotency_keys (request_id, module, command, arguments)
            VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT (request_id) DO NOTHING
            """
        )
        static let find = PostgresStatement(
            "workbench.idempotency.find",
            """
            SELECT module, command, reply::text AS reply, arguments = $2::jsonb AS same_arguments
            FROM workbench.idempotency_keys WHERE request_id = $1
            """
        )
        static let complete = PostgresStatement(
            "workbench.idempotency.complete",
            "UPDATE workbench.idempotency_keys SET reply = $2::jsonb WHERE request_id = $1"
        )
    }
}
