import WorkbenchPostgres

/// The statements of `consult stats`. Each takes the scope's path `$1` (null: everywhere)
/// and the period's first and last day `$2`, `$3`.
enum StatisticsQueries {
    /// The communities of the scope.
    private static let communities = """
        SELECT u.id FROM organizations.units u WHERE ($1::text IS NULL OR u.path OPERATOR(public.<@) $1::public.ltree) AND u.kind = 'community'
        """

    /// Topics proposed in the period by category and by source, with how many are settled.
    static let topics = PostgresStatement(
        "consultations.stats.topics",
        """
        SELECT GROUPING(category) = 0 AS by_category, coalesce(category, source) AS item, count(*) AS topics,
               count(*) FILTER (WHERE status = 'settled') AS settled
        FROM consultations.topics
        WHERE community_id IN (\(communities))
          AND proposed_at >= (SELECT $2::date::timestamptz) AND proposed_at < (SELECT ($3::date + 1)::timestamptz)
        GROUP BY GROUPING SETS ((category), (source))
        ORDER BY by_category DESC, topics DESC, item
        """
    )

    /// Sessions starting in the period, held in the scope: by status, and for the closed ones
    /// the five haves as they came — the notice up by the session's day, replies within the
    /// session — and how many of their adopted topics are settled.
    static let sessions = PostgresStatement(
        "consultations.stats.sessions",
        """
        WITH scoped AS (
            SELECT s.* FROM consultations.sessions s JOIN organizations.units u ON u.id = s.unit_id
            WHERE ($1::text IS NULL OR u.path OPERATOR(public.<@) $1::public.ltree)
              AND s.starts_at >= (SELECT $2::date::timestamptz) AND s.starts_at < (SELECT ($3::date + 1)::timestamptz)
        )
        SELECT count(*) FILTER (WHERE status = 'scheduled') AS scheduled,
               count(*) FILTER (WHERE status = 'closed') AS closed,
               count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
               count(*) FILTER (WHERE status = 'closed' AND notice_posted_on <= starts_at::date) AS notice_in_time,
               (SELECT count(*) FROM consultations.session_topics st JOIN scoped c ON c.id = st.session_id
                WHERE c.status = 'closed' AND st.adopted) AS topics_adopted,
               (SELECT count(*) FROM consultations.session_topics st JOIN scoped c ON c.id = st.session_id
                JOIN consultations.topics t ON t.id = st.topic_id
                WHERE c.status = 'closed' AND st.adopted AND t.status = 'settled') AS topics_settled
        FROM scoped
        """
    )

    /// Actions of the scope's topics due in the period: done on time, done late, dropped,
    /// open and overdue on `$4`, open and not yet due.
    static let actions = PostgresStatement(
        "consultations.stats.actions",
        """
        SELECT count(*) AS total,
               count(*) FILTER (WHERE a.status = 'done' AND a.done_at::date <= a.due_on) AS done_on_time,
               count(*) FILTER (WHERE a.status = 'done' AND a.done_at::date > a.due_on) AS done_late,
               count(*) FILTER (WHERE a.status = 'dropped') AS dropped,
               count(*) FILTER (WHERE a.status = 'open' AND a.due_on < $4::date) AS overdue,
               count(*) FILTER (WHERE a.status = 'open' AND a.due_on >= $4::date) AS open
        FROM consultations.actions a JOIN consultations.topics t ON t.id = a.topic_id
        WHERE t.community_id IN (\(communities)) AND a.due_on BETWEEN $2::date AND $3::date
        """
    )

    /// Orders placed in the period by status, with the mean hours from placing to done, the
    /// hours served, the mean rating and the vanguard points the hours earned.
    static let orders = PostgresStatement(
        "consultations.stats.orders",
        """
        SELECT o.status, count(*) AS orders,
               avg(extract(epoch FROM o.done_at - o.placed_at) / 3600.0) FILTER (WHERE o.done_at IS NOT NULL) AS hours_to_done,
               sum(o.hours) AS hours_served, avg(o.rating) AS rating, sum(p.points) AS points
        FROM consultations.orders o LEFT JOIN organizations.points p ON p.id = o.points_entry_id
        WHERE o.community_id IN (\(communities))
          AND o.placed_at >= (SELECT $2::date::timestamptz) AND o.placed_at < (SELECT ($3::date + 1)::timestamptz)
        GROUP BY ROLLUP (o.status)
        ORDER BY o.status NULLS LAST
        """
    )
}
