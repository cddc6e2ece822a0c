import WorkbenchKit
import WorkbenchPostgres

/// Reads and changes members, their transfers (组织关系转接) and departures.
enum MemberStore {
    enum Queries {
        static let find = PostgresStatement(
            "organizations.member.find", "SELECT \(Member.columns) FROM organizations.members m \(Member.joins) WHERE m.id = $1"
        )
        static let findForUpdate = PostgresStatement(
            "organizations.member.find_for_update", find.sql + " FOR UPDATE OF m"
        )
        static let insert = PostgresStatement(
            "organizations.member.insert",
            """
            INSERT INTO organizations.members (name, phone, status, joined_on, unit_id, work_unit, residence_id, is_mobile)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
            """
        )
        static let list = PostgresStatement(
            "organizations.member.list",
            """
            SELECT \(Member.columns) FROM organizations.members m \(Member.joins)
            WHERE m.id > $1
              AND ($2::bigint IS NULL OR m.unit_id = $2)
              AND ($3::text IS NULL OR u.path OPERATOR(public.<@) $3::public.ltree)
              AND ($4::text IS NULL OR m.status = $4)
              AND ($5::boolean IS NULL OR m.is_mobile = $5)
              AND (CASE $6::text WHEN 'active' THEN m.left_on IS NULL WHEN 'left' THEN m.left_on IS NOT NULL ELSE true END)
              AND ($7::text IS NULL OR m.name LIKE '%' || $7 || '%')
              AND ($8::bigint IS NULL OR m.residence_id = $8)
            ORDER BY m.id
            LIMIT $9
            """
        )
        static let transfers = PostgresStatement(
            "organizations.member.transfers",
            """
            SELECT t.transferred_on, f.code AS from_code, d.code AS to_code, t.reason
            FROM organizations.member_transfers t
            JOIN organizations.units f ON f.id = t.from_unit_id JOIN organizations.units d ON d.id = t.to_unit_id
            WHERE t.member_id = $1 ORDER BY t.id
            """
        )
        static let moveMember = PostgresStatement(
            "organizations.member.move", "UPDATE organizations.members SET unit_id = $2 WHERE id = $1"
        )
        static let recordTransfer = PostgresStatement(
            "organizations.member.record_transfer",
            """
            INSERT INTO organizations.member_transfers (member_id, from_unit_id, to_unit_id, transferred_on, reason)
            VALUES ($1, $2, $3, $4, $5)
            """
        )
        static let leave = PostgresStatement(
            "organizations.member.leave", "UPDATE organizations.members SET left_on = $2, leave_reason = $3 WHERE id = $1"
        )
        static let transferSubtree = PostgresStatement(
            "organizations.member.transfer_subtree",
            """
            WITH moving AS (
                SELECT m.id, m.unit_id FROM organizations.members m JOIN organizations.units u ON u.id = m.unit_id
                WHERE u.path OPERATOR(public.<@) $1::public.ltree AND m.left_on IS NULL
                FOR UPDATE OF m
            ), history AS (
                INSERT INTO organizations.member_transfers (member_id, from_unit_id, to_unit_id, transferred_on, reason)
                SELECT id, unit_id, $2, $3, $4 FROM moving
            )
            UPDATE organizations.members m SET unit_id = $2 FROM moving WHERE m.id = moving.id
            """
        )
    }

    static func find(_ id: Int64, argument: String = "member", forUpdate: Bool = false, in session: PostgresSession) async throws -> Member {
        let row = try await session.row(
            forUpdate ? Queries.findForUpdate : Queries.find, [id],
            orElse: WorkbenchError(
                status: .notFound, code: OrganizationsErrorCode.memberNotFound,
                message: "no member with id \(id) (\(argument)=); find members with 'org member list name=<part of the name>'",
                argument: argument
            ))
        return try Member(row: row)
    }

    static func findActive(_ id: Int64, argument: String = "member", forUpdate: Bool = false, in session: PostgresSession) async throws -> Member {
        let member = try await find(id, argument: argument, forUpdate: forUpdate, in: session)
        guard member.isActive else {
            throw WorkbenchError(
                status: .unprocessable, code: OrganizationsErrorCode.memberLeft,
                message: "\(member.label) left on \(member.leftOn!) (\(member.leaveReason ?? "")); only active members can be changed",
                argument: argument
            )
        }
        return member
    }

    struct Draft: Sendable {
        var name: String
        var phone: String?
        var status: MemberStatus
        var joinedOn: CalendarDate
        var unit: UnitReference
        var workUnit: String?
        var residence: UnitReference?
        var isMobile: Bool
    }

