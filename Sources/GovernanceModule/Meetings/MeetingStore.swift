import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// Meetings, their attendance and the problems raised: the handlers call these, never SQL.
enum MeetingStore {
    /// The meeting with `id`, or a 404 naming `argument`.
    static func find(_ id: Int64, argument: String = "meeting", in session: PostgresSession) async throws -> Meeting {
        let row = try await session.row(
            Queries.find, [id],
            orElse: WorkbenchError(
                status: .notFound, code: GovernanceErrorCode.meetingNotFound,
                message: "no meeting \(id) (\(argument)=); find it with 'gov meeting list'", argument: argument
            ))
        return try Meeting(row: row)
    }

    /// Records a meeting held on `heldOn`.
    static func hold(
        body: MeetingBody, heldOn: CalendarDate, title: String, agenda: String, decisions: String?, at now: Date, by actor: String,
        in session: PostgresSession
    ) async throws -> Int64 {
        guard heldOn >= body.since else {
            throw WorkbenchError(
                status: .unprocessable, code: GovernanceErrorCode.meetingBeforeBody,
                message: "held_on=\(heldOn) is before \(body.label) was set up (\(body.since))", argument: "held_on"
            )
        }
        return try await session.query(Queries.hold, [body.id, heldOn, title, agenda, decisions, now, actor]).single().decode("id")
    }

    /// Records who came for a member unit.
    static func attend(meetingID: Int64, unitID: Int64, person: String, in session: PostgresSession) async throws {
        _ = try await session.execute(Queries.attend, [meetingID, unitID, person])
    }

    /// Records a problem raised, by a member unit or by the body itself.
    static func raise(meetingID: Int64, by unitID: Int64?, summary: String, at now: Date, in session: PostgresSession) async throws -> Int64 {
        try await session.query(Queries.raise, [meetingID, unitID, summary, now]).single().decode("id")
    }

    /// Records the meeting's decisions 议定事项 (replacing what was recorded).
    static func decide(meetingID: Int64, decisions: String, in session: PostgresSession) async throws {
        _ = try await session.execute(Queries.decide, [meetingID, decisions])
    }

    /// The problem with `id` of meeting `meetingID`, or a 404 naming `problem`.
    static func requireProblem(_ id: Int64, of meetingID: Int64, in session: PostgresSession) async throws {
        guard try await session.queryOptionalRow(Queries.problem, [id, meetingID]) != nil else {
            throw WorkbenchError(
                status: .notFound, code: GovernanceErrorCode.problemNotFound,
                message: "meeting \(meetingID) has no problem \(id) (problem=); see 'gov meeting show meeting=\(meetingID)'",
                argument: "problem"
            )
        }
    }

    /// Which meetings a list shows.
    struct Filter: Sendable {
        var bodyID: Int64?
        var scopePath: String?
        var from: CalendarDate?
        var to: CalendarDate?
    }

    /// One page of meetings by id (or newest first, for a body's latest).
    static func list(filter: Filter, page: Page, newestFirst: Bool = false, in session: PostgresSession) async throws -> [Meeting] {
        let binds: [any PostgresEncodable] = [filter.bodyID, filter.scopePath, filter.from, filter.to]
        if newestFirst {
            return try await session.query(Queries.latest, binds + [page.limit]).map(Meeting.init(row:))
        }
        return try await session.query(Queries.list, [page.afterKey] + binds + [page.fetchLimit]).map(Meeting.init(row:))
    }

    /// Attendance, and the member units that sent nobody.
    static func attendance(of meeting: Meeting, in session: PostgresSession) async throws -> [[ReplyValue]] {
        try await session.query(Queries.attendance, [meeting.id, meeting.bodyID]).map {
            [
                .string(try $0.decode("code", as: String.self)), .string(try $0.decode("name", as: String.self)),
                (try $0.decode("person", as: String?.self)).map(ReplyValue.string) ?? .null,
                .bool(try $0.decode("present", as: Bool.self)),
            ]
        }
    }

