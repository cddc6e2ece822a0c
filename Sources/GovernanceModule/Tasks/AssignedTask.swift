import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// A task 任务 a joint meeting assigned to a member unit or a department, with its due day.
struct AssignedTask: Sendable {
    var id: Int64
    var meetingID: Int64
    var bodyID: Int64
    var problemID: Int64?
    var title: String
    var assigneeCode: String?
    var department: String?
    var dueOn: CalendarDate
    var status: TaskStatus
    var progress: Int
    var closedOn: CalendarDate?
    var outcome: String?

    /// The columns ``init(row:)`` reads, for `t` = tasks, `m` = its meeting, `a` = the assignee.
    static let columns = """
        t.id, t.meeting_id, m.body_id, t.problem_id, t.title, a.code AS assignee_code, t.department, t.due_on, t.status, t.progress,
        t.closed_on, t.outcome
        """
    static let joins = """
        JOIN governance.meetings m ON m.id = t.meeting_id
        LEFT JOIN organizations.units a ON a.id = t.assignee_unit_id
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        meetingID = try row.decode("meeting_id")
        bodyID = try row.decode("body_id")
        problemID = try row.decode("problem_id")
        title = try row.decode("title")
        assigneeCode = try row.decode("assignee_code")
        department = try row.decode("department")
        dueOn = try row.decode("due_on")
        status = try row.decode("status")
        progress = try row.decode("progress")
        closedOn = try row.decode("closed_on")
        outcome = try row.decode("outcome")
    }

    /// `task 3 《开放停车场》`.
    var label: String { "task \(id) 《\(title)》" }

    /// The member unit's code or the department.
    var assignee: String { assigneeCode ?? department ?? "" }

    /// Days past due on `today` while open (0 otherwise).
    func daysOverdue(on today: CalendarDate) -> Int {
        guard !status.isClosed, dueOn < today else { return 0 }
        return today.dayNumber - dueOn.dayNumber
    }

    /// Whether it was closed done by its due day.
    var doneOnTime: Bool? {
        guard status == .done, let closedOn else { return nil }
        return closedOn <= dueOn
    }

    /// A 409 for a change to a closed task.
    func refuseIfClosed(_ step: String) throws {
        guard !status.isClosed else {
            throw WorkbenchError.conflict(GovernanceErrorCode.taskClosed, "\(label) is \(status.rawValue); it cannot \(step)")
        }
    }

    var fields: [(String, ReplyValue)] {
        [
            ("id", .int(id)), ("meeting", .int(meetingID)), ("body", .int(bodyID)), ("problem", problemID.map(ReplyValue.int) ?? .null),
            ("title", .string(title)), ("assignee", .string(assignee)), ("due_on", .date(dueOn)), ("status", .string(status.rawValue)),
            ("progress", .int(Int64(progress))), ("closed_on", closedOn.map(ReplyValue.date) ?? .null),
            ("on_time", doneOnTime.map(ReplyValue.bool) ?? .null), ("outcome", outcome.map(ReplyValue.string) ?? .null),
        ]
    }

    static let tableColumns = ["id", "meeting", "title", "assignee", "due_on", "status", "progress", "days_overdue", "closed_on"]

    func tableRow(today: CalendarDate) -> [ReplyValue] {
        [
            .int(id), .int(meetingID), .string(title), .string(assignee), .date(dueOn), .string(status.rawValue), .int(Int64(progress)),
            .int(Int64(daysOverdue(on: today))), closedOn.map(ReplyValue.date) ?? .null,
        ]
    }
}
