import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

/// Bodies and their members: the handlers call these, never SQL.
enum BodyStore {
    /// The body named by `reference`: its id, or its organisation's code (codes start with a
    /// letter); a 404 naming `argument`.
    static func find(_ reference: String, argument: String = "body", in session: PostgresSession) async throws -> MeetingBody {
        let row =
            if let id = Int64(reference) {
                try await session.queryOptionalRow(Queries.find, [id])
            } else {
                try await session.queryOptionalRow(Queries.findByCode, [reference])
            }
        guard let row else {
            throw WorkbenchError(
                status: .notFound, code: GovernanceErrorCode.bodyNotFound,
                message: "no meeting body '\(reference)' (\(argument)=, a body id or its organisation's code); see 'gov body list'",
                argument: argument)
        }
        return try MeetingBody(row: row)
    }

    /// The body with `id` (one a meeting names), or a 404.
    static func find(id: Int64, in session: PostgresSession) async throws -> MeetingBody {
        guard let row = try await session.queryOptionalRow(Queries.find, [id]) else {
            throw WorkbenchError.notFound(GovernanceErrorCode.bodyNotFound, "no meeting body \(id); see 'gov body list'")
        }
        return try MeetingBody(row: row)
    }

    /// Adds a body for `organisation`; a second body of one organisation is refused by
    /// `bodies_unit_key`.
    static func add(
        organisation: OrganizationDirectory.Organization, name: String, cadence: Cadence, since: CalendarDate, in session: PostgresSession
    ) async throws -> Int64 {
        guard MeetingBody.levels.contains(organisation.kind) else {
            throw WorkbenchError(
                status: .unprocessable, code: GovernanceErrorCode.bodyWrongLevel,
                message: "\(organisation.label) is a \(organisation.kind); joint meeting bodies sit at "
                    + MeetingBody.levels.joined(separator: ", ") + " level",
                argument: "unit"
            )
        }
        return try await session.query(Queries.add, [organisation.id, name, cadence, since]).single().decode("id")
    }

    /// Changes a body's name or cadence.
    static func update(_ body: MeetingBody, name: String?, cadence: Cadence?, in session: PostgresSession) async throws {
        _ = try await session.execute(Queries.update, [body.id, name, cadence])
    }

    /// One page of bodies in `scope` (a path, nil: all).
    static func list(scope: String?, cadence: Cadence?, page: Page, in session: PostgresSession) async throws -> [MeetingBody] {
        try await session.query(Queries.list, [page.afterKey, scope, cadence, page.fetchLimit]).map(MeetingBody.init(row:))
    }

    /// A member unit of a body: an organisation sitting in it, and how (seat, report, pair).
    struct Member: Sendable {
        var unitID: Int64
        var code: String
        var name: String
        var kind: String
        var via: String
    }

    /// The body's members by organisation code.
    static func members(of bodyID: Int64, in session: PostgresSession) async throws -> [Member] {
        try await session.query(Queries.members, [bodyID]).map {
            Member(
                unitID: try $0.decode("unit_id"), code: try $0.decode("code"), name: try $0.decode("name"), kind: try $0.decode("kind"),
                via: try $0.decode("via"))
        }
    }

    /// A 422 unless `unit` sits in the body (`argument` names it).
    static func requireMember(
        _ unit: OrganizationDirectory.Organization, of body: MeetingBody, argument: String, in session: PostgresSession
    ) async throws {
        guard try await session.queryOptionalRow(Queries.isMember, [body.id, unit.id]) != nil else {
            throw WorkbenchError(
                status: .unprocessable, code: GovernanceErrorCode.meetingNotAMember,
                message: "\(unit.label) does not sit in \(body.label) (no open part-time seat, report or pairing); "
                    + "see 'gov body members body=\(body.id)'",
                argument: argument
            )
        }
    }

    enum Queries {
        static let find = PostgresStatement(
            "governance.body.find", "SELECT \(MeetingBody.columns) FROM governance.bodies b \(MeetingBody.joins) WHERE b.id = $1"
        )
        static let findByCode = PostgresStatement(
            "governance.body.find_by_code",
            "SELECT \(MeetingBody.columns) FROM governance.bodies b \(MeetingBody.joins) WHERE u.code = $1"
        )
        static let add = PostgresStatement(
            "governance.body.add",
            "INSERT INTO governance.bodies (unit_id, name, cadence, since) VALUES ($1, $2, $3, $4) RETURNING id"
        )
        static let update = PostgresStatement(
            "governance.body.update",
            """
            UPDATE governance.bodies SET name = coalesce($2, name), cadence = coalesce($3, cadence), updated_at = now()
            WHERE id = $1
            """
        )
        /// Bodies by id after `$1`, organisations in subtree `$2`, cadence `$3`, at most `$4`.
        static let list = PostgresStatement(
            "governance.body.list",
            """
            SELECT \(MeetingBody.columns) FROM governance.bodies b \(MeetingBody.joins)
            WHERE b.id > $1
              AND ($2::text IS NULL OR u.path OPERATOR(public.<@) $2::public.ltree)
              AND ($3::text IS NULL OR b.cadence = $3)
            ORDER BY b.id
            LIMIT $4
            """
        )
        static let members = PostgresStatement(
            "governance.body.members",
            """
            SELECT m.unit_id, u.code, u.name, u.kind, m.via
            FROM governance.body_members m JOIN organizations.units u ON u.id = m.unit_id
            WHERE m.body_id = $1
            ORDER BY u.code
            """
        )
        static let isMember = PostgresStatement(
            "governance.body.is_member", "SELECT 1 FROM governance.body_members WHERE body_id = $1 AND unit_id = $2"
        )
    }
}
