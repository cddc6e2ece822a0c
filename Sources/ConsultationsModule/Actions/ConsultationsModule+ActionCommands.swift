import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension ConsultationsModule {
    /// `action=`: an action item by id.
    static let actionArgument = ArgumentSpec.required("action", .id, help: "The action item (id)", label: "落实事项")

    var actionCommands: [CommandSpec] {
        [addActionCommand, updateActionCommand, doneActionCommand, dropActionCommand, listActionsCommand, overdueActionsCommand]
    }

    static func findAction(_ id: Int64, forUpdate: Bool = false, in session: PostgresSession) async throws -> ActionItem {
        let row = try await session.row(
            forUpdate ? ActionQueries.findForUpdate : ActionQueries.find, [id],
            orElse: WorkbenchError(
                status: .notFound, code: ConsultationsErrorCode.actionNotFound,
                message: "no action item \(id) (action=); find it with 'consult action list topic=<id>'", argument: "action"
            ))
        return try ActionItem(row: row)
    }

    /// Locks the action's topic, then the action, so that two actions of one topic finishing
    /// at once settle it exactly once (the second sees the first's action finished).
    static func lockForFinishing(_ id: Int64, step: String, in session: PostgresSession) async throws -> ActionItem {
        let action = try await findAction(id, in: session)
        _ = try await TopicStore.find(action.topicID, forUpdate: true, in: session)
        let locked = try await findAction(id, forUpdate: true, in: session)
        try locked.refuseUnlessOpen(step)
        return locked
    }

    private var addActionCommand: CommandSpec {
        CommandSpec(
            "action add", synopsis: "Add an action item (落实事项) to a topic being implemented",
            help: """
                Actions follow a closed session's adopted resolution (the topic is implementing). The owner is an organisation \
                (owner=, by id or code) or a named party (party=, such as 物业公司 or 城管中队): give exactly one. The topic is \
                settled when every action is done or dropped with a reason.
                """,
            arguments: [
                Self.topicArgument(),
                .required("title", .string(maxLength: 200), help: "What is to be done", label: "事项"),
                OrganizationDirectory.unitArgument("owner", required: false, help: "The organisation responsible", label: "责任单位"),
                .optional("party", .string(maxLength: 100), help: "Or a named party responsible (物业公司, 城管中队…)", label: "责任方"),
                .required("due", .date, help: "The day it is due", label: "期限"),
            ],
            mutates: true,
            examples: [
                "consult action add topic=1 title=\"协调学校夜间开放操场停车\" owner=SQ01 due=2026-12-01",
                "consult action add topic=1 title=\"消防通道设地锁\" party=\"鑫苑物业\" due=2026-12-10",
            ]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            guard arguments.wasGiven("owner") != arguments.wasGiven("party") else {
                throw WorkbenchError.invalidArgument(
                    "owner", code: ConsultationsErrorCode.actionOneOwner,
                    "give the owner as owner=<organisation> or as party=<named party>, exactly one"
                )
            }
            let due = try arguments.date("due")
            guard due >= invocation.today else {
                throw WorkbenchError.invalidArgument(
                    "due", code: ConsultationsErrorCode.actionDueInPast, "due=\(due) is already past; give a day from today on")
            }
            let topic = try await TopicStore.find(try arguments.id("topic"), forUpdate: true, in: session)
            guard topic.status == .implementing else {
                throw TopicStore.notAllowed(
                    topic, "take actions",
                    "Actions follow a closed session's adopted resolution" + (topic.status == .scheduled ? ": close its session first." : ".")
                )
            }
            let owner = try await arguments.optionalString("owner").asyncMap {
                try await OrganizationDirectory.activeUnit($0, argument: "owner", in: session)
            }
            let title = try arguments.string("title")
            let id: Int64 = try await session.query(
                ActionQueries.insert, [topic.id, title, owner?.id, arguments.optionalString("party"), due, invocation.now]
            ).single().decode("id")
            let ownerText = owner?.label ?? arguments.optionalString("party")!
            try await TopicStore.record(
                topic.id, at: invocation.now, kind: "action_added", actor: invocation.caller.userName,
                detail: "action \(id) 《\(title)》 for \(ownerText), due \(due)", in: session
            )
            return .created(id: id, "action \(id) added to \(topic.label), owned by \(ownerText), due \(due)", fields: [("due", .date(due))])
        }
    }

    private var updateActionCommand: CommandSpec {
        CommandSpec(
            "action update", synopsis: "Record progress on an open action item",
            arguments: [
                Self.actionArgument,
                .required("note", .text(maxLength: 2000), help: "What happened", label: "进展"),
                .optional("progress", .int(0...99), help: "Per cent done (0-99; finish with 'action done')", label: "进度"),
            ],
            mutates: true,
            examples: ["consult action update action=1 note=\"已与学校签订错时停车协议\" progress=60"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let action = try await Self.findAction(try arguments.id("action"), forUpdate: true, in: session)
            try action.refuseUnlessOpen("take more progress notes")
            let progress = arguments.optionalInt("progress").map(Int.init) ?? action.progress
            let note = try arguments.string("note")
            _ = try await session.execute(ActionQueries.progress, [action.id, progress, invocation.now])
            _ = try await session.execute(ActionQueries.addNote, [action.id, invocation.now, progress, note, invocation.caller.userName])
            try await TopicStore.record(
                action.topicID, at: invocation.now, kind: "action_progress", actor: invocation.caller.userName,
                detail: "action \(action.id) at \(progress)%: \(note)", in: session
            )
            return .message("\(action.label): \(progress)% (\(note))")
        }
    }

    private var doneActionCommand: CommandSpec {
        CommandSpec(
            "action done", synopsis: "Mark an action item done; the topic is settled when it was the last open one",
            arguments: [Self.actionArgument, .optional("note", .text(maxLength: 2000), help: "How it was done", label: "说明")],
            mutates: true,
            examples: ["consult action done action=1 note=\"操场夜间停车已开放\""]
        ) { invocation in
            try await Self.finish(invocation, dropping: false)
        }
    }

    private var dropActionCommand: CommandSpec {
        CommandSpec(
            "action drop", synopsis: "Drop an action item with a reason; the topic is settled when it was the last open one",
            arguments: [Self.actionArgument, .required("reason", .text(maxLength: 500), help: "Why it is no longer to be done", label: "撤销原因")],
            mutates: true,
            examples: ["consult action drop action=2 reason=\"业主大会否决加装地锁，改为划线管理\""]
        ) { invocation in
            try await Self.finish(invocation, dropping: true)
        }
    }

    /// `action done` and `action drop`: finishes the action, then settles its topic if no
    /// action is left open.
    private static func finish(_ invocation: Invocation, dropping: Bool) async throws -> Reply {
        let arguments = invocation.arguments
        let session = invocation.database
        let actor = invocation.caller.userName
        let action = try await lockForFinishing(try arguments.id("action"), step: dropping ? "be dropped" : "be done", in: session)
        let text: String
        if dropping {
            let reason = try arguments.string("reason")
            _ = try await session.execute(ActionQueries.drop, [action.id, invocation.now, reason])
            text = "action \(action.id) dropped: \(reason)"
        } else {
            _ = try await session.execute(ActionQueries.done, [action.id, invocation.now])
            let timing = invocation.today <= action.dueOn ? "on time" : "\(action.daysOverdue(on: invocation.today)) day(s) late"
            text = "action \(action.id) done \(timing)" + (arguments.optionalString("note").map { ": \($0)" } ?? "")
            if let note = arguments.optionalString("note") {
                _ = try await session.execute(ActionQueries.addNote, [action.id, invocation.now, 100, note, actor])
            }
        }
        try await TopicStore.record(
            action.topicID, at: invocation.now, kind: dropping ? "action_dropped" : "action_done", actor: actor, detail: text, in: session)
        let settled = try await TopicStore.settleIfImplemented(action.topicID, at: invocation.now, actor: actor, in: session)
        return .record(
            [
                ("action", .int(action.id)), ("status", .string(dropping ? "dropped" : "done")), ("topic", .int(action.topicID)),
                ("topic_settled", .bool(settled)),
            ],
            summary: text + (settled ? "; topic \(action.topicID) is settled (有落实)" : "")
        )
    }

    private var listActionsCommand: CommandSpec {
        CommandSpec(
            "action list", synopsis: "List action items by topic, subtree, owner and status; paged",
            arguments: [
                .optional("topic", .id, help: "Only this topic's actions"),
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only topics of communities in this subtree"),
                OrganizationDirectory.unitArgument("owner", required: false, help: "Only actions owned in this subtree"),
                .optional("status", .enumeration(ActionStatus.allCases.map(\.rawValue)), help: "Only this status"),
            ] + Page.arguments(),
            examples: ["consult action list topic=1", "consult action list scope=JD01 status=open"]
        ) { invocation in
            try await Self.actionTable(invocation, overdueOnly: false)
        }
    }

    private var overdueActionsCommand: CommandSpec {
        CommandSpec(
            "action overdue", synopsis: "Open action items past their due day; paged",
            arguments: [
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only topics of communities in this subtree"),
                OrganizationDirectory.unitArgument("owner", required: false, help: "Only actions owned in this subtree"),
            ] + Page.arguments(),
            examples: ["consult action overdue scope=JD01"]
        ) { invocation in
            try await Self.actionTable(invocation, overdueOnly: true)
        }
    }

    private static func actionTable(_ invocation: Invocation, overdueOnly: Bool) async throws -> Reply {
        let arguments = invocation.arguments
        let session = invocation.database
        if let topicID = arguments.optionalID("topic") { _ = try await TopicStore.find(topicID, in: session) }
        let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
        let owner = try await OrganizationDirectory.unit("owner", of: arguments, in: session)
        let page = try Page(arguments)
        let rows = try await session.query(
            ActionQueries.list,
            [
                page.afterKey, arguments.optionalID("topic"), scope?.path, owner?.path, arguments.optionalString("status"), invocation.today,
                overdueOnly,
                page.fetchLimit,
            ]
        )
        return page.reply(
            columns: ActionItem.tableColumns,
            rows: try rows.map { row in
                let action = try ActionItem(row: row)
                return (action.id, action.row(today: invocation.today))
            }
        )
    }
}
