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

    /// `$1` the unit's id, `$2`/`$3` the period. Each figure is read in one pass over the
    /// subtree (by path, through its index), each row filed under its bucket: the child it
    /// lies under, or the unit itself for its own level; the total adds up the buckets.
    static let query = PostgresStatement(
        "organizations.stats.by_child",
        """
        WITH scope AS (SELECT id, code, name, path, public.nlevel(path) AS depth FROM organizations.units WHERE id = $1),
        counted AS (
            SELECT CASE WHEN public.nlevel(uc.path) = s.depth THEN s.path ELSE public.subpath(uc.path, 0, s.depth + 1) END AS bucket,
                   sum(uc.active) AS organisations, sum(uc.members) AS members, sum(uc.members_in_service) AS in_service,
                   sum(uc.reports_units + uc.reports_members) AS reports, sum(uc.pairs) AS pairs,
                   sum(uc.projects_done) AS projects_done, sum(uc.venues) AS venues
            FROM organizations.unit_counts uc, scope s
            WHERE uc.path OPERATOR(public.<@) s.path
            GROUP BY 1
        ),
        hours AS (
            SELECT CASE WHEN public.nlevel(u.path) = s.depth THEN s.path ELSE public.subpath(u.path, 0, s.depth + 1) END AS bucket,
                   sum(x.hours) AS hours
            FROM organizations.service_hours x
            JOIN organizations.reports r ON r.id = x.report_id JOIN organizations.units u ON u.id = r.community_id, scope s
            WHERE u.path OPERATOR(public.<@) s.path AND x.served_on BETWEEN $2 AND $3
            GROUP BY 1
        ),
        covered AS (
            SELECT CASE WHEN public.nlevel(u.path) = s.depth THEN s.path ELSE public.subpath(u.path, 0, s.depth + 1) END AS bucket,
                   count(*) FILTER (WHERE \(CoverageStore.Queries.organisationallyCovered(venue: "w.id", on: "$3"))) AS org_covered,
                   count(*) FILTER (WHERE \(CoverageStore.Queries.workCovered(venue: "w.id", from: "$2", to: "$3"))) AS work_covered
            FROM organizations.venues w JOIN organizations.units u ON u.id = w.area_id, scope s
            WHERE u.path OPERATOR(public.<@) s.path
            GROUP BY 1
        ),
        buckets AS (
            SELECT 1 AS part, k.code, k.name, k.path AS bucket FROM organizations.units k WHERE k.parent_id = $1
            UNION ALL SELECT 2, s.code, '本级 ' || s.name, s.path FROM scope s
        ),
        rows AS (
            SELECT b.part, b.code, b.name,
                   coalesce(c.organisations, 0) AS organisations, coalesce(c.members, 0) AS members, coalesce(c.in_service, 0) AS in_service,
                   coalesce(c.reports, 0) AS reports, coalesce(h.hours, 0) AS hours, coalesce(c.pairs, 0) AS pairs,
                   coalesce(c.projects_done, 0) AS projects_done, coalesce(c.venues, 0) AS venues,
                   coalesce(v.org_covered, 0) AS org_covered, coalesce(v.work_covered, 0) AS work_covered
            FROM buckets b
            LEFT JOIN counted c ON c.bucket = b.bucket LEFT JOIN hours h ON h.bucket = b.bucket LEFT JOIN covered v ON v.bucket = b.bucket
        )
        SELECT * FROM rows
        UNION ALL
        SELECT 3, NULL, '合计', sum(organisations), sum(members), sum(in_service), sum(reports), sum(hours), sum(pairs),
               sum(projects_done), sum(venues), sum(org_covered), sum(work_covered)
        FROM rows
        ORDER BY 1, 2
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
