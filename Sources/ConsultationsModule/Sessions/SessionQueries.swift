import WorkbenchPostgres

/// The statements of sessions, their agenda, participants and replies.
enum SessionQueries {
    static let insert = PostgresStatement(
        "consultations.session.insert",
        """
        INSERT INTO consultations.sessions (unit_id, title, venue, starts_at, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $5) RETURNING id
        """
    )
    static let addTopic = PostgresStatement(
        "consultations.session.add_topic",
        "INSERT INTO consultations.session_topics (session_id, topic_id, position) VALUES ($1, $2, $3)"
    )
    static let find = PostgresStatement(
        "consultations.session.find",
        "SELECT \(Session.columns) FROM consultations.sessions s JOIN organizations.units u ON u.id = s.unit_id WHERE s.id = $1"
    )
    static let findForUpdate = PostgresStatement("consultations.session.find_for_update", find.sql + " FOR UPDATE OF s")

    /// Sessions by id after `$1` in subtree `$2`, status `$3`, starting from day `$4` to day
    /// `$5`, at most `$6`, with their topic count and what they still lack.
    static let list = PostgresStatement(
        "consultations.session.list",
        """
        SELECT \(Session.columns),
               (SELECT count(*) FROM consultations.session_topics st WHERE st.session_id = s.id) AS topics,
               (SELECT count(*) FROM consultations.session_missing(s.id) m WHERE m.item IN ('place', 'sign', 'minutes', 'reply')) AS haves_missing
        FROM consultations.sessions s JOIN organizations.units u ON u.id = s.unit_id
        WHERE s.id > $1
          AND ($2::text IS NULL OR u.path OPERATOR(public.<@) $2::public.ltree)
          AND ($3::text IS NULL OR s.status = $3)
          AND ($4::date IS NULL OR s.starts_at >= $4::date)
          AND ($5::date IS NULL OR s.starts_at < $5::date + 1)
        ORDER BY s.id
        LIMIT $6
        """
    )
    static let update = PostgresStatement(
        "consultations.session.update",
        """
        UPDATE consultations.sessions
        SET title = coalesce($2, title), venue = coalesce($3, venue), starts_at = coalesce($4, starts_at), updated_at = $5,
            notice_posted_on = CASE WHEN $6::boolean THEN NULL ELSE notice_posted_on END,
            notice_place = CASE WHEN $6::boolean THEN NULL ELSE notice_place END
        WHERE id = $1
        """
    )
    static let postNotice = PostgresStatement(
        "consultations.session.post_notice",
        "UPDATE consultations.sessions SET notice_posted_on = $2, notice_place = $3, updated_at = $4 WHERE id = $1"
    )
    static let recordMinutes = PostgresStatement(
        "consultations.session.record_minutes",
        "UPDATE consultations.sessions SET minutes = $2, minutes_by = $3, updated_at = $4 WHERE id = $1"
    )
    static let close = PostgresStatement(
        "consultations.session.close",
        "UPDATE consultations.sessions SET status = 'closed', closed_at = $2, updated_at = $2 WHERE id = $1"
    )
    static let cancel = PostgresStatement(
        "consultations.session.cancel",
        "UPDATE consultations.sessions SET status = 'cancelled', cancelled_at = $2, cancel_reason = $3, updated_at = $2 WHERE id = $1"
    )
    /// What session `$1` still lacks (``SessionShortfall``).
    static let missing = PostgresStatement(
        "consultations.session.missing",
        "SELECT item, topic_id FROM consultations.session_missing($1) ORDER BY item LIKE 'side:%', topic_id NULLS FIRST, item"
    )

    /// The agenda of session `$1` with each topic's vote.
    static let agenda = PostgresStatement(
        "consultations.session.agenda",
        """
        SELECT st.topic_id, t.title, t.status, t.proposer, st.votes_for, st.votes_against, st.votes_abstain, st.adopted, st.resolution,
               EXISTS (SELECT 1 FROM consultations.replies r WHERE r.session_id = st.session_id AND r.topic_id = st.topic_id) AS replied
        FROM consultations.session_topics st JOIN consultations.topics t ON t.id = st.topic_id
        WHERE st.session_id = $1 ORDER BY st.position
        """
    )
    static let vote = PostgresStatement(
        "consultations.session.vote",
        """
        UPDATE consultations.session_topics
        SET votes_for = $3, votes_against = $4, votes_abstain = $5, resolution = $6, voted_at = $7
        WHERE session_id = $1 AND topic_id = $2 AND voted_at IS NULL
        RETURNING adopted
        """
    )

    /// Records participant `$2` of session `$1` (role `$3`, party `$4`, attended `$5`), or
    /// corrects the earlier record of the same name; `inserted` tells which.
    static let attend = PostgresStatement(
        "consultations.session.attend",
        """
        INSERT INTO consultations.participants (session_id, name, role, party, attended, recorded_at)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (session_id, name) DO UPDATE SET role = excluded.role, party = excluded.party, attended = excluded.attended,
                                                     recorded_at = excluded.recorded_at
        RETURNING (xmax = 0) AS inserted
        """
    )
    static let participants = PostgresStatement(
        "consultations.session.participants",
        "SELECT name, role, party, attended FROM consultations.participants WHERE session_id = $1 ORDER BY id"
    )

    static let insertReply = PostgresStatement(
        "consultations.reply.insert",
        "INSERT INTO consultations.replies (topic_id, session_id, kind, text, channel, replied_at, actor) VALUES ($1, $2, $3, $4, $5, $6, $7)"
    )
}
