import WorkbenchPostgres

/// The types the server infers for a statement's parameters when the client gives none (as
/// the daemon's driver does): the statement is prepared without types on the bench's own
/// connection and read back from `pg_prepared_statements`.
struct ParameterTypes {
    private var known: [String: [String]] = [:]

    /// Learns the parameter types of every statement in `units` that has parameters.
    init(units: [StatementCapture.Unit], connection: PostgresConnection) {
        let statements = Set(units.flatMap { $0.invocations.flatMap(\.statements) }.filter { !$0.parameters.isEmpty }.map(\.sql))
        for sql in statements.sorted() {
            do {
                _ = try connection.executeScript("PREPARE dangjian_bench_probe AS " + sql)
                defer { _ = try? connection.executeScript("DEALLOCATE dangjian_bench_probe") }
                known[sql] = try connection.execute(
                    PostgresStatement(
                        unnamed:
                            "SELECT t::text FROM pg_prepared_statements, unnest(parameter_types) WITH ORDINALITY AS p(t, n) WHERE name = "
                            + "'dangjian_bench_probe' ORDER BY n"
                    ),
                    []
                ).map { try $0.decode(at: 0, as: String.self) }
            } catch {
                // A statement the server cannot prepare alone keeps untyped values.
                continue
            }
        }
    }

    /// The type of parameter `number` (from 1) of `sql`, as SQL (`bigint`, `timestamp with time zone`).
    func type(of sql: String, parameter number: Int) -> String? {
        guard let types = known[sql], number >= 1, number <= types.count else { return nil }
        return types[number - 1]
    }
}
