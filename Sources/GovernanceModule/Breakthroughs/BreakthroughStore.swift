import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// Breakthrough projects 突破项目: an organisation's weakest indicators of a published year,
/// opened for the next year by publication and closed with what came of them.
enum BreakthroughStore {
    static let columns = ["id", "year", "unit", "indicator", "title", "status", "closed_on", "outcome"]

    /// Breakthrough projects by year, subtree and status.
    static func list(year: Int?, scopePath: String?, status: String?, in session: PostgresSession) async throws -> [[ReplyValue]] {
        try await session.query(Queries.list, [year, scopePath, status]).map { row in
            [
                .int(try row.decode("id", as: Int64.self)), .int(Int64(try row.decode("year", as: Int.self))),
                .string(try row.decode("unit", as: String.self)),
                .string(try row.decode("indicator", as: String.self)), .string(try row.decode("title", as: String.self)),
                .string(try row.decode("status", as: String.self)),
                (try row.decode("closed_on", as: CalendarDate?.self)).map(ReplyValue.date) ?? .null,
                (try row.decode("outcome", as: String?.self)).map(ReplyValue.string) ?? .null,
            ]
        }
    }

    /// Closes an open project done.
    static func close(_ id: Int64, outcome: String, on day: CalendarDate, in session: PostgresSession) async throws {
        guard let row = try await session.queryOptionalRow(Queries.find, [id]) else {
            throw WorkbenchError(
                status: .notFound, code: GovernanceErrorCode.breakthroughNotFound,
                message: "no breakthrough project \(id) (breakthrough=); see 'gov breakthrough list'", argument: "breakthrough")
        }
        guard try row.decode("status", as: String.self) == "open" else {
            throw WorkbenchError.conflict(GovernanceErrorCode.breakthroughClosed, "breakthrough project \(id) is done already")
        }
        _ = try await session.execute(Queries.close, [id, outcome, day])
    }

    enum Queries {
        static let list = PostgresStatement(
            "governance.breakthrough.list",
            """
            SELECT k.id, k.year, u.code AS unit, i.code AS indicator, k.title, k.status, k.closed_on, k.outcome
            FROM governance.breakthroughs k
            JOIN organizations.units u ON u.id = k.unit_id
            JOIN governance.indicators i ON i.id = k.indicator_id
            WHERE ($1::integer IS NULL OR k.year = $1)
              AND ($2::text IS NULL OR u.path OPERATOR(public.<@) $2::public.ltree)
              AND ($3::text IS NULL OR k.status = $3)
            ORDER BY k.year DESC, u.code, k.id
            LIMIT 1000
            """
        )
        static let find = PostgresStatement("governance.breakthrough.find", "SELECT status FROM governance.breakthroughs WHERE id = $1 FOR UPDATE")
        static let close = PostgresStatement(
            "governance.breakthrough.close", "UPDATE governance.breakthroughs SET status = 'done', outcome = $2, closed_on = $3 WHERE id = $1"
        )
    }
}
