import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// Reads and changes the organisation tree. Every function runs on the caller's session, so
/// a command's changes share its transaction and audit row.
///
/// Tree shape changes are serialised: adding a unit takes a shared advisory lock and moving
/// a subtree an exclusive one (``treeLockKey``), so a move never races an insert under the
/// moved subtree or another move that would close a cycle.
enum UnitStore {
    /// The advisory lock key for the tree's shape (an arbitrary constant, "organizations.tree").
    static let treeLockKey: Int64 = 0x6F72_672E_7472_6565

    enum Queries {
        /// Whether an organisation named by `$1` id or `$2` code exists outside the caller's
        /// scope (asked only once the scoped lookup found nothing).
        static let outsideScope = PostgresStatement("organizations.unit.outside_scope", "SELECT organizations.outside_scope($2, $1)")
        static let find = PostgresStatement(
            "organizations.unit.find",
            """
            SELECT \(Unit.columns) FROM organizations.units u LEFT JOIN organizations.units p ON p.id = u.parent_id
            WHERE u.id = CASE WHEN $1::bigint IS NULL THEN (SELECT id FROM organizations.units WHERE code = $2) ELSE $1::bigint END
            """
        )
        static let findForShare = PostgresStatement("organizations.unit.find_for_share", find.sql + " FOR SHARE OF u")
        /// The units whose ids are in `$1` or codes in `$2`, locked for share.
        static let findByReferencesForShare = PostgresStatement(
            "organizations.unit.find_by_references_for_share",
            """
            SELECT \(Unit.columns) FROM organizations.units u LEFT JOIN organizations.units p ON p.id = u.parent_id
            WHERE u.id = ANY($1::bigint[]) OR u.code = ANY($2::text[])
            FOR SHARE OF u
            """
        )
        static let findForUpdate = PostgresStatement("organizations.unit.find_for_update", find.sql + " FOR UPDATE OF u")
        static let lockShared = PostgresStatement(
            "organizations.tree.lock_shared", "SELECT pg_advisory_xact_lock_shared($1::bigint)"
        )
        static let lockExclusive = PostgresStatement(
            "organizations.tree.lock_exclusive", "SELECT pg_advisory_xact_lock($1::bigint)"
        )
        static let insert = PostgresStatement(
            "organizations.unit.insert",
            """
            INSERT INTO organizations.units (code, name, kind, subtype, parent_id, established_on, secretary, phone)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
            """
        )
        static let moveSubtree = PostgresStatement(
            "organizations.unit.move_subtree",
            """
            UPDATE organizations.units
            SET path = $2::public.ltree || public.subpath(path, public.nlevel($1::public.ltree) - 1),
                parent_id = CASE WHEN path = $1::public.ltree THEN $3 ELSE parent_id END,
                updated_at = now()
            WHERE path OPERATOR(public.<@) $1::public.ltree
            """
        )
        static let rename = PostgresStatement(
            "organizations.unit.rename", "UPDATE organizations.units SET name = $2, updated_at = now() WHERE id = $1"
        )
        static let update = PostgresStatement(
            "organizations.unit.update",
            """
            UPDATE organizations.units
            SET secretary = CASE WHEN $2 THEN $3 ELSE secretary END,
                phone = CASE WHEN $4 THEN $5 ELSE phone END,
                established_on = CASE WHEN $6 THEN $7::date ELSE established_on END,
                updated_at = now()
            WHERE id = $1
            """
        )
        static let activeChildren = PostgresStatement(
            "organizations.unit.active_children",
            "SELECT count(*) FROM organizations.units WHERE parent_id = $1 AND dissolved_on IS NULL"
        )
        static let activeMembersInSubtree = PostgresStatement(
            "organizations.unit.active_members_in_subtree",
            """
            SELECT COALESCE(sum(members), 0)::bigint FROM organizations.unit_counts
            WHERE path OPERATOR(public.<@) $1::public.ltree
            """
        )
        static let dissolveSubtree = PostgresStatement(
            "organizations.unit.dissolve_subtree",
            """
            UPDATE organizations.units SET dissolved_on = GREATEST($2::date, established_on), updated_at = now()
            WHERE path OPERATOR(public.<@) $1::public.ltree AND dissolved_on IS NULL
            """
        )
        static let list = PostgresStatement(
            "organizations.unit.list",
            """
            SELECT \(Unit.columns),
                   COALESCE(c.members, 0)::bigint AS members
            FROM organizations.units u LEFT JOIN organizations.units p ON p.id = u.parent_id
            LEFT JOIN organizations.unit_counts c ON c.unit_id = u.id
            WHERE u.id > $1
              AND ($2::bigint IS NULL OR u.parent_id = $2)
              AND ($3::text IS NULL OR u.path OPERATOR(public.<@) $3::public.ltree)
              AND ($4::text IS NULL OR u.kind = $4)
              AND (CASE $5::text WHEN 'active' THEN u.dissolved_on IS NULL WHEN 'dissolved' THEN u.dissolved_on IS NOT NULL ELSE true END)
            ORDER BY u.id
            LIMIT $6
            """
        )
        static let search = PostgresStatement(
            "organizations.unit.search",
            """
            SELECT \(Unit.columns),
                   GREATEST(public.similarity(u.name, $1), public.similarity(u.code, $1)) AS score
            FROM organizations.units u LEFT JOIN organizations.units p ON p.id = u.parent_id
            WHERE (u.name ILIKE '%' || $2 || '%' OR u.code ILIKE $2 || '%')
              AND ($3::text IS NULL OR u.kind = $3)
              AND ($4 OR u.dissolved_on IS NULL)
            ORDER BY (u.code = $1) DESC, score DESC, length(u.name), u.id
            LIMIT $5
            """
        )
    }

