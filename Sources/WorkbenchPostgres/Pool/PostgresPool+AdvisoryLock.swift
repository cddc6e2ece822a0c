extension PostgresPool {
    static let tryAdvisoryLock = PostgresStatement("workbench.try_advisory_xact_lock", "SELECT pg_try_advisory_xact_lock($1)")

    /// Runs `body` in a transaction that holds the transaction-level advisory lock `key`, or
    /// returns nil at once when another session holds it. Background passes that several
    /// daemons share (the grids escalation sweep, the property complaint clock) take turns
    /// this way: one works, the others skip.
    public func withTransaction<Result: Sendable>(
        tryingAdvisoryLock key: Int64, _ body: (PostgresSession) async throws -> Result
    ) async throws -> Result? {
        try await withTransaction { session -> Result? in
            guard try await session.query(Self.tryAdvisoryLock, [key]).single().decode(at: 0, as: Bool.self) else { return nil }
            return try await body(session)
        }
    }
}
