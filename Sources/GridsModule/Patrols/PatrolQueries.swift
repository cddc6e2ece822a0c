import WorkbenchPostgres

/// The named statements of patrols 每日巡 (`grids.patrols`).
enum PatrolQueries {
    /// A patrol: `$1` grid, `$2` worker's name, `$3` member or null, `$4` day, `$5`/`$6`
    /// start and end or null, `$7` cases found, `$8` note or null.
    static let insert = PostgresStatement(
        "grids.patrol.insert",
        """
        INSERT INTO grids.patrols (grid_id, worker, member_id, patrolled_on, started_at, ended_at, cases_found, note)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        RETURNING id
        """
    )

    /// Patrols filtered: `$2` grid path (subtree), `$3` organisation path (communities in the
    /// subtree), `$4` worker's name, `$5`…`$6` first and last day, `$7` member.
    static let list = PostgresStatement(
        "grids.patrol.list",
        """
        SELECT \(Patrol.columns)
        FROM grids.patrols p JOIN grids.grids g ON g.id = p.grid_id
        WHERE p.id > $1
          AND ($2::text IS NULL OR g.path OPERATOR(public.<@) $2::public.ltree)
          AND ($3::text IS NULL OR g.community_id IN (
                SELECT u.id FROM organizations.units u WHERE u.path OPERATOR(public.<@) $3::public.ltree AND u.kind = 'community'))
          AND ($4::text IS NULL OR p.worker = $4)
          AND ($5::date IS NULL OR p.patrolled_on >= $5)
          AND ($6::date IS NULL OR p.patrolled_on <= $6)
          AND ($7::bigint IS NULL OR p.member_id = $7)
        ORDER BY p.id
        LIMIT $8
        """
    )

    /// Grids set up by day `$2` without a patrol on it, by id: `$3` community, `$4` organisation path
    /// (communities in the subtree), `$5` level; with the last patrol before that day and the
    /// grid workers assigned on that day.
    static let gaps = PostgresStatement(
        "grids.patrol.gaps",
        """
        SELECT g.id, g.code, g.name, c.code AS community_code,
               (SELECT max(p.patrolled_on) FROM grids.patrols p WHERE p.grid_id = g.id AND p.patrolled_on < $2::date) AS last_patrol,
               (SELECT string_agg(a.person, '、' ORDER BY a.id) FROM grids.assignments a
                WHERE a.grid_id = g.id AND a.role = 'worker' AND a.starts_on <= $2::date
                  AND (a.ends_on IS NULL OR a.ends_on >= $2::date)) AS workers
        FROM grids.grids g JOIN organizations.units c ON c.id = g.community_id
        WHERE g.id > $1 AND g.established_on <= $2::date
          AND NOT EXISTS (SELECT 1 FROM grids.patrols p WHERE p.patrolled_on = $2::date AND p.grid_id = g.id)
          AND ($3::bigint IS NULL OR g.community_id = $3)
          AND ($4::text IS NULL OR c.path OPERATOR(public.<@) $4::public.ltree)
          AND ($5::text IS NULL OR g.level = $5)
        ORDER BY g.id
        LIMIT $6
        """
    )
}
