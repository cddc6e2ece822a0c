import WorkbenchPostgres

/// Queries that summarise a member's activity across the module's areas.
enum MemberQueries {
    static let summary = PostgresStatement(
        "organizations.member.summary",
        """
        SELECT (SELECT c.code FROM organizations.reports r JOIN organizations.units c ON c.id = r.community_id
                WHERE r.member_id = $1 AND r.ended_on IS NULL) AS reports_to,
               (SELECT COALESCE(sum(h.hours), 0) FROM organizations.service_hours h JOIN organizations.reports r ON r.id = h.report_id
                WHERE r.member_id = $1) AS service_hours,
               (SELECT COALESCE(sum(p.points), 0) FROM organizations.points p WHERE p.member_id = $1) AS points
        """
    )
}
