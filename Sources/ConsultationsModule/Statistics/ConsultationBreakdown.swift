import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// `consult stats by=child|quarter|month`: the main consultation and dispatch figures side
/// by side, one row per child organisation of the scope that holds communities (the top
/// organisations without a scope) or per quarter or month of the period, and a total row,
/// in one query.
///
/// Every row is a bucket (an organisation path and a span of days) counted the same way, so
/// the total row is the scope over the whole period and agrees with `consult stats`. Rates
/// are percentages with one decimal (``Percentage``).
enum ConsultationBreakdown {
    /// How the figures are divided.
    enum Division: String, CaseIterable, Sendable {
        case child, quarter, month
    }

    /// The figure columns after the key columns.
    static let figureColumns = [
        "topics", "topics_settled", "sessions_closed", "actions_due", "actions_done_on_time", "action_on_time_rate", "orders",
        "orders_done", "hours_served",
    ]

    /// `$1` the scope's path (null: everywhere), `$2`/`$3` the period, `$4` the division,
    /// `$5` the scope's id (null: everywhere).
    static let query = PostgresStatement(
        "consultations.stats.breakdown",
        """
        WITH buckets AS (
            SELECT 1 AS part, k.code AS key, k.name, k.path, $2::date AS first_day, $3::date AS last_day
            FROM organizations.units k
            WHERE $4 = 'child' AND k.parent_id IS NOT DISTINCT FROM $5::bigint
              AND EXISTS (SELECT 1 FROM organizations.units x WHERE x.kind = 'community' AND x.path OPERATOR(public.<@) k.path)
            UNION ALL
            SELECT 1, p.label, NULL, $1::public.ltree, p.first_day, p.last_day
            FROM workbench.periods(CASE WHEN $4 = 'quarter' THEN 'quarter' ELSE 'month' END, $2::date, $3::date) p
            WHERE $4 <> 'child'
            UNION ALL
            SELECT 2, NULL, '合计', $1::public.ltree, $2::date, $3::date
        ),
        counted AS (
            SELECT b.part, b.key, b.name, b.first_day, t.topics, t.topics_settled,
                (SELECT count(*) FROM consultations.sessions s JOIN organizations.units u ON u.id = s.unit_id
                 WHERE (b.path IS NULL OR u.path OPERATOR(public.<@) b.path)
                   AND s.starts_at >= b.first_day AND s.starts_at < b.last_day + 1 AND s.status = 'closed') AS sessions_closed,
                a.due, a.on_time, a.done, o.orders, o.done AS orders_done, o.hours
            FROM buckets b
            CROSS JOIN LATERAL (
                SELECT count(*) AS topics, count(*) FILTER (WHERE x.status = 'settled') AS topics_settled
                FROM consultations.topics x JOIN organizations.units u ON u.id = x.community_id
                WHERE (b.path IS NULL OR u.path OPERATOR(public.<@) b.path)
                  AND x.proposed_at >= b.first_day AND x.proposed_at < b.last_day + 1
            ) t
            CROSS JOIN LATERAL (
                SELECT count(*) AS due,
                       count(*) FILTER (WHERE x.status = 'done' AND x.done_at::date <= x.due_on) AS on_time,
                       count(*) FILTER (WHERE x.status = 'done') AS done
                FROM consultations.actions x JOIN consultations.topics t ON t.id = x.topic_id JOIN organizations.units u ON u.id = t.community_id
                WHERE (b.path IS NULL OR u.path OPERATOR(public.<@) b.path) AND x.due_on BETWEEN b.first_day AND b.last_day
            ) a
            CROSS JOIN LATERAL (
                SELECT count(*) AS orders, count(*) FILTER (WHERE x.done_at IS NOT NULL) AS done, coalesce(sum(x.hours), 0) AS hours
                FROM consultations.orders x JOIN organizations.units u ON u.id = x.community_id
                WHERE (b.path IS NULL OR u.path OPERATOR(public.<@) b.path)
                  AND x.placed_at >= b.first_day AND x.placed_at < b.last_day + 1
            ) o
        )
        SELECT * FROM counted ORDER BY part, first_day, key
        """
    )

    /// The breakdown as a table with a total row.
    static func reply(
        _ division: Division, scope: (id: Int64, path: String, label: String)?, from: CalendarDate, to: CalendarDate, in session: PostgresSession
    ) async throws -> Reply {
        var rows: [[ReplyValue]] = []
        for row in try await session.query(query, [scope?.path, from, to, division.rawValue, scope?.id]) {
            let key: String? = try row.decode("key")
            func count(_ column: String) throws -> Int { try row.decode(column, as: Int.self) }
            var keys: [ReplyValue] = [.string(key ?? "total")]
            if division == .child { keys.append(.string(try row.decode("name", as: String?.self))) }
            rows.append(
                keys + [
                    .int(try count("topics")), .int(try count("topics_settled")), .int(try count("sessions_closed")),
                    .int(try count("due")), .int(try count("on_time")), Percentage.value(try count("on_time"), of: try count("done")),
                    .int(try count("orders")), .int(try count("orders_done")), .decimal(try row.decode("hours", as: Decimal.self)),
                ]
            )
        }
        let keyColumns = division == .child ? ["organisation", "name"] : ["period"]
        return .table(
            columns: keyColumns + figureColumns, rows: rows,
            summary: "consultation figures for \(scope?.label ?? "everywhere") from \(from) to \(to) by \(division.rawValue)"
        )
    }
}
