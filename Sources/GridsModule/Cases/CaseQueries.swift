import WorkbenchPostgres

/// The named statements of the case workflow.
enum CaseQueries {
    static let find = PostgresStatement(
        "grids.case.find",
        """
        SELECT \(GridCase.columns) FROM grids.cases k JOIN grids.grids g ON g.id = k.grid_id
        WHERE k.id = CASE WHEN $1::bigint IS NULL THEN (SELECT id FROM grids.cases WHERE code = $2) ELSE $1::bigint END
        """
    )
    static let findForUpdate = PostgresStatement("grids.case.find_for_update", find.sql + " FOR UPDATE OF k")

    /// A new case with its clock: `$10` the start level, `$11` the report time, `$12…$14` the
    /// deadline's amount, unit and time zone, `$15` the warning share.
    static let insert = PostgresStatement(
        "grids.case.insert",
        """
        WITH next AS (SELECT nextval('grids.case_number') AS id),
             clock AS (SELECT workbench.add_duration($11::timestamptz, $12::integer, $13::text, $14::text) AS due)
        INSERT INTO grids.cases (id, code, grid_id, community_id, category, source, reporter, description, latitude, longitude,
                                 urgency, start_level, level, status, reported_at, clock_started_at, warn_at, due_at)
        SELECT next.id, 'GC-' || to_char($11::timestamptz AT TIME ZONE $14::text, 'YYYY') || '-' || lpad(next.id::text, GREATEST(6, \
        length(next.id::text)), '0'),
               $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, 'reported', $11, $11,
               $11 + (clock.due - $11) * $15::double precision, clock.due
        FROM next, clock
        RETURNING id, code, due_at
        """
    )

    /// A new status (clock untouched): `$3` assignee or null to keep it.
    static let setStatus = PostgresStatement(
        "grids.case.set_status",
        "UPDATE grids.cases SET status = $2, assignee = COALESCE($3, assignee) WHERE id = $1"
    )
    /// A new level and clock: `$2` level, `$3` department, `$4` the clock start, `$5…$7` the
    /// deadline, `$8` warning share, `$9` whether a deadline was missed (automatic escalation).
    static let escalate = PostgresStatement(
        "grids.case.escalate",
        """
        WITH clock AS (SELECT workbench.add_duration($4::timestamptz, $5::integer, $6::text, $7::text) AS due)
        UPDATE grids.cases k
        SET level = $2, department = $3, clock_started_at = $4, due_at = clock.due,
            warn_at = $4 + (clock.due - $4) * $8::double precision, warned = false, overdue_noted = false,
            escalated_to = k.escalated_to || $2::text, missed_deadlines = k.missed_deadlines + CASE WHEN $9::boolean THEN 1 ELSE 0 END
        FROM clock
        WHERE k.id = $1
        RETURNING k.due_at
        """
    )
    /// Resolved: the clock stops and whether it was on time is kept.
    static let resolve = PostgresStatement(
        "grids.case.resolve",
        """
        UPDATE grids.cases
        SET status = 'resolved', resolved_at = $2, resolved_on_time = ($2 <= due_at AND missed_deadlines = 0),
            clock_started_at = NULL, warn_at = NULL, due_at = NULL, warned = false, overdue_noted = false
        WHERE id = $1
        """
    )
    static let close = PostgresStatement(
        "grids.case.close", "UPDATE grids.cases SET status = 'closed', closed_at = $2 WHERE id = $1"
    )
    /// Back to handling at the same level with a new clock from `$2`.
    static let reopen = PostgresStatement(
        "grids.case.reopen",
        """
        WITH clock AS (SELECT workbench.add_duration($2::timestamptz, $3::integer, $4::text, $5::text) AS due)
        UPDATE grids.cases k
        SET status = 'in_progress', reopens = k.reopens + 1, resolved_at = NULL, resolved_on_time = NULL,
            clock_started_at = $2, due_at = clock.due, warn_at = $2 + (clock.due - $2) * $6::double precision
        FROM clock
        WHERE k.id = $1
        RETURNING k.due_at
        """
    )
    static let cancel = PostgresStatement(
        "grids.case.cancel",
        """
        UPDATE grids.cases
        SET status = 'cancelled', cancel_reason = $2, clock_started_at = NULL, warn_at = NULL, due_at = NULL
        WHERE id = $1
        """
    )

