import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// Tasks and their progress notes: the handlers call these, never SQL.
enum TaskStore {
    /// The task with `id`, or a 404 naming `argument`.
    static func find(_ id: Int64, argument: String = "task", forUpdate: Bool = false, in session: PostgresSession) async throws -> AssignedTask {
        let row = try await session.row(
            forUpdate ? Queries.findForUpdate : Queries.find, [id],
            orElse: WorkbenchError(
                status: .notFound, code: GovernanceErrorCode.taskNotFound,
                message: "no task \(id) (\(argument)=); find it with 'gov task list'", argument: argument
            ))
        return try AssignedTask(row: row)
    }

    /// Who a task goes to: a member unit of the meeting's body, or a department by name.
    enum Assignee: Sendable {
        case unit(Int64)
        case department(String)
    }

    /// Assigns a task at `meeting`; it is due on or after the meeting's day.
    static func assign(
        at meeting: Meeting, problemID: Int64?, title: String, to assignee: Assignee, due: CalendarDate, now: Date, in session: PostgresSession
    ) async throws -> Int64 {
        guard due >= meeting.heldOn else {
            throw WorkbenchError.invalidArgument(
                "due", code: GovernanceErrorCode.taskDueBeforeMeeting, "due=\(due) is before \(meeting.label) (\(meeting.heldOn))")
        }
        var unitID: Int64?
        var department: String?
        switch assignee {
        case .unit(let id): unitID = id
        case .department(let name): department = name
        }
        return try await session.query(Queries.assign, [meeting.id, problemID, title, unitID, department, due, now]).single().decode("id")
    }

    /// Records progress on an open task (it is then in progress).
    static func progress(_ task: AssignedTask, to percent: Int, note: String, now: Date, actor: String, in session: PostgresSession) async throws {
        try task.refuseIfClosed("take more progress notes")
        _ = try await session.execute(Queries.progress, [task.id, percent, now])
        _ = try await session.execute(Queries.addNote, [task.id, now, percent, note, actor])
    }

    /// Closes a task: done (办结) or cancelled, on `today`, with what came of it.
    static func close(
        _ task: AssignedTask, as status: TaskStatus, outcome: String, today: CalendarDate, now: Date, actor: String, in session: PostgresSession
    ) async throws {
        try task.refuseIfClosed(status == .done ? "be closed" : "be cancelled")
        _ = try await session.execute(Queries.close, [task.id, status, today, outcome, now])
        _ = try await session.execute(
            Queries.addNote, [task.id, now, status == .done ? 100 : task.progress, (status == .done ? "办结: " : "撤销: ") + outcome, actor])
    }

    /// Which tasks a list shows.
    struct Filter: Sendable {
        var meetingID: Int64?
        var scopePath: String?
        var assigneeID: Int64?
        var status: TaskStatus?
        var overdueOn: CalendarDate?
    }

    /// One page of tasks by id.
    static func list(filter: Filter, page: Page, in session: PostgresSession) async throws -> [AssignedTask] {
        try await session.query(
            Queries.list,
            [page.afterKey, filter.meetingID, filter.scopePath, filter.assigneeID, filter.status, filter.overdueOn, page.fetchLimit]
        ).map(AssignedTask.init(row:))
    }

    /// The task's progress notes, oldest first.
    static func notes(of taskID: Int64, in session: PostgresSession) async throws -> [[ReplyValue]] {
        try await session.query(Queries.notes, [taskID]).map {
            [
                .timestamp(try $0.decode("at", as: Date.self)), .int(Int64(try $0.decode("progress", as: Int.self))),
                .string(try $0.decode("note", as: String.self)),
                .string(try $0.decode("actor", as: String.self)),
            ]
        }
    }

    enum Queries {
        static let find = PostgresStatement(
            "governance.task.find", "SELECT \(AssignedTask.columns) FROM governance.tasks t \(AssignedTask.joins) WHERE t.id = $1"
        )
        static let findForUpdate = PostgresStatement("governance.task.find_for_update", find.sql + " FOR UPDATE OF t")
        static let assign = PostgresStatement(
            "governance.task.assign",
            """
            INSERT INTO governance.tasks (meeting_id, problem_id, title, assignee_unit_id, department, due_on, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id
            """
        )
        static let progress = PostgresStatement(
            "governance.task.progress",
            "UPDATE governance.tasks SET status = 'in_progress', progress = $2, updated_at = $3 WHERE id = $1"
        )
        static let close = PostgresStatement(
            "governance.task.close",
            """
            UPDATE governance.tasks
            SET status = $2, closed_on = $3, outcome = $4, updated_at = $5, progress = CASE WHEN $2 = 'done' THEN 100 ELSE progress END
            WHERE id = $1
            """
        )
        static let addNote = PostgresStatement(
            "governance.task.add_note",
            "INSERT INTO governance.task_notes (task_id, at, progress, note, actor) VALUES ($1, $2, $3, $4, $5)"
        )
        static let notes = PostgresStatement(
            "governance.task.notes", "SELECT at, progress, note, actor FROM governance.task_notes WHERE task_id = $1 ORDER BY id"
        )
        /// Tasks by id after `$1`: meeting `$2`, bodies in subtree `$3`, assignee `$4`, status
        /// `$5`, open and past due on `$6`, at most `$7`.
        static let list = PostgresStatement(
            "governance.task.list",
            """
            SELECT \(AssignedTask.columns) FROM governance.tasks t \(AssignedTask.joins)
            WHERE t.id > $1
              AND ($2::bigint IS NULL OR t.meeting_id = $2)
              AND ($3::text IS NULL OR m.body_id IN (
                    SELECT b.id FROM governance.bodies b JOIN organizations.units u ON u.id = b.unit_id
                    WHERE u.path OPERATOR(public.<@) $3::public.ltree))
              AND ($4::bigint IS NULL OR t.assignee_unit_id = $4)
              AND ($5::text IS NULL OR t.status = $5)
              AND ($6::date IS NULL OR (t.status IN ('open', 'in_progress') AND t.due_on < $6))
            ORDER BY t.id
            LIMIT $7
            """
        )
    }
}
