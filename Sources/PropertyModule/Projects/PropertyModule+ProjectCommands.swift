import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension PropertyModule {
    var projectCommands: [CommandSpec] {
        [projectClaimCommand, projectUpdateCommand, projectListCommand]
    }

    private var projectClaimCommand: CommandSpec {
        CommandSpec(
            "project claim", synopsis: "Record that a company claims (认领) a Party-building service project from a community",
            help: "The company must have its own Party organisation: projects are claimed under a Party-building agreement 党建联建协议.",
            arguments: [
                Self.companyArgument(),
                OrganizationDirectory.unitArgument("community", help: "The community offering the project", label: "社区"),
                .required("title", .string(maxLength: 100), help: "The project", label: "项目名称"),
                .optional("description", .text(maxLength: 2000), help: "What it involves"),
                .optional("on", .pastDate, help: "The day it was claimed (default today)"),
            ],
            mutates: true,
            examples: ["prop project claim company=91350100M000100Y43 community=SQ01 title=\"楼道微更新\""]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let company = try await CompanyStore.find(try arguments.string("company"), lock: .share, in: session)
            let community = try await OrganizationDirectory.activeUnit(
                try arguments.string("community"), argument: "community", kind: "community", in: session)
            let title = try arguments.string("title")
            let id = try await projectWorkflow.claim(
                company: company, community: community, title: title, description: arguments.optionalString("description"),
                on: arguments.optionalDate("on") ?? invocation.today, at: invocation.now, in: session
            )
            return .created(id: id, "\(company.name) claimed \"\(title)\" from \(community.code)")
        }
    }

    private var projectUpdateCommand: CommandSpec {
        CommandSpec(
            "project update", synopsis: "Move a project on: in_progress, completed (with its outcome) or abandoned (with the reason)",
            arguments: [
                .required("id", .id, help: "The project"),
                .required("status", .enumeration(ProjectStatus.allCases.map(\.rawValue)), help: "The new status"),
                .optional("outcome", .text(maxLength: 2000), help: "What came of it (completed) or why it was given up (abandoned)", label: "成效"),
                .optional("on", .pastDate, help: "The day it finished (default today)"),
            ],
            mutates: true,
            examples: ["prop project update id=4 status=completed outcome=\"完成12个楼道改造\""]
        ) { invocation in
            let arguments = invocation.arguments
            let project = try await ProjectStore.findForUpdate(try arguments.id("id"), in: invocation.database)
            let moved = try await projectWorkflow.move(
                project, to: try arguments.enumeration("status", as: ProjectStatus.self), outcome: arguments.optionalString("outcome"),
                finishedOn: arguments.optionalDate("on") ?? invocation.today, at: invocation.now, in: invocation.database
            )
            return .record(
                [
                    ("id", .int(moved.id)), ("title", .string(moved.title)), ("status", .string(moved.status.rawValue)),
                    ("finished_on", .date(moved.finishedOn)), ("outcome", .string(moved.outcome)),
                ],
                summary: "project \(moved.id) \(moved.status.rawValue)"
            )
        }
    }

    private var projectListCommand: CommandSpec {
        CommandSpec(
            "project list", synopsis: "List claimed projects, filtered and paged",
            arguments: [
                Self.companyArgument(required: false, help: "Only this company's projects"),
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only projects of communities in this subtree"),
                .optional("status", .enumeration(ProjectStatus.allCases.map(\.rawValue)), help: "Only this status"),
            ] + Page.arguments(),
            examples: ["prop project list scope=JD01 status=completed"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let company = try await Self.optionalCompany(arguments, in: session)
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
            let page = try Page(arguments)
            let filter = ProjectStore.Filter(
                companyID: company?.id, scopePath: scope?.path, status: try arguments.optionalEnumeration("status", as: ProjectStatus.self))
            return page.reply(
                columns: Project.listColumns, rows: try await ProjectStore.list(filter, page: page, in: session).map { ($0.id, $0.listValues) })
        }
    }
}
