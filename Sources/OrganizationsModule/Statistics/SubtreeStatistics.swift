import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// `org stats`: the numbers a district or street organisation department asks for, for any
/// subtree, in two queries (one grouped count of kinds, one row of totals).
enum SubtreeStatistics {
    enum Queries {
        static let kinds = PostgresStatement(
            "organizations.stats.kinds",
            """
            SELECT kind, count(*) AS units FROM organizations.units
            WHERE path OPERATOR(public.<@) $1::public.ltree AND dissolved_on IS NULL
            GROUP BY kind
            """
        )
        /// $1 the subtree's path, $2 and $3 the period for service hours and work coverage.
        static let totals = PostgresStatement(
            "organizations.stats.totals",
            """
            WITH scope AS (SELECT id FROM organizations.units WHERE path OPERATOR(public.<@) $1::public.ltree),
            people AS (
                SELECT count(*) AS members,
                       count(*) FILTER (WHERE m.status = 'formal') AS formal,
                       count(*) FILTER (WHERE m.status = 'probationary') AS probationary,
                       count(*) FILTER (WHERE m.is_mobile) AS mobile,
                       count(*) FILTER (WHERE m.work_unit IS NOT NULL) AS in_service
                FROM organizations.members m JOIN scope ON scope.id = m.unit_id
                WHERE m.left_on IS NULL
            ),
            reporting AS (
                SELECT count(*) FILTER (WHERE r.unit_id IS NOT NULL AND r.ended_on IS NULL) AS unit_reports,
                       count(*) FILTER (WHERE r.member_id IS NOT NULL AND r.ended_on IS NULL) AS member_reports,
                       COALESCE((SELECT sum(h.hours) FROM organizations.service_hours h JOIN organizations.reports r2 ON r2.id = h.report_id
                                 JOIN scope s2 ON s2.id = r2.community_id WHERE h.served_on BETWEEN $2 AND $3), 0) AS service_hours
                FROM organizations.reports r JOIN scope ON scope.id = r.community_id
            ),
            building AS (
                SELECT count(DISTINCT p.id) FILTER (WHERE p.ended_on IS NULL) AS pairs,
                       count(j.id) FILTER (WHERE j.status = 'planned') AS planned,
                       count(j.id) FILTER (WHERE j.status = 'in_progress') AS in_progress,
                       count(j.id) FILTER (WHERE j.status = 'done') AS done
                FROM organizations.pairs p JOIN scope ON scope.id = p.community_id
                LEFT JOIN organizations.projects j ON j.pair_id = p.id
            ),
            seating AS (
                SELECT count(*) AS seats FROM organizations.seats s JOIN scope ON scope.id = s.committee_id
                WHERE s.ended_on IS NULL AND s.term_end >= $3
            ),
            places AS (
                SELECT count(*) AS venues,
                       count(*) FILTER (WHERE EXISTS (
                           SELECT 1 FROM organizations.venue_covers c JOIN organizations.units cu ON cu.id = c.unit_id
                           WHERE c.venue_id = v.id AND c.since <= $3 AND (c.ended_on IS NULL OR c.ended_on >= $3)
                             AND (cu.dissolved_on IS NULL OR cu.dissolved_on > $3))) AS org_covered,
                       count(*) FILTER (WHERE EXISTS (
                           SELECT 1 FROM organizations.venue_activities x WHERE x.venue_id = v.id AND x.held_on BETWEEN $2 AND $3)) AS work_covered
                FROM organizations.venues v JOIN scope ON scope.id = v.area_id
            )
            SELECT * FROM people, reporting, building, seating, places
            """
        )
    }

    static func reply(for unit: Unit, from: CalendarDate, to: CalendarDate, in session: PostgresSession) async throws -> Reply {
        var byKind: [OrganizationKind: Int64] = [:]
        for row in try await session.query(Queries.kinds, [unit.path]) {
            if let kind = OrganizationKind(rawValue: try row.decode("kind")) { byKind[kind] = try row.decode("units") }
        }
        let totals = try await session.query(Queries.totals, [unit.path, from, to]).single()
        func int(_ column: String) throws -> Int64 { try totals.decode(column) }
        var fields: [(String, ReplyValue)] = [
            ("unit", .string(unit.code)), ("name", .string(unit.name)), ("period", .string("\(from) to \(to)")),
            ("organisations", .int(byKind.values.reduce(0, +))),
        ]
        for kind in OrganizationKind.allCases.sorted() where byKind[kind] != nil {
            fields.append(("organisations_\(kind.rawValue)", .int(byKind[kind]!)))
        }
        let venues = try int("venues")
        fields += [
            ("members", .int(try int("members"))), ("members_formal", .int(try int("formal"))),
            ("members_probationary", .int(try int("probationary"))), ("members_mobile", .int(try int("mobile"))),
            ("members_in_service", .int(try int("in_service"))),
            ("reports_units", .int(try int("unit_reports"))), ("reports_members", .int(try int("member_reports"))),
            ("service_hours", .decimal(try totals.decode("service_hours", as: Decimal.self))),
            ("seats", .int(try int("seats"))), ("pairs", .int(try int("pairs"))),
            ("projects_planned", .int(try int("planned"))), ("projects_in_progress", .int(try int("in_progress"))),
            ("projects_done", .int(try int("done"))),
            ("venues", .int(venues)),
            ("coverage_org_rate", .decimal(CoverageStore.Line.rate(Int(try int("org_covered")), of: Int(venues)))),
            ("coverage_work_rate", .decimal(CoverageStore.Line.rate(Int(try int("work_covered")), of: Int(venues)))),
        ]
        return .record(fields)
    }
}
