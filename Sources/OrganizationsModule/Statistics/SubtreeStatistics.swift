import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// `org stats`: the numbers a district or street organisation department asks for, for any
/// subtree, in two queries: the subtree's rows of `organizations.unit_counts` summed by kind
/// (active organisations, members, open reports, pairs, projects, venues), and what depends on
/// the period (service hours, seats in term, coverage).
enum SubtreeStatistics {
    enum Queries {
        /// $1 the subtree's path: one row per kind of organisation in it.
        static let counted = PostgresStatement(
            "organizations.stats.counted",
            """
            SELECT kind, sum(active) AS units, sum(members) AS members, sum(members_formal) AS formal,
                   sum(members_probationary) AS probationary, sum(members_mobile) AS mobile, sum(members_in_service) AS in_service,
                   sum(reports_units) AS unit_reports, sum(reports_members) AS member_reports, sum(pairs) AS pairs,
                   sum(projects_planned) AS planned, sum(projects_in_progress) AS in_progress, sum(projects_done) AS done,
                   sum(venues) AS venues
            FROM organizations.unit_counts
            WHERE path OPERATOR(public.<@) $1::public.ltree
            GROUP BY kind
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
                SELECT count(*) FILTER (WHERE \(CoverageStore.Queries.organisationallyCovered(venue: "v.id", on: "$3"))) AS org_covered,
                       count(*) FILTER (WHERE \(CoverageStore.Queries.workCovered(venue: "v.id", from: "$2", to: "$3"))) AS work_covered
                FROM organizations.venues v JOIN organizations.units u ON u.id = v.area_id
                WHERE u.path OPERATOR(public.<@) $1::public.ltree
            ) covered
            """
        )
    }

    /// The counted columns, summed over the kinds.
    static let countedColumns = [
        "members", "formal", "probationary", "mobile", "in_service", "unit_reports", "member_reports", "pairs", "planned",
        "in_progress", "done", "venues",
    ]

    static func reply(for unit: Unit, from: CalendarDate, to: CalendarDate, in session: PostgresSession) async throws -> Reply {
        var byKind: [OrganizationKind: Int64] = [:]
        var totals: [String: Int64] = [:]
        for row in try await session.query(Queries.counted, [unit.path]) {
            let units: Int64 = try row.decode("units")
            if units > 0, let kind = OrganizationKind(rawValue: try row.decode("kind")) { byKind[kind] = units }
            for column in countedColumns { totals[column, default: 0] += try row.decode(column) }
        }
        let inPeriod = try await session.query(Queries.inPeriod, [unit.path, from, to]).single()
        func int(_ column: String) -> Int64 { totals[column] ?? 0 }
        func periodInt(_ column: String) throws -> Int64 { try inPeriod.decode(column) }
        var fields: [(String, ReplyValue)] = [
            ("unit", .string(unit.code)), ("name", .string(unit.name)), ("period", .string("\(from) to \(to)")),
            ("organisations", .int(byKind.values.reduce(0, +))),
        ]
        for kind in OrganizationKind.allCases.sorted() where byKind[kind] != nil {
            fields.append(("organisations_\(kind.rawValue)", .int(byKind[kind]!)))
        }
        let venues = int("venues")
        fields += [
            ("members", .int(int("members"))), ("members_formal", .int(int("formal"))),
            ("members_probationary", .int(int("probationary"))), ("members_mobile", .int(int("mobile"))),
            ("members_in_service", .int(int("in_service"))),
            ("reports_units", .int(int("unit_reports"))), ("reports_members", .int(int("member_reports"))),
            ("service_hours", .decimal(try inPeriod.decode("service_hours", as: Decimal.self))),
            ("seats", .int(try periodInt("seats"))), ("pairs", .int(int("pairs"))),
            ("projects_planned", .int(int("planned"))), ("projects_in_progress", .int(int("in_progress"))),
            ("projects_done", .int(int("done"))),
            ("venues", .int(venues)),
            ("coverage_org_rate", Percentage.value(Int(try periodInt("org_covered")), of: Int(venues))),
            ("coverage_work_rate", Percentage.value(Int(try periodInt("work_covered")), of: Int(venues))),
        ]
        return .record(fields)
    }
}
