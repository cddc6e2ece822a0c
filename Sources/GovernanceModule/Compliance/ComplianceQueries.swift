import WorkbenchPostgres

/// The statements of the compliance view: periods of each body's cadence that held no
/// meeting, and organisations that should hold joint meetings but have no body.
enum ComplianceQueries {
    /// Each body's periods of its cadence (`governance.body_periods`), from the one holding `$2`
    /// (not before its since day's) to the one holding `$3`, in subtree `$1` (null: everywhere):
    /// the periods that held no meeting, at most `$4`.
    static let periods = PostgresStatement(
        "governance.compliance.periods",
        """
        SELECT b.id AS body_id, u.code, u.name, b.cadence, p.period, p.first_day, p.last_day
        FROM governance.bodies b
        JOIN organizations.units u ON u.id = b.unit_id
        CROSS JOIN LATERAL governance.body_periods(b.id, $2::date, $3::date) p
        WHERE ($1::text IS NULL OR u.path OPERATOR(public.<@) $1::public.ltree)
          AND u.dissolved_on IS NULL
          AND p.meetings = 0
        ORDER BY u.code, p.first_day
        LIMIT $4
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
