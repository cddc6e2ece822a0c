import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// `gov stats`: joint meeting figures for a subtree and period, one row per child
/// organisation (`by=child`), per quarter or per month, and a total row, in one query; without
/// `by=` the total row alone.
///
/// Every row is a bucket (an organisation path and a span of days) counted the same way:
/// meetings, attendances and problems of meetings held in the span; the periods of each body's
/// cadence that start in the span and have ended, and those of them without a meeting; tasks
/// due in the span by how they stand. Rates are percentages with one decimal (``Percentage``).
enum GovernanceBreakdown {
    /// How the figures are divided.
    enum Division: String, CaseIterable, Sendable {
        case child, quarter, month
    }

    /// The figure columns after the key columns.
    static let figureColumns = [
        "bodies", "meetings", "attendances", "problems", "periods_ended", "periods_missed", "meeting_rate", "tasks_due", "tasks_done_on_time",
        "tasks_done_late", "tasks_overdue", "tasks_cancelled", "task_on_time_rate",
    ]

    /// `$1` the scope's path (null: everywhere), `$2`/`$3` the period, `$4` the division
    /// (`none` for the total alone), `$5` the scope's id (null: everywhere), `$6` today.
    static let query = PostgresStatement(
        "governance.stats.breakdown",
        """
        WITH buckets AS (
            SELECT 1 AS part, k.code AS key, k.name, k.path, $2::date AS first_day, $3::date AS last_day
            FROM organizations.units k
            WHERE $4 = 'child' AND k.parent_id IS NOT DISTINCT FROM $5::bigint
              AND EXISTS (SELECT 1 FROM governance.bodies b JOIN organizations.units x ON x.id = b.unit_id
                          WHERE x.path OPERATOR(public.<@) k.path)
            UNION ALL
            SELECT 1, p.label, NULL, $1::public.ltree, p.first_day, p.last_day
            FROM workbench.periods(CASE WHEN $4 = 'quarter' THEN 'quarter' ELSE 'month' END, $2::date, $3::date) p
            WHERE $4 IN ('quarter', 'month')
            UNION ALL
            SELECT 2, NULL, '合计', $1::public.ltree, $2::date, $3::date
        ),
        scoped AS (
            SELECT b.id, u.path FROM governance.bodies b JOIN organizations.units u ON u.id = b.unit_id
            WHERE $1::text IS NULL OR u.path OPERATOR(public.<@) $1::public.ltree
        ),
        periods AS (
            SELECT s.path, p.first_day, p.last_day, p.meetings = 0 AS missed
            FROM scoped s CROSS JOIN LATERAL governance.body_periods(s.id, $2::date, $3::date) p
            WHERE p.first_day >= $2::date
        ),
        held AS (
            SELECT s.path, m.id, m.held_on,
                   (SELECT count(*) FROM governance.attendance a WHERE a.meeting_id = m.id) AS attendances,
                   (SELECT count(*) FROM governance.problems q WHERE q.meeting_id = m.id) AS problems
            FROM scoped s JOIN governance.meetings m ON m.body_id = s.id
            WHERE m.held_on BETWEEN $2::date AND $3::date
        ),
        due AS (
            SELECT s.path, t.due_on, t.status, t.closed_on
            FROM scoped s JOIN governance.meetings m ON m.body_id = s.id JOIN governance.tasks t ON t.meeting_id = m.id
            WHERE t.due_on BETWEEN $2::date AND $3::date
        )
        SELECT b.part, b.key, b.name,
            (SELECT count(*) FROM scoped s WHERE b.path IS NULL OR s.path OPERATOR(public.<@) b.path) AS bodies,
            h.meetings, h.attendances, h.problems, p.ended, p.missed,
            d.due, d.on_time, d.late, d.overdue, d.cancelled
        FROM buckets b
        CROSS JOIN LATERAL (
            SELECT count(*) AS meetings, coalesce(sum(x.attendances), 0)::bigint AS attendances, coalesce(sum(x.problems), 0)::bigint AS problems
            FROM held x WHERE (b.path IS NULL OR x.path OPERATOR(public.<@) b.path) AND x.held_on BETWEEN b.first_day AND b.last_day
        ) h
        CROSS JOIN LATERAL (
            SELECT count(*) FILTER (WHERE x.last_day < $6::date) AS ended, count(*) FILTER (WHERE x.last_day < $6::date AND x.missed) AS missed
            FROM periods x WHERE (b.path IS NULL OR x.path OPERATOR(public.<@) b.path) AND x.first_day BETWEEN b.first_day AND b.last_day
        ) p
        CROSS JOIN LATERAL (
            SELECT count(*) AS due,
                   count(*) FILTER (WHERE x.status = 'done' AND x.closed_on <= x.due_on) AS on_time,
                   count(*) FILTER (WHERE x.status = 'done' AND x.closed_on > x.due_on) AS late,
                   count(*) FILTER (WHERE x.status IN ('open', 'in_progress') AND x.due_on < $6::date) AS overdue,
                   count(*) FILTER (WHERE x.status = 'cancelled') AS cancelled
            FROM due x WHERE (b.path IS NULL OR x.path OPERATOR(public.<@) b.path) AND x.due_on BETWEEN b.first_day AND b.last_day
        ) d
        ORDER BY b.part, b.key
        """
    )

    /// The reply: a table with the key columns and ``figureColumns``.
    static func reply(
        _ division: Division?, scope: (id: Int64, path: String, label: String)?, from: CalendarDate, to: CalendarDate, today: CalendarDate,
        in session: PostgresSession
    ) async throws -> Reply {
        let rows = try await session.query(query, [scope?.path, from, to, division?.rawValue ?? "none", scope?.id, today])
        let table: [[ReplyValue]] = try rows.map { row in
            let ended: Int64 = try row.decode("ended")
            let missed: Int64 = try row.decode("missed")
            let due: Int64 = try row.decode("due")
            let onTime: Int64 = try row.decode("on_time")
            let cancelled: Int64 = try row.decode("cancelled")
            let key: String? = try row.decode("key")
            let name: String? = try row.decode("name")
            return [
                key.map(ReplyValue.string) ?? .string("total"), name.map(ReplyValue.string) ?? .null, .int(try row.decode("bodies", as: Int64.self)),
                .int(try row.decode("meetings", as: Int64.self)), .int(try row.decode("attendances", as: Int64.self)),
                .int(try row.decode("problems", as: Int64.self)), .int(ended),
                .int(missed), Percentage.value(Int(ended - missed), of: Int(ended)), .int(due), .int(onTime),
                .int(try row.decode("late", as: Int64.self)),
                .int(try row.decode("overdue", as: Int64.self)), .int(cancelled), Percentage.value(Int(onTime), of: Int(due - cancelled)),
            ]
        }
        let keyColumn = division.map { $0 == .child ? "organisation" : "period" } ?? "scope"
        return .table(
            columns: [keyColumn, "name"] + figureColumns, rows: table,
            summary: "joint meeting figures for \(scope?.label ?? "everywhere") from \(from) to \(to)"
                + (division.map { " by \($0.rawValue)" } ?? ""))
    }
}