    /// The problems raised at a meeting.
    static func problems(of meetingID: Int64, in session: PostgresSession) async throws -> [[ReplyValue]] {
        try await session.query(Queries.problems, [meetingID]).map {
            [
                .int(try $0.decode("id", as: Int64.self)), (try $0.decode("raised_by", as: String?.self)).map(ReplyValue.string) ?? .null,
                .string(try $0.decode("summary", as: String.self)),
            ]
        }
    }

    enum Queries {
        static let find = PostgresStatement(
            "governance.meeting.find", "SELECT \(Meeting.columns) FROM governance.meetings m \(Meeting.joins) WHERE m.id = $1"
        )
        static let hold = PostgresStatement(
            "governance.meeting.hold",
            """
            INSERT INTO governance.meetings (body_id, held_on, title, agenda, decisions, created_at, created_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
            """
        )
        static let attend = PostgresStatement(
            "governance.meeting.attend", "INSERT INTO governance.attendance (meeting_id, unit_id, person) VALUES ($1, $2, $3)"
        )
        static let raise = PostgresStatement(
            "governance.meeting.raise",
            "INSERT INTO governance.problems (meeting_id, raised_by_unit_id, summary, created_at) VALUES ($1, $2, $3, $4) RETURNING id"
        )
        static let decide = PostgresStatement("governance.meeting.decide", "UPDATE governance.meetings SET decisions = $2 WHERE id = $1")
        static let problem = PostgresStatement(
            "governance.meeting.problem", "SELECT 1 FROM governance.problems WHERE id = $1 AND meeting_id = $2"
        )
        /// Meetings by id after `$1`: body `$2`, bodies of organisations in subtree `$3`, held
        /// from `$4` to `$5`, at most `$6`.
        static let list = PostgresStatement(
            "governance.meeting.list",
            """
            SELECT \(Meeting.columns) FROM governance.meetings m \(Meeting.joins)
            WHERE m.id > $1
              AND ($2::bigint IS NULL OR m.body_id = $2)
              AND ($3::text IS NULL OR u.path OPERATOR(public.<@) $3::public.ltree)
              AND ($4::date IS NULL OR m.held_on >= $4) AND ($5::date IS NULL OR m.held_on <= $5)
            ORDER BY m.id
            LIMIT $6
            """
        )
        /// The latest meetings, newest first: body `$1`, subtree `$2`, held from `$3` to `$4`, at most `$5`.
        static let latest = PostgresStatement(
            "governance.meeting.latest",
            """
            SELECT \(Meeting.columns) FROM governance.meetings m \(Meeting.joins)
            WHERE ($1::bigint IS NULL OR m.body_id = $1)
              AND ($2::text IS NULL OR u.path OPERATOR(public.<@) $2::public.ltree)
              AND ($3::date IS NULL OR m.held_on >= $3) AND ($4::date IS NULL OR m.held_on <= $4)
            ORDER BY m.held_on DESC, m.id DESC
            LIMIT $5
            """
        )
        /// Every member unit and every unit recorded present, with who came.
        static let attendance = PostgresStatement(
            "governance.meeting.attendance",
            """
            SELECT u.code, u.name, a.person, a.id IS NOT NULL AS present
            FROM (SELECT unit_id FROM governance.body_members WHERE body_id = $2
                  UNION SELECT unit_id FROM governance.attendance WHERE meeting_id = $1) k
            JOIN organizations.units u ON u.id = k.unit_id
            LEFT JOIN governance.attendance a ON a.meeting_id = $1 AND a.unit_id = k.unit_id
            ORDER BY present DESC, u.code
            """
        )
        static let problems = PostgresStatement(
            "governance.meeting.problems",
            """
            SELECT p.id, u.code AS raised_by, p.summary FROM governance.problems p
            LEFT JOIN organizations.units u ON u.id = p.raised_by_unit_id
            WHERE p.meeting_id = $1 ORDER BY p.id
            """
        )
    }
}
