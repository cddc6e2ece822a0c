import WorkbenchKit
import WorkbenchPostgres

/// Reading sessions: one by id, its agenda and participants, what it still lacks, a page of
/// them.
enum SessionStore {
    /// The session with `id` (`FOR UPDATE` when `forUpdate`), or a 404 naming `session`.
    static func find(_ id: Int64, forUpdate: Bool = false, in session: PostgresSession) async throws -> Session {
        let row = try await session.row(
            forUpdate ? SessionQueries.findForUpdate : SessionQueries.find, [id],
            orElse: WorkbenchError(
                status: .notFound, code: ConsultationsErrorCode.sessionNotFound,
                message: "no session \(id) (session=); find it with 'consult session list'", argument: "session"
            ))
        return try Session(row: row)
    }

    /// The session's agenda in its order, with each topic's vote.
    static func agenda(of meeting: Session, in session: PostgresSession) async throws -> [AgendaItem] {
        try await session.query(SessionQueries.agenda, [meeting.id]).map(AgendaItem.init(row:))
    }

    /// The topic on `meeting`'s agenda, or a 422 naming `topic` and listing the agenda.
    static func agendaTopic(_ topicID: Int64, of meeting: Session, in session: PostgresSession) async throws -> Topic {
        let agenda = try await agenda(of: meeting, in: session).map(\.topicID)
        guard agenda.contains(topicID) else {
            throw WorkbenchError(
                status: .unprocessable, code: ConsultationsErrorCode.sessionTopicNotOnAgenda,
                message: "topic \(topicID) is not on \(meeting.label)'s agenda (topics \(agenda.map(String.init).joined(separator: ", ")))",
                argument: "topic"
            )
        }
        return try await TopicStore.find(topicID, in: session)
    }

    /// The participants recorded, in the order they were recorded.
    static func participants(of meeting: Session, in session: PostgresSession) async throws -> [Participant] {
        try await session.query(SessionQueries.participants, [meeting.id]).map(Participant.init(row:))
    }

    /// What the session still lacks before it may close.
    static func shortfalls(of meeting: Session, in session: PostgresSession) async throws -> [SessionShortfall] {
        try await session.query(SessionQueries.missing, [meeting.id]).map { row in
            SessionShortfall(item: try row.decode("item"), topicID: try row.decode("topic_id"))
        }
    }

    /// What `session list` filters by.
    struct Filter {
        var scopePath: String?
        var status: SessionStatus?
        var from: CalendarDate?
        var to: CalendarDate?
    }

    /// One page of sessions with their topic count and the haves they still lack (nil unless
    /// scheduled).
    static func list(_ filter: Filter, page: Page, in session: PostgresSession) async throws -> [(Session, topics: Int64, havesMissing: Int64?)] {
        try await session.query(
            SessionQueries.list, [page.afterKey, filter.scopePath, filter.status, filter.from, filter.to, page.fetchLimit]
        ).map { row in
            let meeting = try Session(row: row)
            let missing: Int64? = meeting.status == .scheduled ? try row.decode("haves_missing") : nil
            return (meeting, try row.decode("topics"), missing)
        }
    }
}
