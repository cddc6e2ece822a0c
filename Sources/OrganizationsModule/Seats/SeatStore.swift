import WorkbenchKit
import WorkbenchPostgres

/// Part-time committee seats (兼职委员) on street "大工委" and community "大党委" committees.
enum SeatStore {
    enum Queries {
        static let insert = PostgresStatement(
            "organizations.seat.insert",
            """
            INSERT INTO organizations.seats (committee_id, person, member_id, from_unit_id, title, term_start, term_end)
            VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
            """
        )
        static let findForUpdate = PostgresStatement(
            "organizations.seat.find_for_update",
            "SELECT id, person, term_start, term_end, ended_on FROM organizations.seats WHERE id = $1 FOR UPDATE"
        )
        static let end = PostgresStatement("organizations.seat.end", "UPDATE organizations.seats SET ended_on = $2 WHERE id = $1")
        static let list = PostgresStatement(
            "organizations.seat.list",
            """
            SELECT s.id, c.code AS committee, c.kind AS committee_kind, s.person, s.member_id, f.code AS from_unit, f.name AS from_name,
                   s.title, s.term_start, s.term_end, s.ended_on
            FROM organizations.seats s
            JOIN organizations.units c ON c.id = s.committee_id
            JOIN organizations.units f ON f.id = s.from_unit_id
            WHERE s.id > $1
              AND ($2::text IS NULL OR c.path OPERATOR(public.<@) $2::public.ltree)
              AND (CASE $3::text
                     WHEN 'open' THEN s.ended_on IS NULL AND s.term_end >= $4
                     WHEN 'ended' THEN s.ended_on IS NOT NULL OR s.term_end < $4
                     ELSE true END)
              AND ($5::text IS NULL OR c.kind = $5)
            ORDER BY s.id
            LIMIT $6
            """
        )
    }

    struct Draft: Sendable {
        var committee: UnitReference
        var person: String
        var memberID: Int64?
        var fromUnit: UnitReference
        var title: String
        var termStart: CalendarDate
        var termEnd: CalendarDate
        /// The longest term (``OrganizationsSettings/seatTermYears``).
        var maximumTermYears: Int
    }

    static func add(_ draft: Draft, in session: PostgresSession) async throws -> (Int64, Unit, Unit) {
        let committee = try await UnitStore.findActive(draft.committee, argument: "committee", lock: .share, in: session)
        guard committee.kind.hasPartTimeSeats else {
            throw WorkbenchError(
                status: .unprocessable, code: OrganizationsErrorCode.seatNotACommittee,
                message:
                    "part-time seats (兼职委员) are on a \(OrganizationKind.street.label) or a \(OrganizationKind.community.label); "
                    + "\(committee.label) is a \(committee.kind.label)",
                argument: "committee"
            )
        }
        let from = try await UnitStore.findActive(draft.fromUnit, argument: "from", in: session)
        guard from.kind.isUnitSide else {
            throw WorkbenchError(
                status: .unprocessable, code: OrganizationsErrorCode.seatNotFromAResidentUnit,
                message: "part-time members come from resident units (驻区单位); \(from.label) is a \(from.kind.label)", argument: "from"
            )
        }
        guard draft.termEnd > draft.termStart else {
            throw WorkbenchError.invalidArgument("term_end", "term_end=\(draft.termEnd) must be after term_start=\(draft.termStart)")
        }
        // A seat lasts at most one committee term.
        let start = draft.termStart
        let limit =
            CalendarDate(year: start.year + draft.maximumTermYears, month: start.month, day: start.day)
            ?? CalendarDate(year: start.year + draft.maximumTermYears, month: start.month, day: start.day - 1)!
        guard draft.termEnd < limit else {
            throw WorkbenchError.invalidArgument(
                "term_end",
                "a seat's term lasts at most \(draft.maximumTermYears) years (modules.organizations.seat_term_years): from \(start), "
                    + "term_end must come before \(limit)"
            )
        }
        if let memberID = draft.memberID {
            _ = try await MemberStore.findActive(memberID, in: session)
        }
        let id: Int64 = try await session.query(
            Queries.insert, [committee.id, draft.person, draft.memberID, from.id, draft.title, draft.termStart, draft.termEnd]
        ).single().decode("id")
        return (id, committee, from)
    }

    /// Ends a seat before its term is over, or, dated after today, records its end ahead;
    /// answers the person's name.
    static func end(_ id: Int64, _ request: EndRequest, in session: PostgresSession) async throws -> (String, EndOutcome<Void>) {
        let row = try await session.row(
            Queries.findForUpdate, [id],
            orElse: WorkbenchError(
                status: .notFound, code: OrganizationsErrorCode.seatNotFound, message: "no seat with id \(id); see 'org seat list'", argument: "id"))
        if let ended: CalendarDate = try row.decode("ended_on") {
            throw WorkbenchError.conflict(OrganizationsErrorCode.seatAlreadyEnded, "seat \(id) already ended on \(ended)")
        }
        let start: CalendarDate = try row.decode("term_start")
        guard request.on >= start else { throw WorkbenchError.invalidArgument("on", "the term began on \(start); it cannot end before that") }
        let termEnd: CalendarDate = try row.decode("term_end")
        guard request.on <= termEnd else {
            throw WorkbenchError.invalidArgument("on", "the term ends on \(termEnd) by itself; an early end is a day up to then")
        }
        let person: String = try row.decode("person")
        if request.isAhead {
            let scheduled = try await ScheduledEndStore.record(.seat(id), on: request.on, by: request.actor, in: session)
            return (person, .recordedAhead(id: scheduled, on: request.on))
        }
        try await session.execute(Queries.end, [id, request.on])
        return (person, .ended(()))
    }
}
