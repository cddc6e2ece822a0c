extension PostgresSession {
    /// Queues a statement to travel with the session's next round trip (the next
    /// ``query(_:_:)``, ``pipeline(_:)``, ``flush()`` or a transaction's `COMMIT`), so that
    /// statements whose results the caller does not need right away (an event row, an audit
    /// row) cost no round trip of their own.
    ///
    /// The statement runs before the next statement sent, in order. If it fails — or
    /// `expecting` throws on its rows — that next call throws this error instead of running
    /// on; in a transaction the whole transaction rolls back. Statements still queued when a
    /// `withConnection` closure ends are sent then.
    ///
    /// - Parameter expecting: A check of the statement's rows (e.g. "exactly one row was
    ///   inserted"); its error is thrown from the round trip that carried the statement.
    public func send(
        _ statement: PostgresStatement, _ binds: [any PostgresEncodable] = [],
        expecting: (@Sendable (PostgresRows) throws -> Void)? = nil
    ) {
        connection.enqueue(DeferredStatement(bound: BoundStatement(statement, binds), check: expecting))
    }

    /// Sends independent statements in one round trip and returns each one's rows, in
    /// order. The server runs them one after another; the first error is thrown (and the
    /// statements after it are skipped).
    ///
    /// ```swift
    /// let (unit, children) = try await session.pipeline(
    ///     (UnitQueries.byID, [id]), (UnitQueries.children, [id])
    /// )
    /// ```
    public func pipeline(_ statements: [(PostgresStatement, [any PostgresEncodable])]) async throws -> [PostgresRows] {
        try await connection.execute(statements.map { BoundStatement($0.0, $0.1) })
    }

    /// Two independent statements in one round trip.
    public func pipeline(
        _ first: (PostgresStatement, [any PostgresEncodable]), _ second: (PostgresStatement, [any PostgresEncodable])
    ) async throws -> (PostgresRows, PostgresRows) {
        let rows = try await pipeline([first, second])
        return (rows[0], rows[1])
    }

    /// Three independent statements in one round trip.
    public func pipeline(
        _ first: (PostgresStatement, [any PostgresEncodable]), _ second: (PostgresStatement, [any PostgresEncodable]),
        _ third: (PostgresStatement, [any PostgresEncodable])
    ) async throws -> (PostgresRows, PostgresRows, PostgresRows) {
        let rows = try await pipeline([first, second, third])
        return (rows[0], rows[1], rows[2])
    }

    /// Sends whatever ``send(_:_:expecting:)`` queued and waits for it; a no-op when nothing
    /// is queued.
    public func flush() async throws {
        _ = try await connection.execute([])
    }
}
