import WorkbenchPostgres

/// The statements of teams, volunteers and orders.
enum DispatchQueries {
    static let insertTeam = PostgresStatement(
        "consultations.team.insert",
        "INSERT INTO consultations.teams (code, name, unit_id, services, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id"
    )
    /// The team with id `$1` or code `$2`.
    static let findTeam = PostgresStatement(
        "consultations.team.find",
        """
        SELECT \(VolunteerTeam.columns) FROM consultations.teams m JOIN organizations.units u ON u.id = m.unit_id
        WHERE m.id = CASE WHEN $1::bigint IS NULL THEN (SELECT id FROM consultations.teams WHERE code = $2) ELSE $1::bigint END
        """
    )
    /// Teams by id after `$1` of organisations in subtree `$2`, at most `$3`, with their
    /// volunteers and orders.
    static let listTeams = PostgresStatement(
        "consultations.team.list",
        """
        SELECT \(VolunteerTeam.columns),
               (SELECT count(*) FROM consultations.volunteers v WHERE v.team_id = m.id) AS volunteers,
               (SELECT count(*) FROM consultations.orders o WHERE o.team_id = m.id AND o.status IN ('done', 'rated')) AS orders_done,
               (SELECT coalesce(sum(o.hours), 0) FROM consultations.orders o WHERE o.team_id = m.id AND o.status IN ('done', 'rated')) AS hours
        FROM consultations.teams m JOIN organizations.units u ON u.id = m.unit_id
        WHERE m.id > $1 AND ($2::text IS NULL OR u.path OPERATOR(public.<@) $2::public.ltree)
        ORDER BY m.id
        LIMIT $3
        """
    )

    static let insertVolunteer = PostgresStatement(
        "consultations.volunteer.insert",
        "INSERT INTO consultations.volunteers (team_id, name, member_id, phone, joined_on, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id"
    )
    static let findVolunteer = PostgresStatement(
        "consultations.volunteer.find",
        "SELECT \(Volunteer.columns) FROM consultations.volunteers v JOIN consultations.teams m ON m.id = v.team_id WHERE v.id = $1"
    )
    /// Volunteers by id after `$1` of team `$2` or of teams in subtree `$3`, at most `$4`,
    /// with the orders they finished, their hours and the points those earned.
    static let listVolunteers = PostgresStatement(
        "consultations.volunteer.list",
        """
        SELECT \(Volunteer.columns),
               (SELECT count(*) FROM consultations.orders o WHERE o.claimed_by = v.id AND o.status IN ('done', 'rated')) AS orders_done,
               (SELECT coalesce(sum(o.hours), 0) FROM consultations.orders o WHERE o.claimed_by = v.id AND o.status IN ('done', 'rated')) AS hours,
               (SELECT coalesce(sum(p.points), 0) FROM consultations.orders o JOIN organizations.points p ON p.id = o.points_entry_id
                WHERE o.claimed_by = v.id) AS points
        FROM consultations.volunteers v JOIN consultations.teams m ON m.id = v.team_id JOIN organizations.units u ON u.id = m.unit_id
        WHERE v.id > $1
          AND ($2::bigint IS NULL OR v.team_id = $2)
          AND ($3::text IS NULL OR u.path OPERATOR(public.<@) $3::public.ltree)
        ORDER BY v.id
        LIMIT $4
        """
    )

    static let insertOrder = PostgresStatement(
        "consultations.order.insert",
        """
        INSERT INTO consultations.orders (kind, community_id, category, need, address, resident, resident_phone, placed_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id
        """
    )
    static let findOrder = PostgresStatement(
        "consultations.order.find",
        "SELECT \(VolunteerOrder.columns) FROM consultations.orders o \(VolunteerOrder.joins) WHERE o.id = $1"
    )
    static let findOrderForUpdate = PostgresStatement("consultations.order.find_for_update", findOrder.sql + " FOR UPDATE OF o")
    /// Orders by id after `$1`: communities in subtree `$2`, status `$3`, kind `$4`, team `$5`,
    /// placed from day `$6` to day `$7`, at most `$8`.
    static let listOrders = PostgresStatement(
        "consultations.order.list",
        """
        SELECT \(VolunteerOrder.columns) FROM consultations.orders o \(VolunteerOrder.joins)
        WHERE o.id > $1
          AND ($2::text IS NULL OR u.path OPERATOR(public.<@) $2::public.ltree)
          AND ($3::text IS NULL OR o.status = $3)
          AND ($4::text IS NULL OR o.kind = $4)
          AND ($5::bigint IS NULL OR o.team_id = $5)
          AND ($6::date IS NULL OR o.placed_at >= $6::date)
          AND ($7::date IS NULL OR o.placed_at < $7::date + 1)
        ORDER BY o.id
        LIMIT $8
        """
    )
    static let dispatch = PostgresStatement(
        "consultations.order.dispatch",
        "UPDATE consultations.orders SET status = 'dispatched', team_id = $2, dispatched_at = $3, updated_at = $3 WHERE id = $1"
    )
    static let accept = PostgresStatement(
        "consultations.order.accept",
        "UPDATE consultations.orders SET status = 'accepted', accepted_by = $2, accepted_at = $3, updated_at = $3 WHERE id = $1"
    )
    static let claim = PostgresStatement(
        "consultations.order.claim",
        "UPDATE consultations.orders SET status = 'claimed', claimed_by = $2, claimed_at = $3, updated_at = $3 WHERE id = $1"
    )
    static let done = PostgresStatement(
        "consultations.order.done",
        "UPDATE consultations.orders SET status = 'done', hours = $2, points_entry_id = $3, done_at = $4, updated_at = $4 WHERE id = $1"
    )
    static let rate = PostgresStatement(
        "consultations.order.rate",
        "UPDATE consultations.orders SET status = 'rated', rating = $2, rating_comment = $3, rated_at = $4, updated_at = $4 WHERE id = $1"
    )
    static let cancel = PostgresStatement(
        "consultations.order.cancel",
        "UPDATE consultations.orders SET status = 'cancelled', cancel_reason = $2, cancelled_at = $3, updated_at = $3 WHERE id = $1"
    )
    static let recordEvent = PostgresStatement(
        "consultations.order.record_event",
        "INSERT INTO consultations.order_events (order_id, at, action, actor, detail) VALUES ($1, $2, $3, $4, $5)"
    )
    static let events = PostgresStatement(
        "consultations.order.events",
        "SELECT at, action, actor, detail FROM consultations.order_events WHERE order_id = $1 ORDER BY id"
    )
}
