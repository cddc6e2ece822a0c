import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// `grid stats by=child|quarter|month`: the case figures leaders read side by side, one row
/// per direct child of the scope or per period, and a total row, each in one query.
///
/// - `by=child` of an organisation above the communities: its child organisations that hold
///   communities (a district's streets, a street's communities); of a community: its top
///   grids; of a grid: its child grids.
/// - `by=quarter` or `by=month`: every quarter or month that meets the period, empty ones
///   included, named `2026Q3` or `2026-07`.
///
/// Rates are percentages with one decimal (``Percentage``), as in every module.
enum CaseBreakdown {
    /// How a breakdown divides the scope.
    enum Division: String, CaseIterable, Sendable {
        case child, quarter, month
    }

    /// The columns of every breakdown after its key columns.
    static let figureColumns = [
        "cases", "open", "overdue_now", "handled", "on_time_rate", "mean_handling_hours", "escalated", "reopen_rate",
    ]

    /// The aggregates over `c`, the cases joined to each row (absent: no case).
    private static let aggregates = """
        count(c.id) AS cases,
        count(*) FILTER (WHERE c.due_at IS NOT NULL) AS open,
        count(*) FILTER (WHERE c.due_at < $4) AS overdue_now,
        count(*) FILTER (WHERE c.resolved_at IS NOT NULL) AS handled,
        count(*) FILTER (WHERE c.resolved_on_time) AS on_time,
        avg(extract(epoch FROM c.resolved_at - c.reported_at)) / 3600 AS mean_hours,
        count(*) FILTER (WHERE cardinality(c.escalated_to) > 0) AS escalated,
        count(*) FILTER (WHERE c.reopens > 0) AS reopened,
        count(*) FILTER (WHERE c.status IN ('resolved', 'closed') OR c.reopens > 0) AS ever_resolved
        """

    /// The cases of the period (`$2` first day, `$3` last day, local).
    private static let inPeriod = "c.reported_at >= (SELECT $2::date::timestamptz) AND c.reported_at < (SELECT ($3::date + 1)::timestamptz)"

    /// Child organisations of unit `$1` that hold communities, with the cases of those communities.
    static let byChildOrganisation = PostgresStatement(
        "grids.stats.by_child_organisation",
        """
        SELECT k.code, k.name, \(aggregates)
        FROM organizations.units k
        LEFT JOIN organizations.units cu ON cu.kind = 'community' AND cu.path OPERATOR(public.<@) k.path
        LEFT JOIN grids.cases c ON c.community_id = cu.id AND \(inPeriod)
        WHERE k.parent_id = $1
          AND EXISTS (SELECT 1 FROM organizations.units x WHERE x.kind = 'community' AND x.path OPERATOR(public.<@) k.path)
        GROUP BY GROUPING SETS ((k.code, k.name), ())
        ORDER BY k.code IS NULL, k.code
        """
    )

    /// Grids one level down (`$1` a grid: its children; `$5` a community: its top grids), with
    /// the cases of their subtrees.
    static let byChildGrid = PostgresStatement(
        "grids.stats.by_child_grid",
        """
        SELECT k.code, k.name, \(aggregates)
        FROM grids.grids k
        LEFT JOIN grids.grids g ON g.path OPERATOR(public.<@) k.path
        LEFT JOIN grids.cases c ON c.grid_id = g.id AND \(inPeriod)
        WHERE (k.parent_id = $1 OR ($5::bigint IS NOT NULL AND k.community_id = $5 AND k.parent_id IS NULL))
        GROUP BY GROUPING SETS ((k.code, k.name), ())
        ORDER BY k.code IS NULL, k.code
        """
    )

    /// Every quarter or month (`$5`) meeting the period, with the cases of the scope's
    /// communities or grids (`$1`, by ``CaseStatistics/Members``) reported in it.
    private static func byPeriod(scope column: String) -> String {
        """
        WITH periods AS (
            SELECT w.starts_on::timestamptz AS p, w.label FROM workbench.periods($5, $2::date, $3::date) w
        )
        SELECT label AS code, NULL::text AS name, \(aggregates)
        FROM periods
        LEFT JOIN grids.cases c ON c.\(column) = ANY ($1::bigint[]) AND \(inPeriod) AND date_trunc($5, c.reported_at) = p
        GROUP BY GROUPING SETS ((p, label), ())
        ORDER BY p NULLS LAST
        """
    }

    static let byPeriodOfCommunities = PostgresStatement("grids.stats.by_period_of_communities", byPeriod(scope: "community_id"))
    static let byPeriodOfGrids = PostgresStatement("grids.stats.by_period_of_grids", byPeriod(scope: "grid_id"))

    /// The breakdown of `scope` over `from`…`to` as a table with a total row.
    static func reply(
        _ division: Division, scope: StatisticsScope, from: CalendarDate, to: CalendarDate, now: Date, in session: PostgresSession
    ) async throws -> Reply {
        let rows: PostgresRows
        let keyColumns: [String]
        switch (division, scope) {
        case (.child, .organization(let unit)) where unit.kind == "community":
            rows = try await session.query(byChildGrid, [Int64?.none, from, to, now, unit.id])
            keyColumns = ["grid", "name"]
        case (.child, .organization(let unit)):
            rows = try await session.query(byChildOrganisation, [unit.id, from, to, now])
            keyColumns = ["organisation", "name"]
        case (.child, .grid(let grid)):
            rows = try await session.query(byChildGrid, [grid.id, from, to, now, Int64?.none])
            keyColumns = ["grid", "name"]
        case (.quarter, _), (.month, _):
            let (statement, ids): (PostgresStatement, [Int64]) =
                switch try await CaseStatistics.members(of: scope, in: session) {
                case .communities(let ids): (byPeriodOfCommunities, ids)
                case .grids(let ids): (byPeriodOfGrids, ids)
                }
            rows = try await session.query(statement, [ids, from, to, now, division.rawValue])
            keyColumns = ["period"]
        }
        var table: [[ReplyValue]] = []
        for row in rows {
            let code: String? = try row.decode("code")
            let keys: [ReplyValue] =
                keyColumns.count == 2
                ? [.string(code ?? "total"), .string(code == nil ? "合计" : try row.decode("name", as: String.self))]
                : [.string(code ?? "total")]
            func count(_ column: String) throws -> Int { try row.decode(column, as: Int.self) }
            table.append(
                keys + [
                    .int(try count("cases")), .int(try count("open")), .int(try count("overdue_now")), .int(try count("handled")),
                    Percentage.value(try count("on_time"), of: try count("handled")),
                    CaseStatistics.hours(try row.decode("mean_hours", as: Double?.self)), .int(try count("escalated")),
                    Percentage.value(try count("reopened"), of: try count("ever_resolved")),
                ]
            )
        }
        return .table(
            columns: keyColumns + figureColumns, rows: table,
            summary: "cases in \(scope.label) from \(from) to \(to) by \(division.rawValue): \(max(table.count - 1, 0)) row(s) and the total"
        )
    }
}
