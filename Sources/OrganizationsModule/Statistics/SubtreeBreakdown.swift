import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// `org stats by=child`: the main counts of a subtree side by side, one row per direct child
/// organisation, one for the organisation's own level (本级: its own members, reports,
/// venues), and the total, which agrees with `org stats`; in one query.
///
/// Counts read `organizations.unit_counts` (kept by triggers); service hours and coverage
/// count within the period. Rates are percentages with one decimal (``Percentage``).
enum SubtreeBreakdown {
    /// The columns after `organisation` and `name`.
    static let figureColumns = [
        "organisations", "members", "members_in_service", "reports", "service_hours", "pairs", "projects_done", "venues",
        "coverage_org_rate", "coverage_work_rate",
    ]

    /// `$1` the unit's id, `$2`/`$3` the period. Each bucket is a subtree (`exact` false) or
    /// one organisation's own row (`exact` true).
    static let query = PostgresStatement(
        "organizations.stats.by_child",
        """
        WITH scope AS (SELECT id, code, name, path FROM organizations.units WHERE id = $1),
        buckets AS (
            SELECT 1 AS part, k.code, k.name, k.path, false AS exact FROM organizations.units k WHERE k.parent_id = $1
            UNION ALL SELECT 2, s.code, '本级 ' || s.name, s.path, true FROM scope s
            UNION ALL SELECT 3, NULL, '合计', s.path, false FROM scope s
        )
        SELECT b.part, b.code, b.name, c.*, h.hours, v.*
        FROM buckets b
        CROSS JOIN LATERAL (
            SELECT coalesce(sum(uc.active), 0) AS organisations, coalesce(sum(uc.members), 0) AS members,
                   coalesce(sum(uc.members_in_service), 0) AS in_service,
                   coalesce(sum(uc.reports_units + uc.reports_members), 0) AS reports, coalesce(sum(uc.pairs), 0) AS pairs,
                   coalesce(sum(uc.projects_done), 0) AS projects_done, coalesce(sum(uc.venues), 0) AS venues
            FROM organizations.unit_counts uc
            WHERE CASE WHEN b.exact THEN uc.path = b.path ELSE uc.path OPERATOR(public.<@) b.path END
        ) c
        CROSS JOIN LATERAL (
            SELECT coalesce(sum(x.hours), 0) AS hours
            FROM organizations.service_hours x
            JOIN organizations.reports r ON r.id = x.report_id JOIN organizations.units u ON u.id = r.community_id
            WHERE CASE WHEN b.exact THEN u.path = b.path ELSE u.path OPERATOR(public.<@) b.path END AND x.served_on BETWEEN $2 AND $3
        ) h
        CROSS JOIN LATERAL (
            SELECT count(*) FILTER (WHERE EXISTS (
                       SELECT 1 FROM organizations.venue_covers vc JOIN organizations.units cu ON cu.id = vc.unit_id
                       WHERE vc.venue_id = w.id AND vc.since <= $3 AND (vc.ended_on IS NULL OR vc.ended_on >= $3)
                         AND (cu.dissolved_on IS NULL OR cu.dissolved_on > $3))) AS org_covered,
                   count(*) FILTER (WHERE EXISTS (
                       SELECT 1 FROM organizations.venue_activities va WHERE va.venue_id = w.id AND va.held_on BETWEEN $2 AND $3)) AS work_covered
            FROM organizations.venues w JOIN organizations.units u ON u.id = w.area_id
            WHERE CASE WHEN b.exact THEN u.path = b.path ELSE u.path OPERATOR(public.<@) b.path END
        ) v
        ORDER BY b.part, b.code
        """
    )

    /// The breakdown of `unit`'s subtree as a table.
    static func reply(for unit: Unit, from: CalendarDate, to: CalendarDate, in session: PostgresSession) async throws -> Reply {
        var rows: [[ReplyValue]] = []
        for row in try await session.query(query, [unit.id, from, to]) {
            func count(_ column: String) throws -> Int { try row.decode(column, as: Int.self) }
            let venues = try count("venues")
            rows.append([
                .string(try row.decode("code", as: String?.self) ?? "total"), .string(try row.decode("name", as: String.self)),
                .int(try count("organisations")), .int(try count("members")), .int(try count("in_service")), .int(try count("reports")),
                .decimal(try row.decode("hours", as: Decimal.self)), .int(try count("pairs")), .int(try count("projects_done")),
                .int(venues), Percentage.value(try count("org_covered"), of: venues), Percentage.value(try count("work_covered"), of: venues),
            ])
        }
        return .table(
            columns: ["organisation", "name"] + figureColumns, rows: rows,
            summary: "\(unit.code) \(unit.name) by child organisation, \(from) to \(to): the children, its own level (本级) and the total"
        )
    }
}
