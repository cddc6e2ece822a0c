import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension GridsModule {
    /// `case=`: a case by id or code.
    static let caseArgument = ArgumentSpec.required("case", .string(maxLength: 32), help: "The case (id or code GC-2026-000123)", label: "事件")

    var caseCommands: [CommandSpec] {
        [reportCommand, showCaseCommand, listCasesCommand, overdueCommand, noteCommand] + actionCommands
    }

    private var reportCommand: CommandSpec {
        let workflow = workflow
        return CommandSpec(
            "case report", synopsis: "Report a case (事件上报) in a grid",
            help: """
                The case starts at the level the skip-level rules choose (by default the complex 小区; an urgent \
                安全隐患 at the street) with that level's deadline running. at= enters a case first taken on paper with the time \
                it was reported: its deadline runs from then, and the daemon's sweep escalates it when that deadline has passed. \
                Categories: \(settings.caseCategories.joined(separator: ", ")).
                """,
            arguments: [
                Self.gridArgument(help: "The grid where it happened"),
                .required("category", .string(maxLength: 20), help: "Category (事件类别)", label: "类别"),
                .required("description", .text(maxLength: 2000), help: "What is wrong", label: "描述"),
                .optional("source", .enumeration(CaseSource.allCases.map(\.rawValue)), default: "patrol", help: "patrol, resident, hotline or other"),
                .optional("reporter", .string(maxLength: 50), help: "Who reported it (default: you)", label: "上报人"),
                .optional("urgency", .enumeration(CaseUrgency.allCases.map(\.rawValue)), default: "normal", help: "normal or urgent"),
                .optional("lat", .latitude, help: "Latitude (WGS-84)"),
                .optional("lon", .longitude, help: "Longitude (WGS-84)"),
                .optional("at", .datetime, help: "When it was reported, for a case first taken on paper (default now; not in the future)"),
            ],
            mutates: true,
            examples: ["grid case report grid=WG0101 category=乱停车 description=\"消防通道被占\" source=patrol reporter=李娜"]
        ) { invocation in
            let arguments = invocation.arguments
            let grid = try await GridStore.find(GridReference(try arguments.string("grid")), argument: "grid", lock: .share, in: invocation.database)
            let point = try Self.coordinates(arguments)
            let at = arguments.optionalDatetime("at") ?? invocation.now
            guard at <= invocation.now else {
                throw WorkbenchError.invalidArgument(
                    "at", code: GridsErrorCode.caseReportedInFuture, "a case cannot be reported in the future; at= is when it was reported")
            }
            let reported = try await workflow.report(
                CaseWorkflow.Report(
                    grid: grid, category: try arguments.string("category"), source: try arguments.enumeration("source", as: CaseSource.self),
                    reporter: arguments.optionalString("reporter") ?? invocation.caller.userName,
                    description: try arguments.string("description"), latitude: point?.latitude, longitude: point?.longitude,
                    urgency: try arguments.enumeration("urgency", as: CaseUrgency.self)
                ),
                at: at, by: invocation.caller.userName, in: invocation.database
            )
            return .created(
                id: reported.id,
                "case \(reported.code) reported at \(reported.level.rawValue) level, due "
                    + "\(DeadlineText.describe(due: reported.dueAt, now: invocation.now))",
                fields: [("code", .string(reported.code)), ("level", .string(reported.level.rawValue)), ("due_at", .timestamp(reported.dueAt))]
            )
        }
    }

    private var showCaseCommand: CommandSpec {
        CommandSpec(
            "case show", synopsis: "Show a case with its timeline and the time left or overdue",
            help: """
                The case's fields, then its timeline as a table (at, kind, actor, the status and level it moved \
                between, note, and recorded_at for an event the daemon recorded late). With --json: \
                .record and .tables.timeline.rows.
                """,
            arguments: [Self.caseArgument]
        ) { invocation in
            let (shown, events) = try await CaseWorkflow.findWithTimeline(
                RecordReference(try invocation.arguments.string("case")), in: invocation.database
            )
            return .document(
                shown.fields(now: invocation.now), sections: [("timeline", try CaseTimeline.table(events))],
                summary: "\(shown.code) \(shown.status.rawValue) at \(shown.levelText), \(events.count) events"
            )
        }
    }

    private var listCasesCommand: CommandSpec {
        CommandSpec(
            "case list", synopsis: "List cases, filtered and paged",
            arguments: [
                .optional("status", .enumeration(CaseStatus.allCases.map(\.rawValue)), help: "Only this status"),
                .optional("level", .enumeration(CaseLevel.allCases.map(\.rawValue)), help: "Only cases now at this level"),
                .optional("category", .string(maxLength: 20), help: "Only this category"),
                .optional("urgency", .enumeration(CaseUrgency.allCases.map(\.rawValue)), help: "Only this urgency"),
                Self.gridArgument("grid", required: false, help: "Only cases in this grid and the grids under it"),
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only cases in communities of this subtree"),
                .optional("overdue", .bool, default: "false", help: "Only open cases past their deadline"),
            ] + Page.arguments(),
            examples: ["grid case list grid=WG0101 status=in_progress", "grid case list scope=JD01 overdue=true"]
        ) { invocation in
            try await Self.caseTable(invocation, overdueOnly: try invocation.arguments.bool("overdue"))
        }
    }

    private var overdueCommand: CommandSpec {
        CommandSpec(
            "case overdue", synopsis: "List open cases past their deadline at their current level",
            arguments: [
                .optional("level", .enumeration(CaseLevel.allCases.map(\.rawValue)), help: "Only cases now at this level"),
                .optional("category", .string(maxLength: 20), help: "Only this category"),
                Self.gridArgument("grid", required: false, help: "Only cases in this grid and the grids under it"),
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only cases in communities of this subtree"),
            ] + Page.arguments(),
            examples: ["grid case overdue scope=JD01"]
        ) { invocation in
            try await Self.caseTable(invocation, overdueOnly: true)
        }
    }

    private static func caseTable(_ invocation: Invocation, overdueOnly: Bool) async throws -> Reply {
        let arguments = invocation.arguments
        let session = invocation.database
        let grid = try await optionalGrid(arguments, "grid", in: session)
        let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
        let page = try Page(arguments)
        let status = arguments.wasGiven("status") ? arguments.optionalString("status") : nil
        let urgency = arguments.wasGiven("urgency") ? arguments.optionalString("urgency") : nil
        // The same filters through three plans: see CaseQueries.listInGrid and listOverdue.
        let statement = overdueOnly ? CaseQueries.listOverdue : grid != nil ? CaseQueries.listInGrid : CaseQueries.list
        let rows = try await session.query(
            statement,
            [
                page.afterKey, status, arguments.optionalString("level"), arguments.optionalString("category"), urgency, grid?.path, scope?.path,
                overdueOnly, invocation.now, page.fetchLimit,
            ]
        )
        return page.reply(
            columns: ["id", "code", "grid", "category", "urgency", "level", "status", "reported_at", "due_at", "time_left"],
            rows: try rows.map { row in
                let item = try GridCase(row: row)
                return (
                    item.id,
                    [
                        .int(item.id), .string(item.code), .string(item.gridCode), .string(item.category), .string(item.urgency.rawValue),
                        .string(item.levelText), .string(item.status.rawValue), .timestamp(item.reportedAt), .timestamp(item.dueAt),
                        .string(item.dueAt.map { DeadlineText.describe(due: $0, now: invocation.now) }),
                    ]
                )
            }
        )
    }

    private var noteCommand: CommandSpec {
        CommandSpec(
            "case note", synopsis: "Add a note to a case's history (any status)",
            arguments: [Self.caseArgument, .required("note", .text(maxLength: 2000), help: "The note", label: "备注")],
            mutates: true,
            examples: ["grid case note case=GC-2026-000001 note=\"已电话联系车主\""]
        ) { invocation in
            let found = try await CaseWorkflow.find(
                RecordReference(try invocation.arguments.string("case")), forUpdate: true, in: invocation.database)
            try CaseWorkflow.record(
                found.id, at: invocation.now, kind: "note", actor: invocation.caller.userName, note: try invocation.arguments.string("note"),
                in: invocation.database
            )
            return .record(
                [("id", .int(found.id)), ("code", .string(found.code)), ("status", .string(found.status.rawValue))], summary: "note added")
        }
    }

    /// One command per ``CaseAction``.
    private var actionCommands: [CommandSpec] {
        let workflow = workflow
        let levels = CaseLevel.allCases.map(\.rawValue)
        func command(
            _ action: CaseAction, _ synopsis: String, help: String = "", note: ArgumentSpec? = nil, extra: [ArgumentSpec] = [],
            example: String
        ) -> CommandSpec {
            CommandSpec(
                "case \(action.rawValue)", synopsis: synopsis, help: help,
                arguments: [Self.caseArgument] + extra + [
                    note ?? .optional("note", .text(maxLength: 2000), help: "A note for the history", label: "备注")
                ],
                mutates: true, examples: [example]
            ) { invocation in
                let arguments = invocation.arguments
                let updated = try await workflow.perform(
                    action, on: RecordReference(try arguments.string("case")),
                    CaseWorkflow.Details(
                        note: arguments.optionalString("note") ?? arguments.optionalString("reason"),
                        assignee: arguments.optionalString("to").flatMap { action == .assign ? $0 : nil },
                        targetLevel: action == .escalate ? try arguments.optionalEnumeration("to", as: CaseLevel.self) : nil,
                        department: arguments.optionalString("department")
                    ),
                    at: invocation.now, by: invocation.caller.userName, in: invocation.database
                )
                let clock = updated.dueAt.map { ", due \(DeadlineText.describe(due: $0, now: invocation.now))" } ?? ""
                return .record(
                    updated.fields(now: invocation.now), summary: "\(updated.code) \(updated.status.rawValue) at \(updated.levelText)\(clock)")
            }
        }
        return [
            command(.accept, "Take a reported case (受理)", example: "grid case accept case=GC-2026-000001"),
            command(.start, "Start handling an accepted case (开始处置)", example: "grid case start case=GC-2026-000001"),
            command(
                .assign, "Name the case's handler (指派)",
                extra: [.required("to", .string(maxLength: 50), help: "The handler: a person or team", label: "处置人")],
                example: "grid case assign case=GC-2026-000001 to=物业王经理"
            ),
            command(
                .escalate, "Escalate a case one level up, or to a named department (吹哨)",
                help: "The new level's clock starts now. Levels: complex 小区 → community 社区 → street 街道 → department 职能部门.",
                note: .required("reason", .text(maxLength: 2000), help: "Why the current level cannot close it", label: "理由"),
                extra: [
                    .optional("to", .enumeration(levels), help: "The level to go to (default: one up)"),
                    .optional("department", .string(maxLength: 50), help: "The department's name, with to=department", label: "职能部门"),
                ],
                example: "grid case escalate case=GC-2026-000001 reason=\"涉及违建，需街道协调\""
            ),
            command(
                .resolve, "Record that a case was handled (办结); its clock stops",
                note: .required("note", .text(maxLength: 2000), help: "What was done", label: "处置结果"),
                example: "grid case resolve case=GC-2026-000001 note=\"车辆已移走\""
            ),
            command(
                .confirm, "Close a resolved case after a satisfied follow-up (回访满意)", example: "grid case confirm case=GC-2026-000001 note=\"居民满意\""),
            command(
                .reopen, "Reopen a resolved case after an unsatisfied follow-up (回访不满意)",
                help: "The case goes back to in_progress at its level with a new clock.",
                note: .required("reason", .text(maxLength: 2000), help: "What the resident is unsatisfied with", label: "不满意原因"),
                example: "grid case reopen case=GC-2026-000001 reason=\"车辆又停回原处\""
            ),
            command(
                .cancel, "Cancel a case with a reason (撤销)",
                note: .required("reason", .text(maxLength: 2000), help: "Why", label: "撤销理由"),
                example: "grid case cancel case=GC-2026-000001 reason=\"重复上报\""
            ),
        ]
    }
}
