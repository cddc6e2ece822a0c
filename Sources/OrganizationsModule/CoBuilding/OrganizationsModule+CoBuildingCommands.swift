import WorkbenchKit
import WorkbenchPostgres

extension OrganizationsModule {
    var coBuildingCommands: [CommandSpec] {
        [pairAddCommand, pairEndCommand, pairListCommand, projectAddCommand, projectUpdateCommand, projectListCommand]
    }

    private var pairAddCommand: CommandSpec {
        CommandSpec(
            "pair add", synopsis: "Pair a resident unit's organisation with a community (结对共建)",
            arguments: [
                Self.unitArgument("unit", help: "The resident unit's (or two-new, joint, regional, industry) organisation"),
                Self.unitArgument("community", help: "The community"),
                .optional("since", .pastDate, default: "today", help: "Date the pairing began"),
                .optional("commitment", .string(maxLength: 500), help: "The two-way commitments (双向承诺)"),
            ],
            mutates: true,
            examples: ["org pair add unit=ZQ01 community=SQ01 commitment=\"共建党员活动室\""]
        ) { invocation in
            let arguments = invocation.arguments
            let (id, unit, community) = try await CoBuildingStore.addPair(
                unit: UnitReference(try arguments.string("unit")), community: UnitReference(try arguments.string("community")),
                since: try arguments.date("since"), commitment: arguments.optionalString("commitment"), in: invocation.database
            )
            return .created(
                id: id, "\(unit.code) paired with \(community.code)",
                fields: [("unit", .string(unit.code)), ("community", .string(community.code))])
        }
    }

    private var pairEndCommand: CommandSpec {
        CommandSpec(
            "pair end", synopsis: "End a pairing (refused while projects are still open)",
            arguments: [.required("id", .id, help: "The pair's id"), .optional("on", .date, default: "today", help: "Date it ends")],
            mutates: true
        ) { invocation in
            let id = try invocation.arguments.id("id")
            let pair = try await CoBuildingStore.endPair(id, on: try invocation.arguments.date("on"), in: invocation.database)
            return .message(
                "pair \(id) (\(try pair.decode("unit_code", as: String.self)) – \(try pair.decode("community_code", as: String.self))) ended")
        }
    }

    private var pairListCommand: CommandSpec {
        CommandSpec(
            "pair list", synopsis: "List co-building pairs with their project counts",
            arguments: [
                Self.unitArgument("community", required: false, help: "A community, or a street/district for all its communities"),
                Self.unitArgument("unit", required: false, help: "Only this unit's pairs"),
                .optional("state", .enumeration(["open", "ended", "all"]), default: "open", help: "Which pairs"),
            ] + Page.arguments()
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let scope = try await Self.optionalUnit(arguments, "community", in: session)?.path
            let unitID = try await Self.optionalUnit(arguments, "unit", in: session)?.id
            let page = try Page(arguments)
            let rows = try await session.query(
                CoBuildingStore.Queries.listPairs, [page.afterKey, scope, unitID, try arguments.string("state"), page.fetchLimit]
            )
            return page.reply(
                columns: [
                    "id", "unit", "unit_name", "community", "community_name", "since", "ended_on", "projects", "projects_done", "commitment",
                ],
                rows: try rows.map { row in
                    let id: Int64 = try row.decode("id")
                    return (
                        id,
                        [
                            .int(id), .string(try row.decode("unit_code", as: String.self)),
                            .string(try row.decode("unit_name", as: String.self)),
                            .string(try row.decode("community_code", as: String.self)),
                            .string(try row.decode("community_name", as: String.self)),
                            .date(try row.decode("since", as: CalendarDate.self)), .date(try row.decode("ended_on", as: CalendarDate?.self)),
                            .int(try row.decode("projects", as: Int64.self)), .int(try row.decode("projects_done", as: Int64.self)),
                            .string(try row.decode("commitment", as: String?.self)),
                        ]
                    )
                }
            )
        }
    }

    private var projectAddCommand: CommandSpec {
        CommandSpec(
            "project add", synopsis: "Add a co-building project to a pair",
            help:
                "Categories come from configuration (modules.organizations.project_categories): "
                + "\(settings.projectCategories.joined(separator: ", ")).",
            arguments: [
                .required("pair", .id, help: "The pair's id"),
                .required("title", .string(maxLength: 100), help: "What the project is", label: "项目名称"),
                .required("category", .enumeration(settings.projectCategories), help: "Its category", label: "类别"),
                .optional("due", .date, help: "Due date"),
            ],
            mutates: true,
            examples: ["org project add pair=1 title=\"老旧小区加装电梯\" category=生活服务 due=2026-12-31"]
        ) { invocation in
            let arguments = invocation.arguments
            let id = try await CoBuildingStore.addProject(
                pair: try arguments.id("pair"), title: try arguments.string("title"), category: try arguments.string("category"),
                due: arguments.optionalDate("due"), in: invocation.database
            )
            return .created(id: id, "project \(id) planned", fields: [("pair", .int(try arguments.id("pair"))), ("status", .string("planned"))])
        }
    }

