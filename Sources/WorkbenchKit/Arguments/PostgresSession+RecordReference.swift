public import WorkbenchPostgres

extension PostgresSession {
    /// The row `statement` finds for `reference`, whose id and code it binds as `$1` and `$2`
    /// (see ``RecordReference``) followed by `extra`; `notFound` (a 404 naming the argument)
    /// when there is none.
    public func row(
        _ statement: PostgresStatement, for reference: RecordReference, _ extra: [any PostgresEncodable] = [],
        orElse notFound: @autoclosure () -> WorkbenchError
    ) async throws -> PostgresRow {
        let binds = reference.binds
        guard let row = try await queryOptionalRow(statement, [binds.id, binds.code] + extra) else { throw notFound() }
        return row
    }

    /// The row `statement` finds with `binds`; `notFound` (a 404 naming the argument) when
    /// there is none. The one find-or-404 of the stores, for lookups by id or by several keys.
    public func row(
        _ statement: PostgresStatement, _ binds: [any PostgresEncodable], orElse notFound: @autoclosure () -> WorkbenchError
    ) async throws -> PostgresRow {
        guard let row = try await queryOptionalRow(statement, binds) else { throw notFound() }
        return row
    }
}
