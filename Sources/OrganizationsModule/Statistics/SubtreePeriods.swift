import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// `org stats by=quarter|month`: what changed in a subtree period by period, one row per
/// quarter or month that meets the period and a total row for the whole period, in one query.
///
/// Standing counts (members on the rolls, open reports) are one number today whatever the
/// period, so a row holds what happened in it: members who joined and left (counted under the
/// organisation they belong to now), double reports begun, hours served, co-building pairs
/// begun, and the venues' coverage: organisational coverage as of the row's last day, work
/// coverage within the row's days. Rates are percentages with one decimal (``Percentage``).
enum SubtreePeriods {
    /// How the period is divided.
    enum Division: String, Sendable {
        case quarter, month
    }

    /// The columns after `period`.
    static let figureColumns = [
        "members_joined", "members_left", "reports_begun", "service_hours", "pairs_begun", "venues", "coverage_org_rate", "coverage_work_rate",
    ]

    /// `$1` the unit's id, `$2`/`$3` the period, `$4` `quarter` or `month`. Each flow is read
    /// in one pass and filed under the quarter or month of its day; members are found by the
    /// day they joined or left (indexed), then kept when their organisation is in the subtree.
    static let query = PostgresStatement(
        "organizations.stats.by_period",
        """
        WITH scope AS (SELECT path FROM organizations.units WHERE id = $1),
        periods AS (
            SELECT 1 AS part, p.starts_on AS bucket, p.label, p.first_day, p.last_day FROM workbench.periods($4, $2::date, $3::date) p
            UNION ALL
            SELECT 2, NULL, NULL, $2::date, $3::date
        ),
        members AS (
            SELECT date_trunc($4, e.day::timestamp)::date AS bucket,
                   count(*) FILTER (WHERE e.joined) AS joined, count(*) FILTER (WHERE NOT e.joined) AS departed
            FROM (
                SELECT true AS joined, m.joined_on AS day, m.unit_id FROM organizations.members m WHERE m.joined_on BETWEEN $2 AND $3
                UNION ALL
                SELECT false, m.left_on, m.unit_id FROM organizations.members m WHERE m.left_on BETWEEN $2 AND $3
            ) e
            JOIN organizations.units u ON u.id = e.unit_id, scope s
            WHERE u.path OPERATOR(public.<@) s.path
            GROUP BY 1
        ),
        reports AS (
            SELECT date_trunc($4, r.reported_on::timestamp)::date AS bucket, count(*) AS begun
            FROM organizations.reports r JOIN organizations.units u ON u.id = r.community_id, scope s
            WHERE u.path OPERATOR(public.<@) s.path AND r.reported_on BETWEEN $2 AND $3
            GROUP BY 1
        ),
        hours AS (
            SELECT date_trunc($4, x.served_on::timestamp)::date AS bucket, sum(x.hours) AS hours
            FROM organizations.service_hours x
            JOIN organizations.reports r ON r.id = x.report_id JOIN organizations.units u ON u.id = r.community_id, scope s
            WHERE u.path OPERATOR(public.<@) s.path AND x.served_on BETWEEN $2 AND $3
            GROUP BY 1
        ),
        pairs AS (
            SELECT date_trunc($4, p.since::timestamp)::date AS bucket, count(*) AS begun
            FROM organizations.pairs p JOIN organizations.units u ON u.id = p.community_id, scope s
            WHERE u.path OPERATOR(public.<@) s.path AND p.since BETWEEN $2 AND $3
            GROUP BY 1
        ),
        flows AS (
            SELECT b.part, b.bucket, b.label, b.first_day,
                   coalesce(m.joined, 0) AS joined, coalesce(m.departed, 0) AS departed, coalesce(r.begun, 0) AS reports_begun,
                   coalesce(h.hours, 0) AS hours, coalesce(p.begun, 0) AS pairs_begun
            FROM periods b
            LEFT JOIN members m ON m.bucket = b.bucket LEFT JOIN reports r ON r.bucket = b.bucket
            LEFT JOIN hours h ON h.bucket = b.bucket LEFT JOIN pairs p ON p.bucket = b.bucket
            WHERE b.part = 1
        ),
        covered AS (
            SELECT b.part, b.bucket, count(w.id) AS venues,
                   count(w.id) FILTER (WHERE \(CoverageStore.Queries.organisationallyCovered(venue: "w.id", on: "b.last_day"))) AS org_covered,
                   count(w.id) FILTER (WHERE \(CoverageStore.Queries.workCovered(venue: "w.id", from: "b.first_day", to: "b.last_day"))) AS \
        work_covered
            FROM periods b
            LEFT JOIN (organizations.venues w JOIN organizations.units u ON u.id = w.area_id)
                   ON u.path OPERATOR(public.<@) (SELECT path FROM scope)
            GROUP BY b.part, b.bucket
        ),
        rows AS (
            SELECT part, bucket, label, first_day, joined, departed, reports_begun, hours, pairs_begun FROM flows
            UNION ALL
            SELECT 2, NULL, NULL, $2::date, sum(joined), sum(departed), sum(reports_begun), sum(hours), sum(pairs_begun) FROM flows
        )
        SELECT x.label, x.joined, x.departed, x.reports_begun, x.hours, x.pairs_begun, c.venues, c.org_covered, c.work_covered
        FROM rows x JOIN covered c ON c.part = x.part AND c.bucket IS NOT DISTINCT FROM x.bucket
        ORDER BY x.part, x.first_day
        """
    )

    /// The subtree's figures period by period, with a total row.
    static func reply(
        for unit: Unit, _ division: Division, from: CalendarDate, to: CalendarDate, in session: PostgresSession
    ) async throws -> Reply {
        var rows: [[ReplyValue]] = []
        for row in try await session.query(query, [unit.id, from, to, division.rawValue]) {
            func count(_ column: String) throws -> Int { try row.decode(column, as: Int.self) }
            let venues = try count("venues")
            rows.append([
                .string(try row.decode("label", as: String?.self) ?? "total"),
                .int(try count("joined")), .int(try count("departed")), .int(try count("reports_begun")),
                .decimal(try row.decode("hours", as: Decimal.self)), .int(try count("pairs_begun")), .int(venues),
                Percentage.value(try count("org_covered"), of: venues), Percentage.value(try count("work_covered"), of: venues),
            ])
        }
        return .table(
            columns: ["period"] + figureColumns, rows: rows,
            summary: "\(unit.code) \(unit.name) by \(division.rawValue), \(from) to \(to): what happened in each and the total"
        )
    }
}
