import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// Ends recorded ahead (``ScheduledEnd``): recording, listing, cancelling, and what
/// ``ScheduledEndsJob`` needs to apply them on their day.
enum ScheduledEndStore {
    enum Queries {
        /// `$1`…`$4` the subject (one set), `$5` leave reason, `$6` cascade, `$7` the day, `$8` who.
        static let insert = PostgresStatement(
            "organizations.ending.insert",
            """
            INSERT INTO organizations.scheduled_ends (member_id, unit_id, report_id, seat_id, leave_reason, cascade, effective_on, requested_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
            """
        )
        /// The pending end of a subject: `$1` its kind, `$2` its id.
        static let pending = PostgresStatement(
            "organizations.ending.pending",
            """
            SELECT \(ScheduledEnd.columns) FROM organizations.scheduled_ends e
            WHERE e.applied_at IS NULL
              AND CASE $1::text WHEN 'member' THEN e.member_id = $2 WHEN 'unit' THEN e.unit_id = $2
                                WHEN 'report' THEN e.report_id = $2 ELSE e.seat_id = $2 END
            """
        )
        /// `$1` after id, `$2` scope path, `$3` state, `$4` limit. Each end is filed under the
        /// organisation it belongs to: the member's, the dissolved one, the report's community,
        /// the seat's committee.
        static let list = PostgresStatement(
            "organizations.ending.list",
            """
            SELECT \(ScheduledEnd.columns), e.requested_at, e.applied_at, o.code AS organisation,
                   CASE WHEN e.member_id IS NOT NULL THEN m.name
                        WHEN e.unit_id IS NOT NULL THEN o.name
                        WHEN e.report_id IS NOT NULL THEN COALESCE(ru.name, rm.name)
                        ELSE s.person END AS subject_name
            FROM organizations.scheduled_ends e
            LEFT JOIN organizations.members m ON m.id = e.member_id
            LEFT JOIN organizations.reports r ON r.id = e.report_id
            LEFT JOIN organizations.units ru ON ru.id = r.unit_id
            LEFT JOIN organizations.members rm ON rm.id = r.member_id
            LEFT JOIN organizations.seats s ON s.id = e.seat_id
            JOIN organizations.units o ON o.id = COALESCE(m.unit_id, e.unit_id, r.community_id, s.committee_id)
            WHERE e.id > $1
              AND ($2::text IS NULL OR o.path OPERATOR(public.<@) $2::public.ltree)
              AND (CASE $3::text
                     WHEN 'pending' THEN e.applied_at IS NULL
                     WHEN 'held' THEN e.applied_at IS NULL AND e.held_reason IS NOT NULL
                     WHEN 'applied' THEN e.applied_at IS NOT NULL
                     ELSE true END)
            ORDER BY e.id
            LIMIT $4
            """
        )
        static let findForUpdate = PostgresStatement(
            "organizations.ending.find_for_update",
            "SELECT \(ScheduledEnd.columns), e.applied_at FROM organizations.scheduled_ends e WHERE e.id = $1 FOR UPDATE"
        )
        static let delete = PostgresStatement("organizations.ending.delete", "DELETE FROM organizations.scheduled_ends WHERE id = $1")
        /// Pending ends due on or before `$1`, oldest first, at most `$2`.
        static let due = PostgresStatement(
            "organizations.ending.due",
            "SELECT id FROM organizations.scheduled_ends WHERE applied_at IS NULL AND effective_on <= $1 ORDER BY effective_on, id LIMIT $2"
        )
        /// Takes one due end for applying; none when another daemon holds it or it is gone.
        static let claim = PostgresStatement(
            "organizations.ending.claim",
            """
            SELECT \(ScheduledEnd.columns) FROM organizations.scheduled_ends e
            WHERE e.id = $1 AND e.applied_at IS NULL AND e.effective_on <= $2
            FOR UPDATE SKIP LOCKED
            """
        )
        static let markApplied = PostgresStatement(
            "organizations.ending.mark_applied",
            "UPDATE organizations.scheduled_ends SET applied_at = now(), held_reason = NULL, held_since = NULL WHERE id = $1"
        )
        /// Holds end `$1` for reason `$2`; answers a row only when the reason is new.
        static let hold = PostgresStatement(
            "organizations.ending.hold",
            """
            UPDATE organizations.scheduled_ends SET held_reason = $2, held_since = COALESCE(held_since, now())
            WHERE id = $1 AND applied_at IS NULL AND held_reason IS DISTINCT FROM $2
            RETURNING id
            """
        )
    }

    /// Records `subject`'s end on `day`, ahead of it; answers its id. A second pending end of
    /// the same subject is a 409 (``OrganizationsModule/constraintErrors``).
    static func record(_ subject: ScheduledEnd.Subject, on day: CalendarDate, by actor: String, in session: PostgresSession) async throws -> Int64 {
        var ids: [Int64?] = [nil, nil, nil, nil]
        var reason: String?
        var cascade = false
        switch subject {
        case .member(let id, let leaveReason): (ids[0], reason) = (id, leaveReason.rawValue)
        case .unit(let id, let subtree): (ids[1], cascade) = (id, subtree)
        case .report(let id): ids[2] = id
        case .seat(let id): ids[3] = id
        }
        return try await session.query(
            Queries.insert, [ids[0], ids[1], ids[2], ids[3], reason, cascade, day, actor]
        ).single().decode("id")
    }

    /// The pending end of a member, unit, report or seat, if one is recorded.
    static func pending(kind: String, id: Int64, in session: PostgresSession) async throws -> ScheduledEnd? {
        try await session.queryOptionalRow(Queries.pending, [kind, id]).map(ScheduledEnd.init(row:))
    }

    /// Withdraws a pending end; a 404 when there is none with that id, a 409 once applied.
    static func cancel(_ id: Int64, in session: PostgresSession) async throws -> ScheduledEnd {
        let row = try await session.row(
            Queries.findForUpdate, [id],
            orElse: WorkbenchError(
                status: .notFound, code: OrganizationsErrorCode.endingNotFound,
                message: "no end recorded ahead with id \(id); see 'org ending list'", argument: "id"
            ))
        let end = try ScheduledEnd(row: row)
        if let applied: Date = try row.decode("applied_at") {
            throw WorkbenchError.conflict(
                OrganizationsErrorCode.endingAlreadyApplied,
                "end \(id) took effect on \(end.effectiveOn) (applied \(PostgresTimestamp.format(applied))); it can no longer be cancelled"
            )
        }
        try await session.execute(Queries.delete, [id])
        return end
    }

    /// The ids of pending ends due on or before `day`.
    static func due(on day: CalendarDate, limit: Int, in session: PostgresSession) async throws -> [Int64] {
        try await session.query(Queries.due, [day, limit]).map { try $0.decode("id") }
    }

    /// Locks a due end for applying and marks it applied (the caller's transaction undoes that
    /// if applying fails); nil when it is gone or another daemon is applying it.
    static func claim(_ id: Int64, today: CalendarDate, in session: PostgresSession) async throws -> ScheduledEnd? {
        guard let row = try await session.queryOptionalRow(Queries.claim, [id, today]) else { return nil }
        try await session.execute(Queries.markApplied, [id])
        return try ScheduledEnd(row: row)
    }

    /// Records why an end could not be applied; answers whether the reason is new.
    static func hold(_ id: Int64, reason: String, in session: PostgresSession) async throws -> Bool {
        try await session.queryOptionalRow(Queries.hold, [id, String(reason.prefix(500))]) != nil
    }
}
