import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension GovernanceModule {
    /// `task=`: a task by id.
    static let taskArgument = ArgumentSpec.required("task", .id, help: "The task (id)", label: "任务")

    var taskCommands: [CommandSpec] {
        [assignTaskCommand, progressTaskCommand, closeTaskCommand, cancelTaskCommand, showTaskCommand, listTasksCommand, overdueTasksCommand]
    }

    private var assignTaskCommand: CommandSpec {
        CommandSpec(
            "task assign", synopsis: "Assign a task decided at a meeting to a member unit or a department",
            help: """
                The task goes to a member unit of the meeting's body (unit=, sitting in it by a part-time seat, a report or a \
                pairing) or to a department by name (department=, such as 区住建局): exactly one. It is due on or after the \
                meeting's day; follow it with 'task progress' and close it with 'task close'.
                """,
            arguments: [
                Self.meetingArgument,
                .required("title", .string(maxLength: 200), help: "What is to be done", label: "任务"),
                OrganizationDirectory.unitArgument("unit", required: false, help: "The member unit responsible", label: "责任单位"),
                .optional("department", .string(maxLength: 100), help: "Or the department responsible", label: "责任部门"),
                .required("due", .date, help: "The day it is due", label: "期限"),
                .optional("problem", .id, help: "The problem it answers (raised at the same meeting)", label: "问题"),
            ],
            mutates: true,
            examples: [
                "gov task assign meeting=1 title=\"错时开放单位停车场\" unit=DW01 due=2026-10-31",
                "gov task assign meeting=1 title=\"背街小巷路灯维修\" department=区城管局 due=2026-10-15",
            ]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            guard arguments.wasGiven("unit") != arguments.wasGiven("department") else {
                throw WorkbenchError.invalidArgument(
                    "unit", code: GovernanceErrorCode.taskOneAssignee, "give the task to unit=<member unit> or department=<name>, exactly one")
            }
            let meeting = try await MeetingStore.find(try arguments.id("meeting"), in: session)
            let assignee: TaskStore.Assignee
            var assigneeLabel: String
            if let reference = arguments.optionalString("unit") {
                let body = try await BodyStore.find(id: meeting.bodyID, in: session)
                let unit = try await OrganizationDirectory.unit(reference, argument: "unit", in: session)
                try await BodyStore.requireMember(unit, of: body, argument: "unit", in: session)
                assignee = .unit(unit.id)
                assigneeLabel = unit.label
            } else {
                let department = try arguments.string("department")
                assignee = .department(department)
                assigneeLabel = department
            }
            if let problem = arguments.optionalID("problem") { try await MeetingStore.requireProblem(problem, of: meeting.id, in: session) }
            let due = try arguments.date("due")
            let id = try await TaskStore.assign(
                at: meeting, problemID: arguments.optionalID("problem"), title: try arguments.string("title"), to: assignee, due: due,
                now: invocation.now, in: session)
            return .created(id: id, "task \(id) assigned to \(assigneeLabel), due \(due)", fields: [("due", .date(due))])
        }
    }

    private var progressTaskCommand: CommandSpec {
        CommandSpec(
            "task progress", synopsis: "Record progress on a task",
            arguments: [
                Self.taskArgument,
                .required("note", .text(maxLength: 2000), help: "What happened", label: "进展"),
                .optional("progress", .int(0...99), help: "Per cent done (0-99; finish with 'task close')", label: "进度"),
            ],
            mutates: true,
            examples: ["gov task progress task=1 note=\"已与两家单位签订错时停车协议\" progress=50"]
        ) { invocation in
            let arguments = invocation.arguments
            let task = try await TaskStore.find(try arguments.id("task"), forUpdate: true, in: invocation.database)
            let percent = arguments.optionalInt("progress").map(Int.init) ?? task.progress
            try await TaskStore.progress(
                task, to: percent, note: try arguments.string("note"), now: invocation.now, actor: invocation.caller.userName,
                in: invocation.database)
            return .message("\(task.label): \(percent)%")
        }
    }

    private var closeTaskCommand: CommandSpec {
        CommandSpec(
            "task close", synopsis: "Close a task done (办结), saying what came of it",
            arguments: [Self.taskArgument, .required("outcome", .text(maxLength: 2000), help: "What was done", label: "办结情况")],
            mutates: true,
            examples: ["gov task close task=1 outcome=\"两家单位夜间开放车位120个\""]
        ) { invocation in
            let task = try await TaskStore.find(try invocation.arguments.id("task"), forUpdate: true, in: invocation.database)
            try await TaskStore.close(
                task, as: .done, outcome: try invocation.arguments.string("outcome"), today: invocation.today, now: invocation.now,
                actor: invocation.caller.userName, in: invocation.database)
            let timing = invocation.today <= task.dueOn ? "on time" : "\(invocation.today.dayNumber - task.dueOn.dayNumber) day(s) late"
            return .record(
                [("task", .int(task.id)), ("status", .string("done")), ("on_time", .bool(invocation.today <= task.dueOn))],
                summary: "\(task.label) closed \(timing)")
        }
    }

    private var cancelTaskCommand: CommandSpec {
        CommandSpec(
            "task cancel", synopsis: "Cancel a task with the reason",
            arguments: [Self.taskArgument, .required("reason", .text(maxLength: 2000), help: "Why it is no longer to be done", label: "撤销原因")],
            mutates: true,
            examples: ["gov task cancel task=2 reason=\"并入区级道路改造工程\""]
        ) { invocation in
            let task = try await TaskStore.find(try invocation.arguments.id("task"), forUpdate: true, in: invocation.database)
            try await TaskStore.close(
                task, as: .cancelled, outcome: try invocation.arguments.string("reason"), today: invocation.today, now: invocation.now,
                actor: invocation.caller.userName, in: invocation.database)
            return .message("\(task.label) cancelled")
        }
    }

    private var showTaskCommand: CommandSpec {
        CommandSpec(
            "task show", synopsis: "Show a task with its progress notes",
            arguments: [Self.taskArgument],
            examples: ["gov task show task=1"]
        ) { invocation in
            let task = try await TaskStore.find(try invocation.arguments.id("task"), in: invocation.database)
            let notes = try await TaskStore.notes(of: task.id, in: invocation.database)
            return .document(
                task.fields + [("days_overdue", .int(Int64(task.daysOverdue(on: invocation.today))))],
                sections: [("notes", ReplyTable(columns: ["at", "progress", "note", "actor"], rows: notes))], summary: task.label)
        }
    }

    private var listTasksCommand: CommandSpec {
        CommandSpec(
            "task list", synopsis: "List tasks by meeting, subtree, member unit and status; paged",
            arguments: [
                .optional("meeting", .id, help: "Only this meeting's tasks"),
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only tasks of bodies in this subtree"),
                OrganizationDirectory.unitArgument("unit", required: false, help: "Only tasks of this member unit"),
                .optional("status", .enumeration(TaskStatus.allCases.map(\.rawValue)), help: "Only this status"),
            ] + Page.arguments(),
            examples: ["gov task list meeting=1", "gov task list unit=DW01 status=open"]
        ) { invocation in
            try await Self.taskTable(invocation, overdue: false)
        }
    }

    private var overdueTasksCommand: CommandSpec {
        CommandSpec(
            "task overdue", synopsis: "Tasks not closed by their due day; paged",
            arguments: [
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only tasks of bodies in this subtree"),
                OrganizationDirectory.unitArgument("unit", required: false, help: "Only tasks of this member unit"),
            ] + Page.arguments(),
            examples: ["gov task overdue scope=JD01"]
        ) { invocation in
            try await Self.taskTable(invocation, overdue: true)
        }
    }

    private static func taskTable(_ invocation: Invocation, overdue: Bool) async throws -> Reply {
        let arguments = invocation.arguments
        let session = invocation.database
        let meetingID = overdue ? nil : arguments.optionalID("meeting")
        if let meetingID { _ = try await MeetingStore.find(meetingID, in: session) }
        let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
        let unit = try await OrganizationDirectory.unit("unit", of: arguments, in: session)
        let page = try Page(arguments)
        let filter = TaskStore.Filter(
            meetingID: meetingID, scopePath: scope?.path, assigneeID: unit?.id,
            status: overdue ? nil : try arguments.optionalEnumeration("status", as: TaskStatus.self), overdueOn: overdue ? invocation.today : nil)
        let tasks = try await TaskStore.list(filter: filter, page: page, in: session)
        return page.reply(columns: AssignedTask.tableColumns, rows: tasks.map { ($0.id, $0.tableRow(today: invocation.today)) })
    }
}