    static let insertEvent = PostgresStatement(
        "grids.case.event",
        """
        INSERT INTO grids.case_events (case_id, at, kind, actor, from_status, to_status, from_level, to_level, note)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        """
    )
    /// The timeline of the case named like ``find`` (`$1` id or `$2` code), so that both can
    /// travel in one round trip.
    static let timeline = PostgresStatement(
        "grids.case.timeline",
        """
        SELECT id, at, recorded_at, kind, actor, from_status, to_status, from_level, to_level, note
        FROM grids.case_events
        WHERE case_id = CASE WHEN $1::bigint IS NULL THEN (SELECT id FROM grids.cases WHERE code = $2) ELSE $1::bigint END ORDER BY at, id
        """
    )

    /// The filters every case list shares, on the cases aliased `alias`: after the page key `$1`,
    /// `$2` status, `$3` level, `$4` category, `$5` urgency and `$7` organisation subtree.
    private static func sharedFilters(_ alias: String) -> String {
        """
        \(alias).id > $1
          AND ($2::text IS NULL OR \(alias).status = $2)
          AND ($3::text IS NULL OR \(alias).level = $3)
          AND ($4::text IS NULL OR \(alias).category = $4)
          AND ($5::text IS NULL OR \(alias).urgency = $5)
          AND ($7::text IS NULL OR \(alias).community_id IN (
                SELECT u.id FROM organizations.units u WHERE u.path OPERATOR(public.<@) $7::public.ltree AND u.kind = 'community'))
        """
    }

    /// Cases filtered: `$2` status, `$3` level, `$4` category, `$5` urgency, `$6` grid path
    /// (subtree), `$7` organisation path (subtree), `$8` overdue only at `$9`.
    static let list = PostgresStatement(
        "grids.case.list",
        """
        SELECT \(GridCase.columns) FROM grids.cases k JOIN grids.grids g ON g.id = k.grid_id
        WHERE \(sharedFilters("k"))
          AND ($6::text IS NULL OR g.path OPERATOR(public.<@) $6::public.ltree)
          AND (NOT $8::boolean OR k.due_at < $9)
        ORDER BY k.id
        LIMIT $10
        """
    )

    /// `list` within a grid subtree (`$6` required): each grid's cases through
    /// `cases_grid_idx (grid_id, id)`, then the page across them. A LATERAL with its own LIMIT
    /// keeps this plan whatever the parameters, where the generic plan of `list` walks the
    /// whole primary key looking for one grid's cases.
    static let listInGrid = PostgresStatement(
        "grids.case.list_in_grid",
        """
        SELECT \(GridCase.columns)
        FROM (SELECT id FROM grids.grids WHERE path OPERATOR(public.<@) $6::public.ltree) s
        CROSS JOIN LATERAL (
            SELECT * FROM grids.cases c
            WHERE c.grid_id = s.id AND \(sharedFilters("c"))
              AND (NOT $8::boolean OR c.due_at < $9)
            ORDER BY c.id
            LIMIT $10
        ) k
        JOIN grids.grids g ON g.id = k.grid_id
        ORDER BY k.id
        LIMIT $10
        """
    )

    /// `list` of overdue cases only (`$8` true): the open cases past `$9` through the partial
    /// index `cases_open_due_idx` first, then the filters and the page. Ordered by id with a
    /// filter on recent cases, `list` would walk the primary key from the oldest case.
    static let listOverdue = PostgresStatement(
        "grids.case.list_overdue",
        """
        WITH due AS MATERIALIZED (SELECT * FROM grids.cases WHERE due_at < $9 AND $8::boolean)
        SELECT \(GridCase.columns) FROM due k JOIN grids.grids g ON g.id = k.grid_id
        WHERE \(sharedFilters("k"))
          AND ($6::text IS NULL OR g.path OPERATOR(public.<@) $6::public.ltree)
        ORDER BY k.id
        LIMIT $10
        """
    )
}
