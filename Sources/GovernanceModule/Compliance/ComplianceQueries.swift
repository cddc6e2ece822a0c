import WorkbenchPostgres

/// The statements of the compliance view: periods of each body's cadence that held no
/// meeting, and organisations that should hold joint meetings but have no body.
enum ComplianceQueries {
    /// Each body's periods of its cadence, from the later of its `since` and `$2` to the period
    /// holding `$3`, in subtree `$1` (null: everywhere): one row per period, with the meetings
    /// held in it. `$4` only the periods without a meeting.
    static let periods = PostgresStatement(
        "governance.compliance.periods",
        """
        SELECT b.id AS body_id, u.code, u.name, b.cadence,
               to_char(p, CASE b.cadence WHEN 'monthly' THEN 'YYYY-MM' ELSE 'YYYY"Q"Q' END) AS period,
               p::date AS first_day, (p + c.step)::date - 1 AS last_day,
               (SELECT count(*) FROM governance.meetings m
                WHERE m.body_id = b.id AND m.held_on >= p::date AND m.held_on < (p + c.step)::date) AS meetings
        FROM governance.bodies b
        JOIN organizations.units u ON u.id = b.unit_id
        CROSS JOIN LATERAL (
            SELECT CASE b.cadence WHEN 'monthly' THEN interval '1 month' ELSE interval '3 months' END AS step,
                   CASE b.cadence WHEN 'monthly' THEN 'month' ELSE 'quarter' END AS unit
        ) c
        CROSS JOIN LATERAL generate_series(date_trunc(c.unit, greatest(b.since, $2::date)::timestamp), $3::date::timestamp, c.step) p
        WHERE ($1::text IS NULL OR u.path OPERATOR(public.<@) $1::public.ltree)
          AND u.dissolved_on IS NULL
          AND (NOT $4::boolean OR NOT EXISTS (
                SELECT 1 FROM governance.meetings m WHERE m.body_id = b.id AND m.held_on >= p::date AND m.held_on < (p + c.step)::date))
        ORDER BY u.code, p
        LIMIT $5
        """
    )

    /// Streets and communities in subtree `$1` (null: everywhere) still active with no body,
    /// at most `$2`.
    static let withoutBody = PostgresStatement(
        "governance.compliance.without_body",
        """
        SELECT u.code, u.name, u.kind FROM organizations.units u
        WHERE ($1::text IS NULL OR u.path OPERATOR(public.<@) $1::public.ltree)
          AND u.kind IN ('street', 'community') AND u.dissolved_on IS NULL
          AND NOT EXISTS (SELECT 1 FROM governance.bodies b WHERE b.unit_id = u.id)
        ORDER BY u.code
        LIMIT $2
        """
    )
}
