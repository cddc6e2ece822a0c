import NIOPosix

/// Async access to one leased connection: every call runs libpq on the pool's thread pool,
/// so Swift's cooperative threads never block on the network.
///
/// A session is valid only inside the `withConnection` or `withTransaction` closure that
/// produced it. Cancelling the calling task (a command time limit, a client hanging up) sends
/// the server a cancel request for the running statement.
public struct PostgresSession: Sendable {
    let connection: PostgresConnection
    let threadPool: NIOThreadPool

    init(connection: PostgresConnection, threadPool: NIOThreadPool) {
        self.connection = connection
        self.threadPool = threadPool
    }

    /// Runs a statement with bound parameters and returns its rows.
    @discardableResult
    public func query(_ statement: PostgresStatement, _ binds: [any PostgresEncodable] = []) async throws -> PostgresRows {
        try await run { try $0.execute(statement, binds) }
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
        try await run { try $0.executeScript(sql) }
    }

    /// Runs `body` inside `BEGIN … COMMIT`; rolls back when it throws.
    ///
    /// The connection must not already be in a transaction.
    @discardableResult
    public func withTransaction<Result: Sendable>(
        _ body: (PostgresSession) async throws -> Result
    ) async throws -> Result {
        try await executeScript("BEGIN")
        let result: Result
        do {
            result = try await body(self)
        } catch {
            await rollback()
            throw error
        }
        try await executeScript("COMMIT")
        return result
    }

    /// Rolls back the open transaction, ignoring errors (the connection is discarded by the
    /// pool if it is broken).
    func rollback() async {
        // Not cancellable: a cancelled task must still leave the connection idle.
        let connection = connection
        _ = try? await threadPool.runIfActive { try connection.executeScript("ROLLBACK") }
    }

    private func run<Value: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> Value) async throws -> Value {
        try Task.checkCancellation()
        let connection = connection
        return try await withTaskCancellationHandler {
            try await threadPool.runIfActive { try body(connection) }
        } onCancel: {
            connection.cancelRunningStatement()
        }
    }
}
