import Foundation
import WorkbenchKit
import WorkbenchPostgres

extension GovernanceModule {
    /// The kinds of organisation a list can be for (the organisation tree's kinds).
    static let organisationKinds = [
        "city", "district", "street", "community", "grid_branch", "building_group", "regional", "industry", "resident_unit", "two_new", "joint",
        "network_branch", "branch",
    ]

    var checklistCommands: [CommandSpec] {
        [addChecklistCommand, setIndicatorCommand, removeIndicatorCommand, showChecklistCommand, listChecklistsCommand]
    }

    private var addChecklistCommand: CommandSpec {
        CommandSpec(
            "checklist add", synopsis: "Add the next version of a kind's responsibility list (责任清单), starting from the latest",
            help: """
                Assessments score by the latest version of the list for the assessed organisation's kind. A version an \
                assessment scores by no longer changes: add a new version (it starts with the latest version's indicators) and \
                change that one. The weights of a list must add up to 100 before an assessment can open by it.
                """,
            arguments: [
                .required("kind", .enumeration(Self.organisationKinds), help: "The kind of organisation it assesses", label: "组织类型"),
                .required("title", .string(maxLength: 100), help: "Its title (2026年社区党委书记抓党建工作责任清单)", label: "名称"),
            ],
            mutates: true,
            examples: ["gov checklist add kind=community title=社区党委书记抓党建责任清单"]
        ) { invocation in
            let list = try await ChecklistStore.addVersion(
                kind: try invocation.arguments.string("kind"), title: try invocation.arguments.string("title"), now: invocation.now,
                in: invocation.database)
            return .created(id: list.id, "\(list.label) added with \(list.indicators) indicator(s) from the previous version")
        }
    }

    private var setIndicatorCommand: CommandSpec {
        CommandSpec(
            "checklist indicator", synopsis: "Add an indicator (指标) to a responsibility list, or change the one with its code",
            help: """
                evidence= names what scores it: cases_on_time, complaints_on_time, sessions_five_haves, meetings_held, \
                tasks_on_time, attendance, coverage, points (shares the workbench counts in the assessed organisation's subtree \
                and year), review (the 述职评议 votes 好 or 较好) or manual (a percentage the assessor gives).
                """,
            arguments: [
                .required("checklist", .id, help: "The list (id)", label: "责任清单"),
                .required("code", .string(maxLength: 20), help: "The indicator's code within the list (I1)", label: "编号"),
                .required("title", .string(maxLength: 100), help: "What it measures", label: "指标"),
                .required("weight", .decimal, help: "Its weight (the list's weights add up to 100)", label: "权重"),
                .required("evidence", .enumeration(EvidenceKind.allCases.map(\.rawValue)), help: "What scores it", label: "依据"),
            ],
            mutates: true,
            examples: ["gov checklist indicator checklist=1 code=I1 title=联席会议按季召开 weight=30 evidence=meetings_held"]
        ) { invocation in
            let arguments = invocation.arguments
            let list = try await ChecklistStore.find(try arguments.id("checklist"), in: invocation.database)
            let code = try arguments.string("code")
            try await ChecklistStore.setIndicator(
                list, code: code, title: try arguments.string("title"), weight: try arguments.decimal("weight"),
                evidence: try arguments.enumeration("evidence"), in: invocation.database)
            let updated = try await ChecklistStore.find(list.id, in: invocation.database)
            return .record(updated.fields, summary: "\(code) set on \(updated.label); weights add up to \(updated.weights)")
        }
    }

    private var removeIndicatorCommand: CommandSpec {
        CommandSpec(
            "checklist remove", synopsis: "Remove an indicator from a responsibility list not yet in use",
            arguments: [
                .required("checklist", .id, help: "The list (id)", label: "责任清单"),
                .required("code", .string(maxLength: 20), help: "The indicator's code", label: "编号"),
            ],
            mutates: true,
            examples: ["gov checklist remove checklist=1 code=I5"]
        ) { invocation in
            let list = try await ChecklistStore.find(try invocation.arguments.id("checklist"), in: invocation.database)
            try await ChecklistStore.removeIndicator(list, code: try invocation.arguments.string("code"), in: invocation.database)
            return .message("\(try invocation.arguments.string("code")) removed from \(list.label)")
        }
    }

    private var showChecklistCommand: CommandSpec {
        CommandSpec(
            "checklist show", synopsis: "Show a responsibility list with its indicators (by id, or the latest of a kind)",
            arguments: [
                .optional("checklist", .id, help: "The list (id)", label: "责任清单"),
                .optional("kind", .enumeration(Self.organisationKinds), help: "Or the latest list of this kind"),
            ],
            examples: ["gov checklist show kind=community", "gov checklist show checklist=1"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let list: Checklist
            if let id = arguments.optionalID("checklist") {
                list = try await ChecklistStore.find(id, in: session)
            } else if let kind = arguments.optionalString("kind") {
                guard let latest = try await ChecklistStore.latest(kind: kind, in: session) else {
                    throw ChecklistStore.notFound("for kind \(kind)", argument: "kind")
                }
                list = latest
            } else {
                throw WorkbenchError.invalidArgument("checklist", code: WorkbenchErrorCode.argumentMissing, "give checklist=<id> or kind=<kind>")
            }
            let indicators = try await ChecklistStore.indicators(of: list.id, in: session)
            return .document(
                list.fields, sections: [("indicators", ReplyTable(columns: Indicator.tableColumns, rows: indicators.map(\.tableRow)))],
                summary: list.label)
        }
    }

    private var listChecklistsCommand: CommandSpec {
        CommandSpec(
            "checklist list", synopsis: "List responsibility lists by kind and version",
            arguments: [.optional("kind", .enumeration(Self.organisationKinds), help: "Only this kind")],
            examples: ["gov checklist list", "gov checklist list kind=resident_unit"]
        ) { invocation in
            let lists = try await ChecklistStore.list(kind: invocation.arguments.optionalString("kind"), in: invocation.database)
            return .table(columns: Checklist.tableColumns, rows: lists.map(\.tableRow), summary: "\(lists.count) responsibility list(s)")
        }
    }
}