    private var projectUpdateCommand: CommandSpec {
        CommandSpec(
            "project update", synopsis: "Move a project along (planned → in_progress → done) or change it",
            help: """
                status= follows planned → in_progress → done, and a project not yet done may be cancelled; any
                other step is a 409. A project becomes done only with outcome= (or an outcome given before).
                clear_due=true removes the due date.
                """,
            arguments: [
                .required("id", .id, help: "The project's id"),
                .optional("status", .enumeration(ProjectStatus.allCases.map(\.rawValue)), help: "The new status"),
                .optional("outcome", .text(maxLength: 2000), help: "What came of it", label: "成效"),
                .optional("due", .date, help: "A new due date"),
                .optional("clear_due", .bool, default: "false", help: "Remove the due date"),
                .optional("title", .string(maxLength: 100), help: "A new title"),
            ],
            mutates: true,
            examples: ["org project update id=4 status=done outcome=\"加装电梯2部，惠及120户\""]
        ) { invocation in
            let arguments = invocation.arguments
            let clearDue = try arguments.bool("clear_due")
            guard ["status", "outcome", "due", "title"].contains(where: arguments.wasGiven) || clearDue else {
                throw WorkbenchError.invalidArgument("status", "nothing to change: give status=, outcome=, due=, clear_due=true or title=")
            }
            if arguments.wasGiven("due"), clearDue {
                throw WorkbenchError.invalidArgument("clear_due", "due= and clear_due=true contradict each other")
            }
            let due: CalendarDate?? = clearDue ? .some(nil) : arguments.optionalDate("due").map { .some($0) }
            let id = try arguments.id("id")
            let (from, to) = try await CoBuildingStore.updateProject(
                id,
                CoBuildingStore.ProjectChange(
                    status: try arguments.optionalEnumeration("status", as: ProjectStatus.self),
                    outcome: arguments.optionalString("outcome"),
                    due: due, title: arguments.optionalString("title")
                ),
                machine: projectMachine, in: invocation.database
            )
            return .record(
                [("id", .int(id)), ("from", .string(from.rawValue)), ("status", .string(to.rawValue))],
                summary: from == to ? "updated" : "\(from.rawValue) → \(to.rawValue)")
        }
    }

    private var projectListCommand: CommandSpec {
        CommandSpec(
            "project list", synopsis: "List co-building projects",
            arguments: [
                .optional("pair", .id, help: "Only this pair's projects"),
                Self.unitArgument("community", required: false, help: "A community, or a street/district for all its communities"),
                .optional("status", .enumeration(ProjectStatus.allCases.map(\.rawValue)), help: "Only this status"),
                .optional("category", .enumeration(settings.projectCategories), help: "Only this category"),
                .optional("overdue", .bool, default: "false", help: "Only open projects past their due date"),
            ] + Page.arguments()
        ) { invocation in
            let arguments = invocation.arguments
            let scope = try await Self.optionalUnit(arguments, "community", in: invocation.database)?.path
            let page = try Page(arguments)
            let today = invocation.today
            let rows = try await invocation.database.query(
                CoBuildingStore.Queries.listProjects,
                [
                    page.afterKey, arguments.optionalID("pair"), scope, arguments.optionalString("status"), arguments.optionalString("category"),
                    try arguments.bool("overdue"), today, page.fetchLimit,
                ]
            )
            return page.reply(
                columns: ["id", "pair", "unit", "community", "title", "category", "status", "due", "overdue", "outcome"],
                rows: try rows.map { row in
                    let id: Int64 = try row.decode("id")
                    return (
                        id,
                        [
                            .int(id), .int(try row.decode("pair_id", as: Int64.self)), .string(try row.decode("unit_code", as: String.self)),
                            .string(try row.decode("community_code", as: String.self)), .string(try row.decode("title", as: String.self)),
                            .string(try row.decode("category", as: String.self)), .string(try row.decode("status", as: String.self)),
                            .date(try row.decode("due_on", as: CalendarDate?.self)), .bool(try row.decode("overdue", as: Bool?.self) ?? false),
                            .string(try row.decode("outcome", as: String?.self)),
                        ]
                    )
                }
            )
        }
    }
}