    /// The unit named by `reference`, or a 404 naming the argument.
    static func find(
        _ reference: UnitReference, argument: String, lock: RowLock = .none, in session: PostgresSession
    ) async throws -> Unit {
        let statement = lock.statement(plain: Queries.find, share: Queries.findForShare, update: Queries.findForUpdate)
        let binds = reference.binds
        let row = try await session.row(statement, [binds.id, binds.code], orElse: notFound(reference, argument: argument))
        return try Unit(row: row)
    }

    /// The 404 for an organisation `reference` names and nobody has.
    /// The organisation a filter argument names (`scope=`, `unit=` of a statistic): a 404
    /// when there is none, and a 403 `organizations.unit.outside_scope` when it lies outside
    /// the caller's scope — a filter asks to see a subtree and is refused (and audited) as
    /// such, where a row outside the scope is a 404 like a missing one.
    static func findFilter(_ reference: UnitReference, argument: String, in session: PostgresSession) async throws -> Unit {
        do {
            return try await find(reference, argument: argument, in: session)
        } catch let error as WorkbenchError where error.code == OrganizationsErrorCode.unitNotFound {
            let outside: Bool = try await session.query(Queries.outsideScope, [reference.binds.id, reference.binds.code]).single().decode(at: 0)
            guard outside else { throw error }
            throw WorkbenchError(
                status: .forbidden, code: OrganizationsErrorCode.unitOutsideScope,
                message: "the organisation with \(reference) (\(argument)=) is outside your scope; whoami shows the organisations you may see",
                argument: argument
            )
        }
    }

    static func notFound(_ reference: UnitReference, argument: String) -> WorkbenchError {
        WorkbenchError(
            status: .notFound, code: OrganizationsErrorCode.unitNotFound,
            message: "no organisation with \(reference) (\(argument)=); find it with 'org unit search q=<name or code>'",
            argument: argument
        )
    }

    /// A 422 for a dissolved `unit` named by `argument`.
    static func requireActive(_ unit: Unit, argument: String) throws {
        guard unit.isActive else {
            throw WorkbenchError(
                status: .unprocessable, code: OrganizationsErrorCode.unitDissolved,
                message: "\(unit.label) was dissolved on \(unit.dissolvedOn!); choose an active organisation for \(argument)=",
                argument: argument
            )
        }
    }

