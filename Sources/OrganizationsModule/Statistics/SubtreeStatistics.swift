import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// `org stats`: the numbers a district or street organisation department asks for, for any
/// subtree, in three queries: active organisations by kind, the subtree's sums of
/// `organizations.unit_counts` (members, open reports, pairs, projects, venues), and what
/// depends on the period (service hours, seats in term, coverage).
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
        /// $1 the subtree's path.
        static let counted = PostgresStatement(
            "organizations.stats.counted",
            """
            SELECT COALESCE(sum(members), 0) AS members, COALESCE(sum(members_formal), 0) AS formal,
                   COALESCE(sum(members_probationary), 0) AS probationary, COALESCE(sum(members_mobile), 0) AS mobile,
                   COALESCE(sum(members_in_service), 0) AS in_service,
                   COALESCE(sum(reports_units), 0) AS unit_reports, COALESCE(sum(reports_members), 0) AS member_reports,
                   COALESCE(sum(pairs), 0) AS pairs, COALESCE(sum(projects_planned), 0) AS planned,
                   COALESCE(sum(projects_in_progress), 0) AS in_progress, COALESCE(sum(projects_done), 0) AS done,
                   COALESCE(sum(venues), 0) AS venues
            FROM organizations.unit_counts
            WHERE path OPERATOR(public.<@) $1::public.ltree
            """
        )
        /// $1 the subtree's path, $2 and $3 the period for service hours, seats and coverage.
        /// Each count starts from its own (small) table and checks the row's organisation is
        /// in the subtree, rather than listing the subtree's organisations first.
        static let inPeriod = PostgresStatement(
            "organizations.stats.in_period",
            """
            SELECT COALESCE((SELECT sum(h.hours) FROM organizations.service_hours h
                             JOIN organizations.reports r ON r.id = h.report_id
                             JOIN organizations.units u ON u.id = r.community_id
                             WHERE u.path OPERATOR(public.<@) $1::public.ltree AND h.served_on BETWEEN $2 AND $3), 0) AS service_hours,
                   (SELECT count(*) FROM organizations.seats s JOIN organizations.units u ON u.id = s.committee_id
                    WHERE u.path OPERATOR(public.<@) $1::public.ltree AND s.ended_on IS NULL AND s.term_end >= $3) AS seats,
                   covered.org_covered, covered.work_covered
            FROM (
                SELECT count(*) FILTER (WHERE EXISTS (
                           SELECT 1 FROM organizations.venue_covers c JOIN organizations.units cu ON cu.id = c.unit_id
                           WHERE c.venue_id = v.id AND c.since <= $3 AND (c.ended_on IS NULL OR c.ended_on >= $3)
                             AND (cu.dissolved_on IS NULL OR cu.dissolved_on > $3))) AS org_covered,
                       count(*) FILTER (WHERE EXISTS (
                           SELECT 1 FROM organizations.venue_activities x WHERE x.venue_id = v.id AND x.held_on BETWEEN $2 AND $3)) AS work_covered
                FROM organizations.venues v JOIN organizations.units u ON u.id = v.area_id
                WHERE u.path OPERATOR(public.<@) $1::public.ltree
            ) covered
            """
        )
    }

    static func reply(for unit: Unit, from: CalendarDate, to: CalendarDate, in session: PostgresSession) async throws -> Reply {
        var byKind: [OrganizationKind: Int64] = [:]
        for row in try await session.query(Queries.kinds, [unit.path]) {
            if let kind = OrganizationKind(rawValue: try row.decode("kind")) { byKind[kind] = try row.decode("units") }
        }
        let counted = try await session.query(Queries.counted, [unit.path]).single()
        let inPeriod = try await session.query(Queries.inPeriod, [unit.path, from, to]).single()
        func int(_ column: String) throws -> Int64 { try counted.decode(column) }
        func periodInt(_ column: String) throws -> Int64 { try inPeriod.decode(column) }
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
            ("service_hours", .decimal(try inPeriod.decode("service_hours", as: Decimal.self))),
            ("seats", .int(try periodInt("seats"))), ("pairs", .int(try int("pairs"))),
            ("projects_planned", .int(try int("planned"))), ("projects_in_progress", .int(try int("in_progress"))),
            ("projects_done", .int(try int("done"))),
            ("venues", .int(venues)),
            ("coverage_org_rate", .decimal(CoverageStore.Line.rate(Int(try periodInt("org_covered")), of: Int(venues)))),
            ("coverage_work_rate", .decimal(CoverageStore.Line.rate(Int(try periodInt("work_covered")), of: Int(venues)))),
        ]
        return .record(fields)
    }
}
