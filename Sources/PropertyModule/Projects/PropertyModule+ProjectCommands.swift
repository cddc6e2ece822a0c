import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension PropertyModule {
    enum ProjectQueries {
        static let insert = PostgresStatement(
            "property.project.insert",
            """
            INSERT INTO property.projects (company_id, community_id, title, description, status, claimed_on, updated_at)
            VALUES ($1, $2, $3, $4, 'claimed', $5, $6) RETURNING id
            """
        )
        static let find = PostgresStatement(
            "property.project.find",
            """
            SELECT p.id, p.title, p.status, p.claimed_on, m.name AS company_name, c.code AS community_code
            FROM property.projects p JOIN property.companies m ON m.id = p.company_id JOIN organizations.units c ON c.id = p.community_id
            WHERE p.id = $1 FOR UPDATE OF p
            """
        )
        /// Moves `$1` to `$3` only from `$2`, so two concurrent updates cannot both win.
        static let update = PostgresStatement(
            "property.project.update",
            """
            UPDATE property.projects SET status = $3, finished_on = $4, outcome = $5, updated_at = $6
            WHERE id = $1 AND status = $2
            """
        )
        /// `$2` company, `$3` scope path, `$4` status.
        static let list = PostgresStatement(
            "property.project.list",
            """
            SELECT p.id, p.title, p.status, p.claimed_on, p.finished_on, p.outcome, m.name AS company_name, c.code AS community_code
            FROM property.projects p JOIN property.companies m ON m.id = p.company_id JOIN organizations.units c ON c.id = p.community_id
            WHERE p.id > $1
              AND ($2::bigint IS NULL OR p.company_id = $2)
              AND ($3::text IS NULL OR c.path OPERATOR(public.<@) $3::public.ltree)
              AND ($4::text IS NULL OR p.status = $4)
            ORDER BY p.id
            LIMIT $5
            """
        )
    }

    var projectCommands: [CommandSpec] {
        [
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
                guard company.partyUnitID != nil else {
                    throw WorkbenchError.ruleRefused(
                        PropertyErrorCode.projectCompanyWithoutPartyOrg,
                        "\(company.label) has no Party organisation; record it first with 'prop company update company=\(company.creditCode) party_org=<code>'"
                    )
                }
                let community = try await OrganizationDirectory.activeUnit(
                    try arguments.string("community"), argument: "community", kind: "community", in: session)
                let id: Int64 = try await session.query(
                    ProjectQueries.insert,
                    [
                        company.id, community.id, try arguments.string("title"), arguments.optionalString("description"),
                        arguments.optionalDate("on") ?? invocation.today, invocation.now,
                    ]
                ).single().decode("id")
                return .created(id: id, "\(company.name) claimed \"\(try arguments.string("title"))\" from \(community.code)")
            },
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
                let session = invocation.database
                let id = try arguments.id("id")
                let row = try await session.row(
                    ProjectQueries.find, [id],
                    orElse: WorkbenchError(
                        status: .notFound, code: PropertyErrorCode.projectNotFound, message: "no project with id \(id); see 'prop project list'",
                        argument: "id"
                    ))
                let current: ProjectStatus = try row.decode("status")
                let target = try arguments.enumeration("status", as: ProjectStatus.self)
                guard current.next.contains(target) else {
                    let allowed = current.next.isEmpty ? "nothing: it is finished" : current.next.map(\.rawValue).joined(separator: ", ")
                    throw WorkbenchError.conflict(
                        PropertyErrorCode.projectTransitionNotAllowed, "project \(id) is \(current.rawValue); it can move to \(allowed)"
                    )
                }
                let outcome = arguments.optionalString("outcome")
                if target.isFinished, outcome == nil {
                    throw WorkbenchError.invalidArgument(
                        "outcome", code: PropertyErrorCode.projectOutcomeMissing,
                        "a \(target.rawValue) project needs outcome=: what came of it or why it stopped"
                    )
                }
                let finished = target.isFinished ? arguments.optionalDate("on") ?? invocation.today : nil
                try await session.execute(ProjectQueries.update, [id, current, target, finished, target.isFinished ? outcome : nil, invocation.now])
                return .record(
                    [
                        ("id", .int(id)), ("title", .string(try row.decode("title", as: String.self))), ("status", .string(target.rawValue)),
                        ("finished_on", .date(finished)), ("outcome", .string(target.isFinished ? outcome : nil)),
                    ],
                    summary: "project \(id) \(target.rawValue)"
                )
            },
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
                let company = try await arguments.optionalString("company").asyncMap { try await CompanyStore.find($0, in: session) }
                let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
                let page = try Page(arguments)
                let rows = try await session.query(
                    ProjectQueries.list, [page.afterKey, company?.id, scope?.path, arguments.optionalString("status"), page.fetchLimit]
                )
                return page.reply(
                    columns: ["id", "company", "community", "title", "status", "claimed_on", "finished_on", "outcome"],
                    rows: try rows.map { row in
                        let id: Int64 = try row.decode("id")
                        return (
                            id,
                            [
                                .int(id), .string(try row.decode("company_name", as: String.self)),
                                .string(try row.decode("community_code", as: String.self)),
                                .string(try row.decode("title", as: String.self)), .string(try row.decode("status", as: String.self)),
                                .date(try row.decode("claimed_on", as: CalendarDate.self)),
                                .date(try row.decode("finished_on", as: CalendarDate?.self)),
                                .string(try row.decode("outcome", as: String?.self)),
                            ]
                        )
                    }
                )
            },
        ]
    }
}
