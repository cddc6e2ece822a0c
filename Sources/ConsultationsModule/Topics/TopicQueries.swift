import WorkbenchPostgres

/// The statements of topics and their timeline.
enum TopicQueries {
    static let insert = PostgresStatement(
        "consultations.topic.insert",
        """
        INSERT INTO consultations.topics (community_id, title, description, category, source, grid_case_id, grid_case_code, proposer,
                                          proposer_phone, proposed_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
        RETURNING id
        """
    )
    static let find = PostgresStatement(
        "consultations.topic.find",
        "SELECT \(Topic.columns) FROM consultations.topics t JOIN organizations.units u ON u.id = t.community_id WHERE t.id = $1"
    )
    static let findForUpdate = PostgresStatement("consultations.topic.find_for_update", find.sql + " FOR UPDATE OF t")

    /// Topics by id after `$1`, filtered by subtree `$2`, status `$3`, category `$4`, source
    /// `$5` and proposal day from `$6` to `$7`, at most `$8`.
    static let list = PostgresStatement(
        "consultations.topic.list",
        """
        SELECT \(Topic.columns),
               (SELECT count(*) FROM consultations.actions a WHERE a.topic_id = t.id) AS actions,
               (SELECT count(*) FROM consultations.actions a WHERE a.topic_id = t.id AND a.status = 'open') AS open_actions
        FROM consultations.topics t JOIN organizations.units u ON u.id = t.community_id
        WHERE t.id > $1
          AND ($2::text IS NULL OR u.path OPERATOR(public.<@) $2::public.ltree)
          AND ($3::text IS NULL OR t.status = $3)
          AND ($4::text IS NULL OR t.category = $4)
          AND ($5::text IS NULL OR t.source = $5)
          AND ($6::date IS NULL OR t.proposed_at >= $6::date)
          AND ($7::date IS NULL OR t.proposed_at < $7::date + 1)
        ORDER BY t.id
        LIMIT $8
        """
    )

    /// Moves topic `$1` to status `$2` at `$3`; the trigger checks the transition.
    static let setStatus = PostgresStatement(
        "consultations.topic.set_status",
        "UPDATE consultations.topics SET status = $2, updated_at = $3 WHERE id = $1"
    )
    static let review = PostgresStatement(
        "consultations.topic.review",
        "UPDATE consultations.topics SET status = $2, reviewed_at = $3, decline_reason = $4, updated_at = $3 WHERE id = $1"
    )
    static let withdraw = PostgresStatement(
        "consultations.topic.withdraw",
        "UPDATE consultations.topics SET status = 'withdrawn', withdraw_reason = $3, updated_at = $2 WHERE id = $1"
    )

    /// Settles topic `$1` at `$2` when it is being implemented, has actions and none is open;
    /// returns the row only then.
    static let settleIfImplemented = PostgresStatement(
        "consultations.topic.settle_if_implemented",
        """
        UPDATE consultations.topics t SET status = 'settled', settled_at = $2, updated_at = $2
        WHERE t.id = $1 AND t.status = 'implementing'
          AND EXISTS (SELECT 1 FROM consultations.actions a WHERE a.topic_id = t.id)
          AND NOT EXISTS (SELECT 1 FROM consultations.actions a WHERE a.topic_id = t.id AND a.status = 'open')
        RETURNING t.id
        """
    )

    static let recordEvent = PostgresStatement(
        "consultations.topic.record_event",
        "INSERT INTO consultations.topic_events (topic_id, at, kind, actor, detail) VALUES ($1, $2, $3, $4, $5)"
    )
    /// The timeline of topic `$1` after event `$2`, at most `$3` rows.
    static let timeline = PostgresStatement(
        "consultations.topic.timeline",
        "SELECT id, at, kind, actor, detail FROM consultations.topic_events WHERE topic_id = $1 AND id > $2 ORDER BY id LIMIT $3"
    )
    /// The replies recorded to the proposer of topic `$1`.
    static let replies = PostgresStatement(
        "consultations.topic.replies",
        "SELECT id, session_id, kind, text, channel, replied_at FROM consultations.replies WHERE topic_id = $1 ORDER BY id"
    )
    /// Counts of topic `$1`'s actions by status, and how many open ones are past due on `$2`.
    static let actionCounts = PostgresStatement(
        "consultations.topic.action_counts",
        """
        SELECT count(*) AS total, count(*) FILTER (WHERE status = 'open') AS open, count(*) FILTER (WHERE status = 'done') AS done,
               count(*) FILTER (WHERE status = 'dropped') AS dropped, count(*) FILTER (WHERE status = 'open' AND due_on < $2) AS overdue
        FROM consultations.actions WHERE topic_id = $1
        """
    )
    /// The sessions topic `$1` was put to, with the vote.
    static let sessions = PostgresStatement(
        "consultations.topic.sessions",
        """
        SELECT s.id, s.title, s.starts_at, s.status, st.votes_for, st.votes_against, st.votes_abstain, st.adopted, st.resolution
        FROM consultations.session_topics st JOIN consultations.sessions s ON s.id = st.session_id
        WHERE st.topic_id = $1 ORDER BY s.starts_at, s.id
        """
    )
}
