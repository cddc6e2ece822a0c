import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension GovernanceModule {
    /// `meeting=`: a meeting by id.
    static let meetingArgument = ArgumentSpec.required("meeting", .id, help: "The meeting (id)", label: "会议")

    var meetingCommands: [CommandSpec] {
        [holdMeetingCommand, attendCommand, raiseProblemCommand, decideCommand, showMeetingCommand, listMeetingsCommand]
    }

    private var holdMeetingCommand: CommandSpec {
        CommandSpec(
            "meeting hold", synopsis: "Record a joint meeting a body held, with its agenda",
            help: """
                Then record who came for each member unit ('meeting attend'), the problems raised ('meeting problem'), the \
                decisions ('meeting decide') and the tasks assigned ('task assign'). A meeting counts for the period of the \
                body's cadence its day falls in.
                """,
            arguments: [
                Self.bodyArgument,
                .required("held_on", .pastDate, help: "The day it was held (not in the future)", label: "召开日期"),
                .required("title", .string(maxLength: 200), help: "The meeting's title", label: "会议名称"),
                .required("agenda", .text(maxLength: 2000), help: "Its agenda", label: "议程"),
                .optional("decisions", .text(maxLength: 4000), help: "Its decisions, if already known", label: "议定事项"),
            ],
            mutates: true,
            examples: ["gov meeting hold body=JD01 held_on=2026-09-18 title=2026年第三季度联席会议 agenda=\"老旧小区停车难；背街小巷整治\""]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let body = try await BodyStore.find(try arguments.string("body"), in: session)
            let id = try await MeetingStore.hold(
                body: body, heldOn: try arguments.date("held_on"), title: try arguments.string("title"), agenda: try arguments.string("agenda"),
                decisions: arguments.optionalString("decisions"), at: invocation.now, by: invocation.caller.userName, in: session)
            return .created(id: id, "meeting \(id) of \(body.label) recorded on \(try arguments.date("held_on"))")
        }
    }

    private var attendCommand: CommandSpec {
        CommandSpec(
            "meeting attend", synopsis: "Record that a member unit attended a meeting, and who came",
            arguments: [
                Self.meetingArgument,
                OrganizationDirectory.unitArgument("unit", help: "The member unit (sitting in the meeting's body)", label: "成员单位"),
                .required("person", .string(maxLength: 50), help: "Who came for it", label: "出席人"),
            ],
            mutates: true,
            examples: ["gov meeting attend meeting=1 unit=DW01 person=赵局长"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let meeting = try await MeetingStore.find(try arguments.id("meeting"), in: session)
            let body = try await BodyStore.find(id: meeting.bodyID, in: session)
            let unit = try await OrganizationDirectory.unit(try arguments.string("unit"), argument: "unit", in: session)
            try await BodyStore.requireMember(unit, of: body, argument: "unit", in: session)
            try await MeetingStore.attend(meetingID: meeting.id, unitID: unit.id, person: try arguments.string("person"), in: session)
            return .message("\(unit.label) attended \(meeting.label): \(try arguments.string("person"))")
        }
    }

    private var raiseProblemCommand: CommandSpec {
        CommandSpec(
            "meeting problem", synopsis: "Record a problem raised at a meeting",
            arguments: [
                Self.meetingArgument,
                .required("summary", .string(maxLength: 500), help: "The problem", label: "问题"),
                OrganizationDirectory.unitArgument("unit", required: false, help: "The member unit that raised it", label: "提出单位"),
            ],
            mutates: true,
            examples: ["gov meeting problem meeting=1 summary=\"振兴路社区夜间停车位不足\" unit=DW01"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let meeting = try await MeetingStore.find(try arguments.id("meeting"), in: session)
            var unitID: Int64?
            if let reference = arguments.optionalString("unit") {
                let body = try await BodyStore.find(id: meeting.bodyID, in: session)
                let unit = try await OrganizationDirectory.unit(reference, argument: "unit", in: session)
                try await BodyStore.requireMember(unit, of: body, argument: "unit", in: session)
                unitID = unit.id
            }
            let id = try await MeetingStore.raise(
                meetingID: meeting.id, by: unitID, summary: try arguments.string("summary"), at: invocation.now, in: session)
            return .created(id: id, "problem \(id) raised at \(meeting.label)")
        }
    }

    private var decideCommand: CommandSpec {
        CommandSpec(
            "meeting decide", synopsis: "Record a meeting's decisions (议定事项), replacing what was recorded",
            arguments: [Self.meetingArgument, .required("decisions", .text(maxLength: 4000), help: "The decisions", label: "议定事项")],
            mutates: true,
            examples: ["gov meeting decide meeting=1 decisions=\"驻区单位错时开放停车场；背街小巷月底前整治完毕\""]
        ) { invocation in
            let meeting = try await MeetingStore.find(try invocation.arguments.id("meeting"), in: invocation.database)
            try await MeetingStore.decide(meetingID: meeting.id, decisions: try invocation.arguments.string("decisions"), in: invocation.database)
            return .message("decisions of \(meeting.label) recorded")
        }
    }

    private var showMeetingCommand: CommandSpec {
        CommandSpec(
            "meeting show", synopsis: "Show a meeting: agenda, decisions, attendance by member unit, problems and tasks",
            arguments: [Self.meetingArgument],
            examples: ["gov meeting show meeting=1"]
        ) { invocation in
            let session = invocation.database
            let meeting = try await MeetingStore.find(try invocation.arguments.id("meeting"), in: session)
            let tasks = try await TaskStore.list(filter: TaskStore.Filter(meetingID: meeting.id), page: Page(limit: 1000), in: session)
            return .document(
                meeting.fields,
                sections: [
                    (
                        "attendance",
                        ReplyTable(columns: ["code", "name", "person", "present"], rows: try await MeetingStore.attendance(of: meeting, in: session))
                    ),
                    (
                        "problems",
                        ReplyTable(columns: ["id", "raised_by", "summary"], rows: try await MeetingStore.problems(of: meeting.id, in: session))
                    ),
                    ("tasks", ReplyTable(columns: AssignedTask.tableColumns, rows: tasks.map { $0.tableRow(today: invocation.today) })),
                ],
                summary: meeting.label
            )
        }
    }

    private var listMeetingsCommand: CommandSpec {
        CommandSpec(
            "meeting list", synopsis: "List meetings by body, subtree and period; paged",
            arguments: [
                .optional("body", .string(maxLength: 32), help: "Only this body's (id or organisation code)"),
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only bodies of organisations in this subtree"),
                .optional("from", .date, help: "Held on or after this day"),
                .optional("to", .date, help: "Held on or before this day"),
            ] + Page.arguments(),
            examples: ["gov meeting list body=JD01", "gov meeting list scope=QW01 from=2026-07-01"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let body = try await arguments.optionalString("body").asyncMap { try await BodyStore.find($0, in: session) }
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
            let page = try Page(arguments)
            let meetings = try await MeetingStore.list(
                filter: MeetingStore.Filter(
                    bodyID: body?.id, scopePath: scope?.path, from: arguments.optionalDate("from"), to: arguments.optionalDate("to")),
                page: page, in: session)
            return page.reply(columns: Meeting.tableColumns, rows: meetings.map { ($0.id, $0.tableRow) })
        }
    }
}
