import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// Double reporting (双报到): reports of units and in-service members to communities, and
/// the hours served under them.
enum ReportStore {
    enum Queries {
        static let insert = PostgresStatement(
            "organizations.report.insert",
            "INSERT INTO organizations.reports (unit_id, member_id, community_id, reported_on, note) VALUES ($1, $2, $3, $4, $5) RETURNING id"
        )
        /// Whether unit `$1` (a member's branch) lies in the subtree at path `$2`.
        static let branchInside = PostgresStatement(
            "organizations.report.branch_inside",
            "SELECT u.path OPERATOR(public.<@) $2::public.ltree FROM organizations.units u WHERE u.id = $1"
        )
        static let findForUpdate = PostgresStatement(
            "organizations.report.find_for_update",
            """
            SELECT r.id, r.reported_on, r.ended_on, c.code AS community_code
            FROM organizations.reports r JOIN organizations.units c ON c.id = r.community_id
            WHERE r.id = $1 FOR UPDATE OF r
            """
        )
        static let end = PostgresStatement("organizations.report.end", "UPDATE organizations.reports SET ended_on = $2 WHERE id = $1")
        static let serve = PostgresStatement(
            "organizations.report.serve",
            "INSERT INTO organizations.service_hours (report_id, served_on, hours, activity) VALUES ($1, $2, $3, $4) RETURNING id"
        )
        static let list = PostgresStatement(
            "organizations.report.list",
            """
            SELECT r.id, CASE WHEN r.unit_id IS NULL THEN 'member' ELSE 'unit' END AS reporter_kind,
                   COALESCE(u.code, '#' || m.id::text) AS reporter, COALESCE(u.name, m.name) AS reporter_name,
                   c.code AS community, r.reported_on, r.ended_on,
                   count(h.id) AS services, COALESCE(sum(h.hours), 0) AS hours, max(h.served_on) AS last_served_on
            FROM organizations.reports r
            JOIN organizations.units c ON c.id = r.community_id
            LEFT JOIN organizations.units u ON u.id = r.unit_id
            LEFT JOIN organizations.members m ON m.id = r.member_id
            LEFT JOIN organizations.service_hours h ON h.report_id = r.id AND h.served_on BETWEEN $4 AND $5
            WHERE r.id > $1
              AND ($2::text IS NULL OR c.path OPERATOR(public.<@) $2::public.ltree)
              AND ($3::text IS NULL OR ($3 = 'unit') = (r.unit_id IS NOT NULL))
              AND (CASE $6::text WHEN 'open' THEN r.ended_on IS NULL WHEN 'ended' THEN r.ended_on IS NOT NULL ELSE true END)
            GROUP BY r.id, u.code, u.name, m.id, m.name, c.code
            HAVING NOT $7 OR count(h.id) > 0
            ORDER BY r.id
            LIMIT $8
            """
        )
    }

    /// Who is reporting: a unit or a member.
    enum Reporter: Sendable {
        case unit(Unit)
        case member(Member)
    }

    /// Records a report to `community` and answers its id.
    static func report(
        _ reporter: Reporter, to communityReference: UnitReference, on date: CalendarDate, note: String?, in session: PostgresSession
    ) async throws -> (Int64, Unit) {
        let community = try await UnitStore.findActive(communityReference, argument: "community", lock: .share, in: session)
        try MemberStore.requireCommunity(community, argument: "community")
        let unitID: Int64?
        let memberID: Int64?
        switch reporter {
        case .unit(let unit):
            guard unit.kind.isUnitSide else {
                throw WorkbenchError(
                    status: .unprocessable, code: OrganizationsErrorCode.reportNotAResidentUnit,
                    message:
                        "\(unit.label) is a \(unit.kind.label); units that report (双报到) are resident-unit, two-new, joint, regional or "
                        + "industry organisations",
                    argument: "unit"
                )
            }
            (unitID, memberID) = (unit.id, nil)
        case .member(let member):
            guard date >= member.joinedOn else {
                throw WorkbenchError.invalidArgument("on", "\(member.label) joined on \(member.joinedOn); the report cannot be dated before that")
            }
            // 双报到 brings a member whose branch is elsewhere (at work) to where they live: a
            // member whose own branch is in this community is already its member.
            let inside: Bool = try await session.query(Queries.branchInside, [member.unitID, community.path]).single().decode(at: 0)
            guard !inside else {
                throw WorkbenchError(
                    status: .unprocessable, code: OrganizationsErrorCode.reportMemberAlreadyInCommunity,
                    message: "\(member.label)'s own branch \(member.unitCode) is in \(community.label); 双报到 is for members whose branch is elsewhere",
                    argument: "member"
                )
            }
            (unitID, memberID) = (nil, member.id)
        }
        let id: Int64 = try await session.query(Queries.insert, [unitID, memberID, community.id, date, note]).single().decode("id")
        return (id, community)
    }

    /// Logs hours served under an open report.
    static func serve(
        report reportID: Int64, on date: CalendarDate, hours: Decimal, activity: String, today: CalendarDate, in session: PostgresSession
    ) async throws -> Int64 {
        let report = try await findForUpdate(reportID, in: session)
        let reportedOn: CalendarDate = try report.decode("reported_on")
        if let ended: CalendarDate = try report.decode("ended_on"), date > ended {
            throw WorkbenchError.ruleRefused(
                OrganizationsErrorCode.reportEnded, "report \(reportID) ended on \(ended); service after that cannot be logged against it")
        }
        guard date >= reportedOn else {
            throw WorkbenchError.invalidArgument("on", "report \(reportID) began on \(reportedOn); service before that cannot be logged against it")
        }
        guard date <= today else {
            throw WorkbenchError.invalidArgument("on", "\(date) is in the future; log service once it has happened")
        }
        return try await session.query(Queries.serve, [reportID, date, hours, activity]).single().decode("id")
    }

    /// Ends an open report, or, dated after today, records its end ahead; answers the
    /// community's code.
    static func end(report reportID: Int64, _ request: EndRequest, in session: PostgresSession) async throws -> (String, EndOutcome<Void>) {
        let report = try await findForUpdate(reportID, in: session)
        if let ended: CalendarDate = try report.decode("ended_on") {
            throw WorkbenchError.conflict(OrganizationsErrorCode.reportAlreadyEnded, "report \(reportID) already ended on \(ended)")
        }
        let reportedOn: CalendarDate = try report.decode("reported_on")
        guard request.on >= reportedOn else {
            throw WorkbenchError.invalidArgument("on", "report \(reportID) began on \(reportedOn); it cannot end before that")
        }
        let community: String = try report.decode("community_code")
        if request.isAhead {
            let id = try await ScheduledEndStore.record(.report(reportID), on: request.on, by: request.actor, in: session)
            return (community, .recordedAhead(id: id, on: request.on))
        }
        try await session.execute(Queries.end, [reportID, request.on])
        return (community, .ended(()))
    }

    private static func findForUpdate(_ id: Int64, in session: PostgresSession) async throws -> PostgresRow {
        let row = try await session.row(
            Queries.findForUpdate, [id],
            orElse: WorkbenchError(
                status: .notFound, code: OrganizationsErrorCode.reportNotFound,
                message: "no report with id \(id); see 'org report list community=<code>'", argument: "report"
            ))
        return row
    }
}