    /// The units `references` name (ids and codes), locked `FOR SHARE` (a file's members
    /// are added under them), by id and by code.
    static func findShared(
        _ references: [UnitReference], in session: PostgresSession
    ) async throws -> (byID: [Int64: Unit], byCode: [String: Unit]) {
        let ids = references.compactMap(\.binds.id)
        let codes = references.compactMap(\.binds.code)
        let units = try await session.query(Queries.findByReferencesForShare, [Array(Set(ids)), Array(Set(codes))]).map(Unit.init(row:))
        return (
            Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            Dictionary(units.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        )
    }

    /// An active unit (a dissolved one is a 422 naming it and the argument).
    static func findActive(
        _ reference: UnitReference, argument: String, lock: RowLock = .none, in session: PostgresSession
    ) async throws -> Unit {
        let unit = try await find(reference, argument: argument, lock: lock, in: session)
        try requireActive(unit, argument: argument)
        return unit
    }

    /// What `org unit add` needs.
    struct Draft: Sendable {
        var code: String
        var name: String
        var kind: OrganizationKind
        var subtype: RegionalSubtype?
        var parent: UnitReference?
        var establishedOn: CalendarDate?
        var secretary: String?
        var phone: String?
    }

    /// Adds a unit under its parent, applying the placement rule table.
    static func add(_ draft: Draft, in session: PostgresSession) async throws -> Unit {
        try await session.query(Queries.lockShared, [treeLockKey])
        var parent: Unit?
        if let reference = draft.parent {
            parent = try await findActive(reference, argument: "parent", lock: .share, in: session)
        }
        try PlacementRule.check(child: draft.kind, under: parent?.kind, childCode: draft.code, parent: parent)
        switch (draft.kind, draft.subtype) {
        case (.regional, nil):
            throw WorkbenchError.invalidArgument(
                "subtype", "a regional organisation (区域性党组织) needs subtype=office_building, park or business_district"
            )
        case (let kind, .some) where kind != .regional:
            throw WorkbenchError.invalidArgument("subtype", "only a regional organisation (kind=regional) takes subtype=")
        default: break
        }
        if let established = draft.establishedOn, let parentEstablished = parent?.establishedOn, established < parentEstablished {
            throw WorkbenchError(
                status: .unprocessable, code: OrganizationsErrorCode.unitEstablishedBeforeParent,
                message: "established_on=\(established) is before \(parent!.label) was established (\(parentEstablished))",
                argument: "established_on"
            )
        }
        let id: Int64 = try await session.query(
            Queries.insert,
            [
                draft.code, draft.name, draft.kind.rawValue, draft.subtype?.rawValue, parent?.id, draft.establishedOn, draft.secretary,
                draft.phone,
            ]
        ).single().decode("id")
        return try await find(.id(id), argument: "id", in: session)
    }

    /// Re-parents `unit` and its whole subtree under `newParent`; answers how many units moved.
    static func move(
        _ reference: UnitReference, under parentReference: UnitReference, in session: PostgresSession
    ) async throws -> (unit: Unit, parent: Unit, moved: Int) {
        try await session.query(Queries.lockExclusive, [treeLockKey])
        let unit = try await findActive(reference, argument: "unit", lock: .update, in: session)
        let parent = try await findActive(parentReference, argument: "parent", lock: .share, in: session)
        if parent.id == unit.id || parent.path == unit.path || parent.path.hasPrefix(unit.path + ".") {
            throw WorkbenchError(
                status: .unprocessable, code: OrganizationsErrorCode.unitMoveIntoOwnSubtree,
                message: "\(parent.label) is inside \(unit.label)'s own subtree; a unit cannot move under itself or its descendants",
                argument: "parent"
            )
        }
        if unit.parentID == parent.id {
            throw WorkbenchError.conflict(OrganizationsErrorCode.unitAlreadyThere, "\(unit.label) is already directly under \(parent.label)")
        }
        try PlacementRule.check(child: unit.kind, under: parent.kind, childCode: unit.code, parent: parent)
        let moved = try await session.execute(Queries.moveSubtree, [unit.path, parent.path, parent.id])
        return (try await find(.id(unit.id), argument: "unit", in: session), parent, moved)
    }

    /// Renames a unit.
    static func rename(_ reference: UnitReference, to name: String, in session: PostgresSession) async throws -> (old: Unit, new: Unit) {
        let unit = try await find(reference, argument: "unit", lock: .update, in: session)
        if unit.name == name {
            throw WorkbenchError.conflict(OrganizationsErrorCode.unitSameName, "\(unit.label) already has that name")
        }
        try await session.execute(Queries.rename, [unit.id, name])
        return (unit, try await find(.id(unit.id), argument: "unit", in: session))
    }

    /// Changes the secretary, phone or establishment date; nil leaves a field as it is.
    static func update(
        _ reference: UnitReference, secretary: String??, phone: String??, establishedOn: CalendarDate??, in session: PostgresSession
    ) async throws -> Unit {
        let unit = try await find(reference, argument: "unit", lock: .update, in: session)
        try await session.execute(
            Queries.update,
            [unit.id, secretary != nil, secretary ?? nil, phone != nil, phone ?? nil, establishedOn != nil, establishedOn ?? nil]
        )
        return try await find(.id(unit.id), argument: "unit", in: session)
    }

    /// What `dissolve` did.
    struct Dissolution: Sendable {
        var unit: Unit
        var unitsDissolved: Int
        var membersTransferred: Int
        var membersReceiver: Unit?
    }

    /// Dissolves a unit. Without `cascade` it refuses while active children or members remain;
    /// with it, the whole subtree is dissolved and the subtree's members transfer to the
    /// parent (they never lose their organisation). What hangs on a dissolved organisation
    /// (its reports, seats and pairs) ends with it, by the database's rule.
    ///
    /// Dated after today, the dissolution is recorded ahead and these rules are applied on
    /// its day (children and members may move out meanwhile).
    static func dissolve(
        _ reference: UnitReference, _ request: EndRequest, cascade: Bool, in session: PostgresSession
    ) async throws -> EndOutcome<Dissolution> {
        let date = request.on
        if !request.isAhead { try await session.query(Queries.lockExclusive, [treeLockKey]) }
        let unit = try await findActive(reference, argument: "unit", lock: .update, in: session)
        if let established = unit.establishedOn, date < established {
            throw WorkbenchError.invalidArgument("on", "\(unit.label) was established on \(established); it cannot be dissolved before that")
        }
        if request.isAhead {
            let id = try await ScheduledEndStore.record(.unit(unit.id, cascade: cascade), on: date, by: request.actor, in: session)
            return .recordedAhead(id: id, on: date)
        }
        let children: Int = try await session.query(Queries.activeChildren, [unit.id]).single().decode(at: 0)
        let members: Int = try await session.query(Queries.activeMembersInSubtree, [unit.path]).single().decode(at: 0)
        if !cascade && (children > 0 || members > 0) {
            throw WorkbenchError.ruleRefused(
                OrganizationsErrorCode.unitNotEmpty,
                "\(unit.label) still has \(children) active child organisation(s) and \(members) active member(s) in its subtree; "
                    + "move or dissolve them first, or ask an admin to run 'org unit dissolve unit=\(unit.code) cascade=true'"
            )
        }
        var receiver: Unit?
        var transferred = 0
        if members > 0 {
            guard let parentID = unit.parentID else {
                throw WorkbenchError.ruleRefused(
                    OrganizationsErrorCode.unitMembersWithoutReceiver,
                    "\(unit.label) has no parent to take its \(members) member(s); transfer them first with 'org member transfer'"
                )
            }
            receiver = try await findActive(.id(parentID), argument: "unit", lock: .share, in: session)
            transferred = try await MemberStore.transferSubtree(
                path: unit.path, to: receiver!, on: date, reason: "organisation \(unit.code) dissolved", in: session
            )
        }
        let dissolved = try await session.execute(Queries.dissolveSubtree, [unit.path, date])
        return .ended(
            Dissolution(
                unit: try await find(.id(unit.id), argument: "unit", in: session), unitsDissolved: dissolved,
                membersTransferred: transferred, membersReceiver: receiver
            )
        )
    }

    /// Filters for `org unit list`.
    struct ListFilter: Sendable {
        var parentID: Int64?
        var underPath: String?
        var kind: OrganizationKind?
        var status: String
    }

    static func list(_ filter: ListFilter, page: Page, in session: PostgresSession) async throws -> [(Unit, Int)] {
        let rows = try await session.query(
            Queries.list, [page.afterKey, filter.parentID, filter.underPath, filter.kind?.rawValue, filter.status, page.fetchLimit]
        )
        return try rows.map { (try Unit(row: $0), try $0.decode("members", as: Int.self)) }
    }

    /// Units whose code starts with, or whose name contains, `text`; best matches first.
    static func search(
        _ text: String, kind: OrganizationKind?, includeDissolved: Bool, limit: Int, in session: PostgresSession
    ) async throws -> [Unit] {
        let pattern = likeEscaped(text)
        return try await session.query(Queries.search, [text, pattern, kind?.rawValue, includeDissolved, limit]).map(Unit.init(row:))
    }

    /// `text` with LIKE's wildcards escaped, so `%` and `_` match themselves.
    static func likeEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
