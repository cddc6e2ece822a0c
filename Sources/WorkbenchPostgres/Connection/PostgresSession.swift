/// Async access to one leased connection.
///
/// A session is valid only inside the `withConnection` or `withTransaction` closure that
/// produced it, and runs one round trip at a time (a second concurrent call is refused with
/// an error, never interleaved). The closure runs on the connection's event loop thread, so
/// a statement costs no thread hop: it is handed to libpq, the task waits without blocking
/// any thread, and resumes on the same thread when the result has arrived.
///
/// Statements travel in libpq's pipeline mode: ``send(_:_:expecting:)`` queues a statement
/// to go out with the next round trip, and ``pipeline(_:)`` sends several independent
/// statements at once; an error anywhere still fails the call and, in a transaction, rolls
/// everything back. ``withTransaction(_:)`` sends its `BEGIN` with the first statement and
/// its `COMMIT` with whatever was queued last.
///
/// Cancelling the calling task (a command time limit, a client hanging up) sends the server
/// a cancel request for the running statement; a server that does not answer it within the
/// pool's cancel grace period loses the connection, so no wait is unbounded.
public struct PostgresSession: Sendable {
    let connection: PipelinedConnection

    init(connection: PipelinedConnection) {
        self.connection = connection
    }

    /// Runs a statement with bound parameters and returns its rows (after anything queued
    /// with ``send(_:_:expecting:)``, in the same round trip).
    @discardableResult
    public func query(_ statement: PostgresStatement, _ binds: [any PostgresEncodable] = []) async throws -> PostgresRows {
        try await connection.execute([BoundStatement(statement, binds)])[0]
    }

    /// Runs a statement and returns its only row, or nil when it returned none; throws when
    /// it returned several.
    public func queryOptionalRow(_ statement: PostgresStatement, _ binds: [any PostgresEncodable] = []) async throws -> PostgresRow? {
        let rows = try await query(statement, binds)
        return rows.isEmpty ? nil : try rows.single()
    }

    /// Runs a statement and returns how many rows it inserted, updated or deleted.
    @discardableResult
    public func execute(_ statement: PostgresStatement, _ binds: [any PostgresEncodable] = []) async throws -> Int {
        try await query(statement, binds).affectedRows
    }

    /// Runs a parameterless SQL script (one or more statements separated by `;`), such as a
    /// migration. Never pass values in `sql`: use ``query(_:_:)`` with binds.
    @discardableResult
    public func executeScript(_ sql: String) async throws -> PostgresRows {
        try await connection.executeScript(sql)
    }

    /// Puts `identity` (session-level settings such as a caller's scope and role; nil: none)
    /// in force for every statement this borrower runs from now on. The connection remembers
    /// what its session has in force, so this costs nothing when the last borrower wanted
    /// the same, and otherwise one statement at the head of the next round trip. Every
    /// borrower starts with none.
    public func assume(_ identity: SessionIdentity?) {
        connection.want(identity)
    }

    /// Runs `body` inside `BEGIN … COMMIT`; rolls back when it throws.
    ///
    /// `BEGIN` is queued and travels with the body's first statement; `COMMIT` travels with
    /// whatever the body queued last (an audit row, say). The connection must not already be
    /// in a transaction.
    @discardableResult
    public func withTransaction<Result: Sendable>(
        _ body: (PostgresSession) async throws -> Result
    ) async throws -> Result {
        send(Self.begin)
        let result: Result
        do {
            result = try await body(self)
            _ = try await connection.execute([BoundStatement(Self.commit, [])])
        } catch {
            await rollback()
            throw error
        }
        return result
    }

    /// Rolls back the open transaction, if one was opened, ignoring errors (the pool discards
    /// the connection if it is broken). Not cancellable: a cancelled task must still leave
    /// the connection idle; bounded by the pool's cancel grace period.
    func rollback() async {
        connection.dropQueued()
        connection.transactionAbandoned()
        guard !connection.isClosed, !connection.isReusable else { return }
        let connection = connection
        let grace = connection.cancelGrace
        await Task {
            _ = try? await connection.run(.pipeline([BoundStatement(Self.rollbackStatement, [])]), deadline: grace)
        }.value
    }

    static let begin = PostgresStatement("workbench.transaction.begin", "BEGIN")
    static let commit = PostgresStatement("workbench.transaction.commit", "COMMIT")
    static let rollbackStatement = PostgresStatement("workbench.transaction.rollback", "ROLLBACK")
}
