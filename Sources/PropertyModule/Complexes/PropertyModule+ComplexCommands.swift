import GridsModule
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension PropertyModule {
    /// `complex=`: a complex by id or code.
    static let complexArgument = ArgumentSpec.required("complex", .string(maxLength: 32), help: "The complex (id or code)", label: "小区")

    var complexCommands: [CommandSpec] {
        [addComplexCommand, importComplexesCommand, showComplexCommand, listComplexesCommand, assignComplexCommand]
    }

    private var importComplexesCommand: CommandSpec {
        let (add, assign) = (addComplexCommand, assignComplexCommand)
        // Without the grids module the list prints no grid to read, but a file from a workbench that has one may.
        let ignoring: Set<String> = gridsLoaded ? ["id", "company_name"] : ["id", "company_name", "grid"]
        return RegisterImportCommand.make(
            module: Self.alias, "complex import", noun: "complexes", add: add,
            matching: """
                A complex is matched by its code: left as it is (a re-import changes nothing), or with update=true put in the \
                charge of the file's company from its from= day (a new contract, as 'prop complex assign') where the company \
                differs; the other columns of a complex that exists are not changed by an import.
                """,
            ignoring: ignoring, example: "prop complex import dry_run=true"
        ) { ComplexRegister.register(add: add, assign: assign, invocation: $0) }
    }

    private var addComplexCommand: CommandSpec {
        let gridsLoaded = gridsLoaded
        let gridArgument: [ArgumentSpec] =
            gridsLoaded ? [GridDirectory.gridArgument("grid", required: false, help: "The grid the complex lies in, in the same community")] : []
        return CommandSpec(
            "complex add", synopsis: "Register a residential complex (小区) in a community, optionally with its serving company",
            help: """
                branch= names the complex's own Party branch (a grid_branch or branch under the community). company= with from= \
                (default today) and until= records the service contract; 'prop complex assign' changes it later.\
                \(gridsLoaded ? "" : " (grid= is accepted when the grids module is enabled.)")
                """,
            arguments: [
                .required("code", .string(maxLength: 32), help: "A short code, starting with a letter", label: "编码"),
                .required("name", .string(maxLength: 100), help: "The complex's name", label: "小区名称"),
                .required("address", .string(maxLength: 200), help: "Street address", label: "地址"),
                OrganizationDirectory.unitArgument("community", help: "The community it belongs to", label: "社区"),
            ] + gridArgument + [
                OrganizationDirectory.unitArgument("branch", required: false, help: "The complex's Party branch", label: "小区党支部"),
                .optional("homes", .int(0...100_000), default: "0", help: "Homes in the complex", label: "户数"),
                .optional("owners_committee", .bool, default: "false", help: "Whether the owners have an owners' committee 业委会", label: "业委会"),
                Self.companyArgument(required: false, help: "The serving company (id or credit code)"),
                .optional("from", .date, help: "The contract's first day (default today)"),
                .optional("until", .date, help: "The contract's last day, when known"),
            ],
            mutates: true,
            examples: [
                "prop complex add code=XQ01 name=金桥小区 address=\"桐江路8号\" community=SQ01 homes=640 owners_committee=true "
                    + "company=91350100M000100Y43 from=2026-01-01"
            ]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let community = try await OrganizationDirectory.activeUnit(
                try arguments.string("community"), argument: "community", kind: "community", in: session)
            var grid: GridDirectory.Grid?
            if gridsLoaded, let text = arguments.optionalString("grid") {
                let found = try await GridDirectory.grid(text, argument: "grid", in: session)
                guard found.communityID == community.id else {
                    throw WorkbenchError(
                        status: .unprocessable, code: PropertyErrorCode.complexGridOutsideCommunity,
                        message: "grid \(found.label) belongs to community \(found.communityCode), not \(community.code)", argument: "grid"
                    )
                }
                grid = found
            }
            let branch = try await arguments.optionalString("branch").asyncMap { text in
                let unit = try await OrganizationDirectory.activeUnit(text, argument: "branch", in: session)
                guard ["grid_branch", "branch"].contains(unit.kind), unit.path.hasPrefix(community.path + ".") else {
                    throw WorkbenchError(
                        status: .unprocessable, code: PropertyErrorCode.complexBranchNotInCommunity,
                        message:
                            "branch= must be a grid_branch or branch inside community \(community.code); \(unit.label) is a \(unit.kind) elsewhere",
                        argument: "branch"
                    )
                }
                return unit
            }
            let company = try await Self.optionalCompany(arguments, lock: .share, in: session)
            if company == nil, arguments.wasGiven("from") || arguments.wasGiven("until") {
                throw WorkbenchError.invalidArgument(
                    "company", code: PropertyErrorCode.complexContractWithoutCompany, "from= and until= date a contract; name its company=")
            }
            let id: Int64 = try await session.query(
                ComplexStore.Queries.insert,
                [
                    try arguments.string("code"), try arguments.string("name"), try arguments.string("address"), community.id, grid?.id, grid?.code,
                    branch?.id, try arguments.int("homes"), try arguments.bool("owners_committee"), invocation.now,
                ]
            ).single().decode("id")
            var summary = "complex \(try arguments.string("code")) registered in \(community.code)"
            if let company {
                try await ComplexStore.assign(
                    complex: id, company: company.id, from: arguments.optionalDate("from") ?? invocation.today,
                    until: arguments.optionalDate("until"),
                    by: invocation.caller.userName, in: session
                )
                summary += ", served by \(company.name)"
            }
            return .created(id: id, summary)
        }
    }

    private var showComplexCommand: CommandSpec {
        CommandSpec(
            "complex show", synopsis: "Show a complex with its contracts, cross-appointments and open complaints",
            help: "The complex with its open and overdue complaints, then its contracts and the cross-appointments in force on on= as tables.",
            arguments: [Self.complexArgument, .optional("on", .date, help: "The day whose serving company to show (default today)")]
        ) { invocation in
            let session = invocation.database
            let day = invocation.arguments.optionalDate("on") ?? invocation.today
            let complex = try await ComplexStore.find(try invocation.arguments.string("complex"), on: day, in: session)
            let contracts = try await session.query(ComplexStore.Queries.contracts, [complex.id])
            let appointments = try await session.query(CrossAppointmentStore.Queries.current, [complex.id, day])
            let open = try await session.query(ComplaintQueries.openCount, [complex.id, invocation.now]).single()
            let fields =
                complex.fields + [
                    ("open_complaints", .int(try open.decode("open", as: Int64.self))),
                    ("overdue_complaints", .int(try open.decode("overdue", as: Int64.self))),
                ]
            let contractRows: [[ReplyValue]] = try contracts.map { row in
                [
                    .string(try row.decode("name", as: String.self)), .string(try row.decode("credit_code", as: String.self)),
                    .date(try row.decode("starts_on", as: CalendarDate.self)), .date(try row.decode("ends_on", as: CalendarDate?.self)),
                ]
            }
            return .document(
                fields,
                sections: [
                    ("contracts", ReplyTable(columns: ["company", "credit_code", "from", "until"], rows: contractRows)),
                    (
                        "cross_appointments",
                        ReplyTable(columns: CrossAppointmentStore.replyColumns, rows: try appointments.map(CrossAppointmentStore.replyRow))
                    ),
                ],
                summary: complex.label
            )
        }
    }

    private var listComplexesCommand: CommandSpec {
        let gridArgument: [ArgumentSpec] =
            gridsLoaded ? [GridDirectory.gridArgument("grid", required: false, help: "Only complexes in this grid")] : []
        let gridsLoaded = gridsLoaded
        return CommandSpec(
            "complex list", synopsis: "List complexes with the company serving each today, filtered and paged",
            help: """
                company is the serving company's credit code and company_name its name; from and until bound its contract. The \
                columns are those of 'prop complex add', so a saved list imports again ('prop complex import').
                """,
            arguments: [
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only complexes in communities of this subtree"),
                Self.companyArgument(required: false, help: "Only complexes this company serves"),
            ] + gridArgument + [
                .optional("served", .bool, help: "true: only complexes with a serving company; false: only those without"),
                .optional("owners_committee", .bool, help: "Only complexes with (true) or without (false) an owners' committee"),
                .optional("on", .date, help: "The day whose serving companies to show (default today)"),
            ] + Page.arguments(),
            examples: ["prop complex list scope=SQ01", "prop complex list served=false"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
            let company = try await Self.optionalCompany(arguments, in: session)
            let grid =
                gridsLoaded
                ? try await arguments.optionalString("grid").asyncMap { try await GridDirectory.grid($0, argument: "grid", in: session) } : nil
            let page = try Page(arguments)
            let rows = try await session.query(
                ComplexStore.Queries.list,
                [
                    page.afterKey, scope?.path, company?.id, grid?.id, arguments.optionalBool("served"), arguments.optionalBool("owners_committee"),
                    arguments.optionalDate("on") ?? invocation.today, page.fetchLimit,
                ]
            )
            return page.reply(
                columns: [
                    "id", "code", "name", "address", "community", "grid", "branch", "homes", "owners_committee", "company", "company_name", "from",
                    "until",
                ],
                rows: try rows.map { row in
                    let complex = try Complex(row: row)
                    return (
                        complex.id,
                        [
                            .int(complex.id), .string(complex.code), .string(complex.name), .string(complex.address), .string(complex.communityCode),
                            .string(complex.gridCode), .string(complex.branchCode), .int(complex.homes), .bool(complex.ownersCommittee),
                            .string(complex.companyCode), .string(complex.companyName), .date(complex.contractStartsOn),
                            .date(complex.contractEndsOn),
                        ]
                    )
                }
            )
        }
    }

    private var assignComplexCommand: CommandSpec {
        CommandSpec(
            "complex assign", synopsis: "Put a company in charge of a complex from a date (a new service contract)",
            help: """
                A contract in force on from= that started earlier ends the day before; a contract starting on or after from= \
                is a conflict (contracts of one complex never overlap).
                """,
            arguments: [
                Self.complexArgument, Self.companyArgument(help: "The new serving company (id or credit code)"),
                .required("from", .date, help: "The contract's first day"),
                .optional("until", .date, help: "The contract's last day, when known"),
            ],
            mutates: true,
            examples: ["prop complex assign complex=XQ01 company=91350100M000100Y43 from=2026-07-01 until=2029-06-30"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let from = try arguments.date("from")
            let complex = try await ComplexStore.find(try arguments.string("complex"), on: from, forUpdate: true, in: session)
            let company = try await CompanyStore.find(try arguments.string("company"), lock: .share, in: session)
            let ended = try await ComplexStore.assign(
                complex: complex.id, company: company.id, from: from, until: arguments.optionalDate("until"), by: invocation.caller.userName,
                in: session
            )
            let previous = ended.map { _ in "; the previous contract (\(complex.companyName ?? "?")) ends the day before" } ?? ""
            let updated = try await ComplexStore.find(String(complex.id), on: from, in: session)
            return .record(updated.fields, summary: "\(complex.label) served by \(company.name) from \(from)\(previous)")
        }
    }
}
