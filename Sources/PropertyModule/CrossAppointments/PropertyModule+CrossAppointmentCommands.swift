import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension PropertyModule {
    var crossAppointmentCommands: [CommandSpec] {
        [addCrossAppointmentCommand, endCrossAppointmentCommand, listCrossAppointmentsCommand, crossAppointmentGapsCommand]
    }

    private var addCrossAppointmentCommand: CommandSpec {
        CommandSpec(
            "crossapp add", synopsis: "Record a cross-appointment (交叉任职) at a complex",
            help: """
                A person on the community committee (side=community) or on the complex's Party branch (side=complex_branch) who \
                also serves in the management of the company serving the complex on from=. Name the person as a Party member \
                (member=<id>) or by name (name=).
                """,
            arguments: [
                Self.complexArgument,
                .optional("member", .id, help: "The person as a Party member (id)", label: "党员"),
                .optional("name", .string(maxLength: 50), help: "The person's name, when not given as member=", label: "姓名"),
                .required("side", .enumeration(PartySide.allCases.map(\.rawValue)), help: "community or complex_branch"),
                .required("party_post", .string(maxLength: 50), help: "The post on the Party side (社区党委委员, 小区党支部书记)", label: "党组织职务"),
                .required("company_post", .string(maxLength: 50), help: "The post in the company (项目经理)", label: "企业职务"),
                .optional("from", .date, help: "First day of the term (default today)"),
                .optional("until", .date, help: "Last day of the term, when known"),
            ],
            mutates: true,
            examples: ["prop crossapp add complex=XQ01 name=王芳 side=community party_post=社区党委委员 company_post=项目副经理 from=2026-03-01"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let from = arguments.optionalDate("from") ?? invocation.today
            let complex = try await ComplexStore.find(try arguments.string("complex"), on: from, forUpdate: true, in: session)
            guard let companyID = complex.companyID else {
                throw WorkbenchError.ruleRefused(
                    PropertyErrorCode.crossappNoCompany,
                    "\(complex.label) has no serving company on \(from); record its contract first with 'prop complex assign'"
                )
            }
            let side = try arguments.enumeration("side", as: PartySide.self)
            if side == .complexBranch, complex.branchCode == nil {
                throw WorkbenchError.ruleRefused(
                    PropertyErrorCode.crossappNoBranch, "\(complex.label) has no Party branch on record; use side=community or register the branch"
                )
            }
            if arguments.wasGiven("member"), arguments.wasGiven("name") {
                throw WorkbenchError.invalidArgument(
                    "name", code: PropertyErrorCode.crossappPersonTwice,
                    "name the person once: member=<id> for a Party member, or name= for anyone else"
                )
            }
            let member = try await arguments.optionalID("member").asyncMap {
                try await OrganizationDirectory.activeMember($0, argument: "member", in: session)
            }
            // On the complex's branch side, a Party member is one of that branch's members.
            if side == .complexBranch, let member, let branch = complex.branchCode, member.unitCode != branch {
                throw WorkbenchError(
                    status: .unprocessable, code: PropertyErrorCode.crossappMemberNotInBranch,
                    message: "member \(member.id) belongs to \(member.unitCode), not to \(complex.label)'s branch \(branch); "
                        + "use side=community, or transfer the member first",
                    argument: "member"
                )
            }
            guard let person = member?.name ?? arguments.optionalString("name") else {
                throw WorkbenchError.invalidArgument(
                    "name", code: PropertyErrorCode.crossappPersonMissing, "name the person with member=<id> or name=")
            }
            let id: Int64 = try await session.query(
                CrossAppointmentStore.Queries.insert,
                [
                    complex.id, companyID, person, member?.id, side, try arguments.string("party_post"), try arguments.string("company_post"), from,
                    arguments.optionalDate("until"),
                ]
            ).single().decode("id")
            return .created(id: id, "\(person) cross-appointed at \(complex.label) (\(complex.companyName ?? "")) from \(from)")
        }
    }

    private var endCrossAppointmentCommand: CommandSpec {
        CommandSpec(
            "crossapp end", synopsis: "End a cross-appointment's term",
            arguments: [
                .required("id", .id, help: "The cross-appointment"),
                .optional("on", .date, help: "Last day of the term (default today)"),
                .required("reason", .string(maxLength: 200), help: "Why it ends (换届, 离职…), or why its last day is corrected", label: "原因"),
                .optional(
                    "revise", .bool, default: "false",
                    help: "Correct the last day of a term that has already ended (the old and new days and the reason are audited)"
                ),
            ],
            mutates: true,
            examples: ["prop crossapp end id=3 on=2026-12-31 reason=换届", "prop crossapp end id=3 on=2026-11-30 reason=录入有误 revise=true"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let id = try arguments.id("id")
            let row = try await session.row(
                CrossAppointmentStore.Queries.find, [id],
                orElse: WorkbenchError(
                    status: .notFound, code: PropertyErrorCode.crossappNotFound,
                    message: "no cross-appointment with id \(id); see 'prop crossapp list'",
                    argument: "id"
                )
            )
            // Nothing is silently re-dated: a term that has its last day keeps it unless the
            // operator says this is a correction.
            let ended: CalendarDate? = try row.decode("ends_on")
            if let ended, try !arguments.bool("revise") {
                throw WorkbenchError.conflict(
                    PropertyErrorCode.crossappAlreadyEnded,
                    "this term already ended on \(ended); to correct its last day give on= with revise=true and the reason"
                )
            }
            let on = arguments.optionalDate("on") ?? invocation.today
            try await session.execute(CrossAppointmentStore.Queries.end, [try arguments.id("id"), on, try arguments.string("reason")])
            let summary = ended.map { "term's last day revised from \($0) to \(on)" } ?? "term ends on \(on)"
            return .record([("id", .int(try row.decode("id", as: Int64.self))), ("ends_on", .date(on))], summary: summary)
        }
    }

    private var listCrossAppointmentsCommand: CommandSpec {
        CommandSpec(
            "crossapp list", synopsis: "List cross-appointments, filtered and paged",
            arguments: [
                .optional("complex", .string(maxLength: 32), help: "Only at this complex (id or code)"),
                Self.companyArgument(required: false, help: "Only with this company"),
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only at complexes in this subtree"),
                .optional("current", .bool, default: "false", help: "Only terms in force today"),
            ] + Page.arguments(),
            examples: ["prop crossapp list scope=SQ01 current=true"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let complex = try await arguments.optionalString("complex").asyncMap {
                try await ComplexStore.find($0, on: invocation.today, in: session)
            }
            let company = try await Self.optionalCompany(arguments, in: session)
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
            let page = try Page(arguments)
            let rows = try await session.query(
                CrossAppointmentStore.Queries.list,
                [page.afterKey, complex?.id, company?.id, scope?.path, try arguments.bool("current"), invocation.today, page.fetchLimit]
            )
            return page.reply(
                columns: CrossAppointmentStore.replyColumns,
                rows: try rows.map { row in (try row.decode("id", as: Int64.self), try CrossAppointmentStore.replyRow(row)) }
            )
        }
    }

    private var crossAppointmentGapsCommand: CommandSpec {
        CommandSpec(
            "crossapp gaps", synopsis: "List served complexes without a cross-appointment in force",
            arguments: [
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only complexes in this subtree"),
                .optional("on", .date, help: "The day to check (default today)"),
            ] + Page.arguments(),
            examples: ["prop crossapp gaps scope=JD01"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
            let page = try Page(arguments)
            let rows = try await session.query(
                CrossAppointmentStore.Queries.gaps, [page.afterKey, scope?.path, arguments.optionalDate("on") ?? invocation.today, page.fetchLimit]
            )
            return page.reply(
                columns: ["id", "code", "name", "community", "company", "homes"],
                rows: try rows.map { row in
                    let id: Int64 = try row.decode("id")
                    return (
                        id,
                        [
                            .int(id), .string(try row.decode("code", as: String.self)), .string(try row.decode("name", as: String.self)),
                            .string(try row.decode("community_code", as: String.self)), .string(try row.decode("company_name", as: String.self)),
                            .int(try row.decode("homes", as: Int64.self)),
                        ]
                    )
                }
            )
        }
    }
}
