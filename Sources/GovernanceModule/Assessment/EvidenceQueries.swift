import OrganizationsModule
import WorkbenchPostgres

/// The statements that count each ``EvidenceKind``: every one answers `achieved` and
/// `counted`. `$1` the assessed organisation's path, `$2` the year's first day, `$3` its last
/// day counted (31 December, or today while the year runs); the unit statements take the
/// assessed unit's id and the assessor's id instead of the path; coverage, a standing figure,
/// takes the path and the last day only. Days become instants in
/// sub-selects, as the other modules' statistics do.
enum EvidenceQueries {
    static let casesOnTime = PostgresStatement(
        "governance.evidence.cases_on_time",
        """
        SELECT count(*) FILTER (WHERE c.resolved_on_time) AS achieved, count(*) AS counted
        FROM grids.cases c
        WHERE c.organisation_path OPERATOR(public.<@) $1::public.ltree
          AND c.resolved_at >= (SELECT $2::date::timestamptz) AND c.resolved_at < (SELECT ($3::date + 1)::timestamptz)
        """
    )
    static let complaintsOnTime = PostgresStatement(
        "governance.evidence.complaints_on_time",
        """
        SELECT count(*) FILTER (WHERE c.resolved_on_time) AS achieved, count(*) AS counted
        FROM property.complaints c
        WHERE c.organisation_path OPERATOR(public.<@) $1::public.ltree
          AND c.resolved_at >= (SELECT $2::date::timestamptz) AND c.resolved_at < (SELECT ($3::date + 1)::timestamptz)
        """
    )
    static let sessionsFiveHaves = PostgresStatement(
        "governance.evidence.sessions_five_haves",
        """
        SELECT count(*) FILTER (WHERE s.status = 'closed') AS achieved, count(*) AS counted
        FROM consultations.sessions s
        WHERE s.organisation_path OPERATOR(public.<@) $1::public.ltree AND s.status <> 'cancelled'
          AND s.starts_at >= (SELECT $2::date::timestamptz) AND s.starts_at < (SELECT ($3::date + 1)::timestamptz)
        """
    )
    static let meetingsHeld = PostgresStatement(
        "governance.evidence.meetings_held",
        """
        SELECT count(*) FILTER (WHERE p.meetings > 0) AS achieved, count(*) AS counted
        FROM governance.bodies b
        JOIN organizations.units u ON u.id = b.unit_id
        CROSS JOIN LATERAL governance.body_periods(b.id, $2::date, $3::date) p
        WHERE u.path OPERATOR(public.<@) $1::public.ltree AND p.first_day >= $2::date AND p.last_day <= $3::date
        """
    )
    static let tasksOnTime = PostgresStatement(
        "governance.evidence.tasks_on_time",
        """
        SELECT count(*) FILTER (WHERE t.status = 'done' AND t.closed_on <= t.due_on) AS achieved, count(*) AS counted
        FROM governance.tasks t
        JOIN governance.meetings m ON m.id = t.meeting_id
        JOIN governance.bodies b ON b.id = m.body_id
        JOIN organizations.units u ON u.id = b.unit_id
        WHERE u.path OPERATOR(public.<@) $1::public.ltree AND t.status <> 'cancelled' AND t.due_on BETWEEN $2::date AND $3::date
        """
    )
    /// `$1` the stationed unit, `$2`/`$3` the days, `$4` the assessor.
    static let unitTasksOnTime = PostgresStatement(
        "governance.evidence.unit_tasks_on_time",
        """
        SELECT count(*) FILTER (WHERE t.status = 'done' AND t.closed_on <= t.due_on) AS achieved, count(*) AS counted
        FROM governance.tasks t
        JOIN governance.meetings m ON m.id = t.meeting_id
        JOIN governance.bodies b ON b.id = m.body_id
        WHERE t.assignee_unit_id = $1 AND b.unit_id = $4 AND t.status <> 'cancelled' AND t.due_on BETWEEN $2::date AND $3::date
        """
    )
    static let attendance = PostgresStatement(
        "governance.evidence.attendance",
        """
        SELECT coalesce(sum((SELECT count(*) FROM governance.attendance a WHERE a.meeting_id = m.id)), 0)::bigint AS achieved,
               (count(*) * (SELECT count(*) FROM governance.body_members k JOIN governance.bodies b ON b.id = k.body_id
                            JOIN organizations.units u ON u.id = b.unit_id WHERE u.path = $1::public.ltree))::bigint AS counted
        FROM governance.meetings m
        JOIN governance.bodies b ON b.id = m.body_id
        JOIN organizations.units u ON u.id = b.unit_id
        WHERE u.path = $1::public.ltree AND m.held_on BETWEEN $2::date AND $3::date
        """
    )
    /// `$1` the stationed unit, `$2`/`$3` the days, `$4` the assessor.
    static let unitAttendance = PostgresStatement(
        "governance.evidence.unit_attendance",
        """
        SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM governance.attendance a WHERE a.meeting_id = m.id AND a.unit_id = $1)) AS achieved,
               count(*) AS counted
        FROM governance.meetings m
        JOIN governance.bodies b ON b.id = m.body_id
        WHERE b.unit_id = $4 AND m.held_on BETWEEN $2::date AND $3::date
        """
    )
    static let coverage = PostgresStatement(
        "governance.evidence.coverage",
        """
        SELECT count(*) FILTER (WHERE \(OrganizationDirectory.venueCoveredCondition(venue: "v.id", on: "$2"))) AS achieved, count(*) AS counted
        FROM organizations.venues v JOIN organizations.units a ON a.id = v.area_id
        WHERE a.path OPERATOR(public.<@) $1::public.ltree
        """
    )
    static let points = PostgresStatement(
        "governance.evidence.points",
        """
        SELECT count(*) FILTER (WHERE EXISTS (
                   SELECT 1 FROM organizations.points p WHERE p.member_id = m.id AND p.points > 0
                     AND p.awarded_at >= (SELECT $2::date::timestamptz) AND p.awarded_at < (SELECT ($3::date + 1)::timestamptz))) AS achieved,
               count(*) AS counted
        FROM organizations.members m JOIN organizations.units u ON u.id = m.unit_id
        WHERE u.path OPERATOR(public.<@) $1::public.ltree AND (m.left_on IS NULL OR m.left_on > $3::date)
        """
    )

    /// Every statement above.
    static let all = [
        casesOnTime, complaintsOnTime, sessionsFiveHaves, meetingsHeld, tasksOnTime, unitTasksOnTime, attendance, unitAttendance, coverage,
        points,
    ]
}
