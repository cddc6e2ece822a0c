import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension PropertyModule {
    /// `company=`: a company by id or credit code.
    static func companyArgument(_ name: String = "company", required: Bool = true, help: String = "The company (id or credit code)") -> ArgumentSpec {
        required
            ? .required(name, .string(maxLength: 32), help: help, label: "物业企业") : .optional(name, .string(maxLength: 32), help: help, label: "物业企业")
    }

    /// The company an optional `company=` names, or nil when it was left out.
    static func optionalCompany(_ arguments: Arguments, lock: RowLock = .none, in session: PostgresSession) async throws -> Company? {
        try await arguments.optionalString("company").asyncMap { try await CompanyStore.find($0, lock: lock, in: session) }
    }

    var companyCommands: [CommandSpec] {
        [addCompanyCommand, importCompaniesCommand, showCompanyCommand, listCompaniesCommand, updateCompanyCommand]
    }

    private var importCompaniesCommand: CommandSpec {
        let (add, update) = (addCompanyCommand, updateCompanyCommand)
        return RegisterImportCommand.make(
            module: Self.alias, "company import", noun: "companies", add: add,
            matching: """
                A company is matched by its credit code: left as it is (a re-import changes nothing), or with update=true \
                given the file's name, contact, phone, Party organisation and stars where they differ.
                """,
            ignoring: ["id", "complexes"], example: "prop company import dry_run=true"
        ) { CompanyRegister.register(add: add, update: update, invocation: $0) }
    }

    private var addCompanyCommand: CommandSpec {
        CommandSpec(
            "company add", synopsis: "Register a property company (物业企业) by its unified social credit code",
            help: """
                The credit code (统一社会信用代码, 18 characters on the business licence) is checked with its check character. \
                party_org= names the company's own Party organisation (a two_new, joint or branch organisation of the tree); \
                a company without one is listed as a coverage gap.
                """,
            arguments: [
                .required("name", .string(maxLength: 100), help: "The company's registered name", label: "企业名称"),
                .required("credit_code", .string(maxLength: 32), help: "Unified social credit code (18 characters)", label: "统一社会信用代码"),
                .optional("contact", .string(maxLength: 50), help: "Contact person", label: "联系人"),
                .optional("phone", .string(maxLength: 20), help: "Contact phone", label: "联系电话"),
                OrganizationDirectory.unitArgument("party_org", required: false, help: "The company's own Party organisation", label: "企业党组织"),
                .optional("stars", .int(1...5), help: "Star rating 星级 (1-5)", label: "星级"),
            ],
            mutates: true,
            examples: ["prop company add name=红心物业服务有限公司 credit_code=91350100M000100Y43 contact=王经理 phone=13800000001 party_org=FDXM01"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let code = try CompanyStore.creditCode(try arguments.string("credit_code"))
            let phone = try arguments.optionalString("phone").map { try OrganizationDirectory.phone($0, argument: "phone") }
            let party = try await arguments.optionalString("party_org").asyncMap { try await CompanyStore.partyOrganisation($0, in: session) }
            let stars = arguments.optionalInt("stars").map(Int.init)
            let id: Int64 = try await session.query(
                CompanyStore.Queries.insert,
                [code.text, try arguments.string("name"), arguments.optionalString("contact"), phone, party?.id, stars, invocation.now]
            ).single().decode("id")
            if let stars {
                try await session.execute(
                    CompanyStore.Queries.rate, [id, stars, invocation.today, "rated at registration", invocation.caller.userName])
            }
            let coverage = party == nil ? "; no Party organisation yet (coverage gap)" : ""
            return .created(id: id, "company \(try arguments.string("name")) registered\(coverage)", fields: [("credit_code", .string(code.text))])
        }
    }

    private var showCompanyCommand: CommandSpec {
        CommandSpec(
            "company show", synopsis: "Show a company: Party organisation, star history, complexes served, complaints",
            help: "The company with its complaint counts, then the complexes it serves today and its star ratings as tables.",
            arguments: [Self.companyArgument()]
        ) { invocation in
            let session = invocation.database
            let company = try await CompanyStore.find(try invocation.arguments.string("company"), in: session)
            let counts = try await session.query(CompanyStore.Queries.complaintCounts, [company.id, invocation.now]).single()
            let fields =
                company.fields + [
                    ("complaints_filed", .int(try counts.decode("total", as: Int64.self))),
                    ("complaints_open", .int(try counts.decode("open", as: Int64.self))),
                    ("complaints_overdue", .int(try counts.decode("overdue", as: Int64.self))),
                ]
            let served = try await session.query(CompanyStore.Queries.servedComplexes, [company.id, invocation.today])
            let ratings = try await session.query(CompanyStore.Queries.ratings, [company.id])
            let servedRows: [[ReplyValue]] = try served.map { row in
                [
                    .string(try row.decode("code", as: String.self)), .string(try row.decode("name", as: String.self)),
                    .date(try row.decode("starts_on", as: CalendarDate.self)), .date(try row.decode("ends_on", as: CalendarDate?.self)),
                ]
            }
            let ratingRows: [[ReplyValue]] = try ratings.map { row in
                [
                    .date(try row.decode("rated_on", as: CalendarDate.self)), .int(try row.decode("stars", as: Int64.self)),
                    .string(try row.decode("rated_by", as: String.self)), .string(try row.decode("reason", as: String?.self)),
                ]
            }
            return .document(
                fields,
                sections: [
                    ("complexes_served", ReplyTable(columns: ["code", "name", "from", "until"], rows: servedRows)),
                    ("star_ratings", ReplyTable(columns: ["rated_on", "stars", "rated_by", "reason"], rows: ratingRows)),
                ],
                summary: company.label
            )
        }
    }

    private var listCompaniesCommand: CommandSpec {
        CommandSpec(
            "company list", synopsis: "List companies, filtered and paged",
            arguments: [
                .optional("name", .string(maxLength: 100), help: "Only names containing this"),
                .optional("covered", .bool, help: "true: only companies with a Party organisation; false: only the coverage gaps"),
                .optional("stars", .int(1...5), help: "Only this star rating"),
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only companies serving complexes in this subtree today"),
            ] + Page.arguments(),
            examples: ["prop company list covered=false", "prop company list scope=JD01 stars=5"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
            let page = try Page(arguments)
            let rows = try await session.query(
                CompanyStore.Queries.list,
                [
                    page.afterKey, arguments.optionalString("name"), arguments.optionalBool("covered"), arguments.optionalInt("stars"), scope?.path,
                    invocation.today, page.fetchLimit,
                ]
            )
            var reply = page.reply(
                columns: ["id", "credit_code", "name", "party_org", "stars", "complexes"],
                rows: try rows.map { row in
                    let company = try Company(row: row)
                    return (
                        company.id,
                        [
                            .int(company.id), .string(company.creditCode), .string(company.name), .string(company.partyUnitCode),
                            .int(company.stars), .int(try row.decode("complexes", as: Int64.self)),
                        ]
                    )
                }
            )
            let uncovered = try await session.query(CompanyStore.Queries.uncoveredCount).single().decode(at: 0, as: Int.self)
            if uncovered > 0, let summary = reply.summary {
                reply.summary = summary + "; \(uncovered) companies in all have no Party organisation (covered=false lists them)"
            }
            return reply
        }
    }

    private var updateCompanyCommand: CommandSpec {
        CommandSpec(
            "company update", synopsis: "Change a company's name, contact, Party organisation or star rating",
            help: "party_org=none records that the company has no Party organisation. A new star rating needs reason= and is kept in the history.",
            arguments: [
                Self.companyArgument(),
                .optional("name", .string(maxLength: 100), help: "New name"),
                .optional("contact", .string(maxLength: 50), help: "New contact person"),
                .optional("phone", .string(maxLength: 20), help: "New contact phone"),
                .optional("party_org", .string(maxLength: 32), help: "The company's Party organisation (id or code), or none"),
                .optional("stars", .int(1...5), help: "New star rating 星级 (1-5)"),
                .optional("reason", .text(maxLength: 500), help: "Why the rating changed (required with stars=)", label: "评定依据"),
            ],
            mutates: true,
            examples: ["prop company update company=91350100M000100Y43 stars=4 reason=\"2026年度星级物业评定\""]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            var company = try await CompanyStore.find(try arguments.string("company"), lock: .update, in: session)
            let changes = ["name", "contact", "phone", "party_org", "stars"].filter(arguments.wasGiven)
            guard !changes.isEmpty else {
                throw WorkbenchError.invalidArgument(
                    "name", code: PropertyErrorCode.companyNothingToChange, "give at least one of name=, contact=, phone=, party_org=, stars=")
            }
            if let name = arguments.optionalString("name") { company.name = name }
            if let contact = arguments.optionalString("contact") { company.contactName = contact }
            if let phone = arguments.optionalString("phone") { company.contactPhone = try OrganizationDirectory.phone(phone, argument: "phone") }
            if let party = arguments.optionalString("party_org") {
                company.partyUnitID = party == "none" ? nil : try await CompanyStore.partyOrganisation(party, in: session).id
            }
            if let stars = arguments.optionalInt("stars").map(Int.init) {
                guard let reason = arguments.optionalString("reason") else {
                    throw WorkbenchError.invalidArgument(
                        "reason", code: PropertyErrorCode.companyRatingReasonMissing, "a new star rating needs reason=: what it was based on")
                }
                company.stars = stars
                try await session.execute(CompanyStore.Queries.rate, [company.id, stars, invocation.today, reason, invocation.caller.userName])
            }
            try await session.execute(
                CompanyStore.Queries.update,
                [company.id, company.name, company.contactName, company.contactPhone, company.partyUnitID, company.stars, invocation.now]
            )
            let updated = try await CompanyStore.find(String(company.id), in: session)
            return .record(updated.fields, summary: "company \(updated.label) updated: \(changes.joined(separator: ", "))")
        }
    }
}
