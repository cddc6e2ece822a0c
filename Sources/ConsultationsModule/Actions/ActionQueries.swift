import WorkbenchPostgres

/// The statements of action items and their progress notes.
enum ActionQueries {
    static let insert = PostgresStatement(
        "consultations.action.insert",
        """
        INSERT INTO consultations.actions (topic_id, title, owner_unit_id, owner_party, due_on, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id
        """
    )
    static let find = PostgresStatement(
        "consultations.action.find",
        "SELECT \(ActionItem.columns) FROM consultations.actions a \(ActionItem.joins) WHERE a.id = $1"
    )
    static let findForUpdate = PostgresStatement("consultations.action.find_for_update", find.sql + " FOR UPDATE OF a")

    static let progress = PostgresStatement(
        "consultations.action.progress",
        "UPDATE consultations.actions SET progress = $2, updated_at = $3 WHERE id = $1"
    )
    static let done = PostgresStatement(
        "consultations.action.done",
        "UPDATE consultations.actions SET status = 'done', progress = 100, done_at = $2, finished_at = $2, updated_at = $2 WHERE id = $1"
    )
    static let drop = PostgresStatement(
        "consultations.action.drop",
        "UPDATE consultations.actions SET status = 'dropped', drop_reason = $3, finished_at = $2, updated_at = $2 WHERE id = $1"
    )
    static let addNote = PostgresStatement(
        "consultations.action.add_note",
        "INSERT INTO consultations.action_notes (action_id, at, progress, note, actor) VALUES ($1, $2, $3, $4, $5)"
    )
    static let notes = PostgresStatement(
        "consultations.action.notes",
        "SELECT at, progress, note, actor FROM consultations.action_notes WHERE action_id = $1 ORDER BY id"
    )

    /// Actions by id after `$1`: topic `$2`, topics of communities in subtree `$3`, owners in
    /// subtree `$4`, status `$5` (or only open ones past due on `$6` when `$7`), at most `$8`.
    static let list = PostgresStatement(
        "consultations.action.list",
        """
        SELECT \(ActionItem.columns) FROM consultations.actions a \(ActionItem.joins)
        WHERE a.id > $1
          AND ($2::bigint IS NULL OR a.topic_id = $2)
          AND ($3::text IS NULL OR t.community_id IN (
                SELECT u.id FROM organizations.units u WHERE u.path OPERATOR(public.<@) $3::public.ltree AND u.kind = 'community'))
          AND ($4::text IS NULL OR o.path OPERATOR(public.<@) $4::public.ltree)
          AND ($5::text IS NULL OR a.status = $5)
          AND (NOT $7::boolean OR (a.status = 'open' AND a.due_on < $6::date))
        ORDER BY a.id
        LIMIT $8
        """
    )
}