    static func add(_ draft: Draft, in session: PostgresSession) async throws -> Member {
        let unit = try await UnitStore.findActive(draft.unit, argument: "unit", lock: .share, in: session)
        var residenceID: Int64?
        if let reference = draft.residence {
            let residence = try await UnitStore.findActive(reference, argument: "residence", in: session)
            try requireCommunity(residence, argument: "residence")
            residenceID = residence.id
        }
        let id: Int64 = try await session.query(
            Queries.insert,
            [draft.name, draft.phone, draft.status.rawValue, draft.joinedOn, unit.id, draft.workUnit, residenceID, draft.isMobile]
        ).single().decode("id")
        return try await find(id, in: session)
    }

    /// A 422 unless `unit` is a community committee.
    static func requireCommunity(_ unit: Unit, argument: String) throws {
        guard unit.kind == .community else {
            throw WorkbenchError(
                status: .unprocessable, code: OrganizationsErrorCode.unitNotACommunity,
                message: "\(argument)= must be a \(OrganizationKind.community.label); \(unit.label) is a \(unit.kind.label)",
                argument: argument
            )
        }
    }

    struct ListFilter: Sendable {
        var unitID: Int64?
        var underPath: String?
        var status: MemberStatus?
        var isMobile: Bool?
        var state: String
        var nameContains: String?
        var residenceID: Int64?
    }

    static func list(_ filter: ListFilter, page: Page, in session: PostgresSession) async throws -> [Member] {
        try await session.query(
            Queries.list,
            [
                page.afterKey, filter.unitID, filter.underPath, filter.status?.rawValue, filter.isMobile, filter.state,
                filter.nameContains.map(UnitStore.likeEscaped), filter.residenceID, page.fetchLimit,
            ]
        ).map(Member.init(row:))
    }

    struct Transfer: Sendable {
        var on: CalendarDate
        var from: String
        var to: String
        var reason: String?
    }

    static func transfers(of memberID: Int64, in session: PostgresSession) async throws -> [Transfer] {
        try await session.query(Queries.transfers, [memberID]).map { row in
            Transfer(
                on: try row.decode("transferred_on"), from: try row.decode("from_code"), to: try row.decode("to_code"),
                reason: try row.decode("reason"))
        }
    }

    /// Moves a member to another organisation and records the transfer.
    static func transfer(
        _ memberID: Int64, to reference: UnitReference, on date: CalendarDate, reason: String?, in session: PostgresSession
    ) async throws -> (Member, Unit) {
        let member = try await findActive(memberID, forUpdate: true, in: session)
        let target = try await UnitStore.findActive(reference, argument: "to", lock: .share, in: session)
        guard target.id != member.unitID else {
            throw WorkbenchError.conflict(OrganizationsErrorCode.memberAlreadyThere, "\(member.label) already belongs to \(target.label)")
        }
        guard date >= member.joinedOn else {
            throw WorkbenchError.invalidArgument("on", "\(member.label) joined on \(member.joinedOn); a transfer cannot be dated before that")
        }
        try await session.execute(Queries.moveMember, [member.id, target.id])
        try await session.execute(Queries.recordTransfer, [member.id, member.unitID, target.id, date, reason])
        return (try await find(member.id, in: session), target)
    }

    /// Records that a member left, or, dated after today, records the leaving ahead for its
    /// day (the member stays on the rolls until then).
    static func leave(_ memberID: Int64, _ request: EndRequest, reason: LeaveReason, in session: PostgresSession) async throws -> EndOutcome<Member> {
        let member = try await findActive(memberID, forUpdate: true, in: session)
        guard request.on >= member.joinedOn else {
            throw WorkbenchError.invalidArgument("on", "\(member.label) joined on \(member.joinedOn); they cannot leave before that")
        }
        if request.isAhead {
            let id = try await ScheduledEndStore.record(.member(member.id, reason), on: request.on, by: request.actor, in: session)
            return .recordedAhead(id: id, on: request.on)
        }
        try await session.execute(Queries.leave, [member.id, request.on, reason.rawValue])
        return .ended(try await find(member.id, in: session))
    }

    /// Transfers every active member in the subtree at `path` to `receiver` (used when a
    /// subtree is dissolved); answers how many moved.
    static func transferSubtree(
        path: String, to receiver: Unit, on date: CalendarDate, reason: String, in session: PostgresSession
    ) async throws -> Int {
        try await session.execute(Queries.transferSubtree, [path, receiver.id, date, reason])
    }
}
