import WorkbenchPostgres

/// The named statements of the complaint workflow.
enum ComplaintQueries {
    static let find = PostgresStatement(
        "property.complaint.find",
        """
        SELECT \(Complaint.columns) FROM property.complaints p \(Complaint.joins)
        WHERE p.id = CASE WHEN $1::bigint IS NULL THEN (SELECT id FROM property.complaints WHERE code = $2) ELSE $1::bigint END
        """
    )
    static let findForUpdate = PostgresStatement("property.complaint.find_for_update", find.sql + " FOR UPDATE OF p")

    /// A new complaint with its deadline: `$9` filing time, `$10…$12` the rule's amount, unit
    /// and time zone, `$13` the warning share.
    static let insert = PostgresStatement(
        "property.complaint.insert",
        """
        WITH next AS (SELECT nextval('property.complaint_number') AS id),
             clock AS (SELECT workbench.add_duration($9::timestamptz, $10::integer, $11::text, $12::text) AS due)
        INSERT INTO property.complaints (id, code, complex_id, company_id, community_id, severity, subject, description, complainant,
                                         complainant_phone, status, filed_at, deadline_amount, deadline_unit, warn_at, due_at)
        SELECT next.id, 'PC-' || to_char($9::timestamptz AT TIME ZONE $12::text, 'YYYY') || '-' || lpad(next.id::text, GREATEST(6, \
        length(next.id::text)), '0'),
               $1, $2, $3, $4, $5, $6, $7, $8, 'filed', $9, $10, $11, $9 + (clock.due - $9) * $13::double precision, clock.due
        FROM next, clock
        RETURNING id, code, due_at
        """
    )

    static let acknowledge = PostgresStatement(
        "property.complaint.acknowledge",
        "UPDATE property.complaints SET status = 'acknowledged', acknowledged_at = COALESCE(acknowledged_at, $2) WHERE id = $1"
    )
    /// Resolved: whether it came by the deadline is kept.
    static let resolve = PostgresStatement(
        "property.complaint.resolve",
        "UPDATE property.complaints SET status = 'resolved', resolved_at = $2, resolved_on_time = ($2 <= due_at) WHERE id = $1"
    )
    static let close = PostgresStatement(
        "property.complaint.close", "UPDATE property.complaints SET status = 'closed', closed_at = $2, verdict = $3 WHERE id = $1"
    )
    /// Back to acknowledged; the deadline stays the one counted from filing, so a complaint
    /// reopened after it is overdue at once (and the service records that again).
    static let reopen = PostgresStatement(
        "property.complaint.reopen",
        """
        UPDATE property.complaints
        SET status = 'acknowledged', resolved_at = NULL, resolved_on_time = NULL, reopens = reopens + 1, overdue_noted = false
        WHERE id = $1
        """
    )

    static let recordEvent = PostgresStatement(
        "property.complaint.record_event",
        """
        INSERT INTO property.complaint_events (complaint_id, at, kind, actor, from_status, to_status, note)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        """
    )
    static let timeline = PostgresStatement(
        "property.complaint.timeline",
        "SELECT at, kind, actor, from_status, to_status, note FROM property.complaint_events WHERE complaint_id = $1 ORDER BY at, id"
    )

    /// Open and overdue complaints of complex `$1` at `$2`.
    static let openCount = PostgresStatement(
        "property.complaint.open_count",
        """
        SELECT count(*) AS open, count(*) FILTER (WHERE due_at < $2) AS overdue
        FROM property.complaints WHERE complex_id = $1 AND status IN ('filed', 'acknowledged')
        """
    )

    /// `$2` status, `$3` severity, `$4` subject, `$5` complex, `$6` company, `$7` scope path,
    /// `$8` overdue only at `$9`, `$10` limit.
    static let list = PostgresStatement(
        "property.complaint.list",
        """
        SELECT \(Complaint.columns) FROM property.complaints p \(Complaint.joins)
        WHERE p.id > $1
          AND ($2::text IS NULL OR p.status = $2)
          AND ($3::text IS NULL OR p.severity = $3)
          AND ($4::text IS NULL OR p.subject = $4)
          AND ($5::bigint IS NULL OR p.complex_id = $5)
          AND ($6::bigint IS NULL OR p.company_id = $6)
          AND ($7::text IS NULL OR p.community_id IN (
                SELECT u.id FROM organizations.units u WHERE u.path OPERATOR(public.<@) $7::public.ltree AND u.kind = 'community'))
          AND (NOT $8::boolean OR (p.status IN ('filed', 'acknowledged') AND p.due_at < $9))
        ORDER BY p.id
        LIMIT $10
        """
    )

    /// Open complaints past their deadline at `$2`, oldest first; read through the partial
    /// index over open complaints, so its cost follows the open complaints, not all of them.
    /// `$3` severity, `$4` company, `$5` scope path.
    static let overdue = PostgresStatement(
        "property.complaint.overdue",
        """
        SELECT \(Complaint.columns) FROM property.complaints p \(Complaint.joins)
        WHERE p.status IN ('filed', 'acknowledged') AND p.due_at < $2 AND p.id > $1
          AND ($3::text IS NULL OR p.severity = $3)
          AND ($4::bigint IS NULL OR p.company_id = $4)
          AND ($5::text IS NULL OR p.community_id IN (
                SELECT u.id FROM organizations.units u WHERE u.path OPERATOR(public.<@) $5::public.ltree AND u.kind = 'community'))
        ORDER BY p.id
        LIMIT $6
        """
    )
}
