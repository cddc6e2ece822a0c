import Foundation
package import WorkbenchKit
package import WorkbenchPostgres

/// `request_id=` on mutating commands: the first reply is stored with the change; a repeat
/// by the same caller returns it and changes nothing.
///
/// Keys belong to the caller (the peer's uid): another user's request with the same id is a
/// request of its own. Only a change that succeeded stores its reply: a refused one rolls its
/// key back with it, so the caller can fix what was refused and retry with the same id.
///
/// The key row is inserted at the start of the command's transaction — queued, so that it
/// travels with `BEGIN` and the command's first statement in one round trip. A concurrent
/// retry with the same id blocks on that row until the first transaction ends: if it
/// committed, the insert finds the row, the retry's transaction rolls back and ``resolve``
/// replays the stored reply; if it rolled back, the retry runs the command itself.
package enum IdempotencyStore {
    /// What a request id that was already used stands for.
    package enum Claim {
        /// The id was used before for this same command: answer with its reply.
        case replay(Reply)
        /// The id was used before for a different command or arguments.
        case reusedForOtherCommand(String)
    }

    /// Thrown by the round trip that carried a claim whose id was already taken.
    package struct AlreadyUsed: Error {}

    /// Queues the claim of `requestID` on the transaction. If the id is taken, the round trip
    /// that carries it throws ``AlreadyUsed``: roll back and ``resolve(_:module:command:arguments:on:)``.
    package static func claim(
        _ requestID: String, caller: Caller, module: String, command: String, arguments: [String: String], on session: PostgresSession
    ) throws {
        session.send(Queries.claim, [Int64(caller.uid), requestID, module, command, try json(arguments)]) { rows in
            if rows.affectedRows != 1 { throw AlreadyUsed() }
        }
    }

    /// What a taken request id stands for (read after the claiming transaction rolled back).
    package static func resolve(
        _ requestID: String, caller: Caller, module: String, command: String, arguments: [String: String], on session: PostgresSession
    ) async throws -> Claim {
        let row = try await session.query(Queries.find, [Int64(caller.uid), requestID, try json(arguments)]).single()
        let sameCommand = try row.decode("module", as: String.self) == module && row.decode("command", as: String.self) == command
        let sameArguments = try row.decode("same_arguments", as: Bool.self)
        guard sameCommand && sameArguments else {
            let previous = (try row.decode("module", as: String.self) + " " + row.decode("command", as: String.self))
                .trimmingCharacters(in: .whitespaces)
            return .reusedForOtherCommand(previous)
        }
        guard let stored = try row.decode("reply", as: String?.self) else {
            throw WorkbenchError.conflict(WorkbenchErrorCode.requestInProgress, "request_id \(requestID) is still being processed; try again")
        }
        return .replay(try JSONDecoder().decode(Reply.self, from: Data(stored.utf8)))
    }

    private static func json(_ arguments: [String: String]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: arguments, options: [.sortedKeys]), as: UTF8.self)
    }

    /// Queues the stored reply; it travels with the transaction's `COMMIT`.
    package static func complete(_ requestID: String, caller: Caller, reply: Reply, on session: PostgresSession) throws {
        let json = String(decoding: try JSONEncoder().encode(reply), as: UTF8.self)
        session.send(Queries.complete, [Int64(caller.uid), requestID, json])
    }

    enum Queries {
        static let claim = PostgresStatement(
            "workbench.idempotency.claim",
            """
            INSERT INTO workbench.idempotency_keys (caller_uid, request_id, module, command, arguments)
            VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT (caller_uid, request_id) DO NOTHING
            """
        )
        static let find = PostgresStatement(
            "workbench.idempotency.find",
            """
            SELECT module, command, reply::text AS reply, arguments = $3::jsonb AS same_arguments
            FROM workbench.idempotency_keys WHERE caller_uid = $1 AND request_id = $2
            """
        )
        static let complete = PostgresStatement(
            "workbench.idempotency.complete",
            "UPDATE workbench.idempotency_keys SET reply = $3::jsonb WHERE caller_uid = $1 AND request_id = $2"
        )
    }
}
