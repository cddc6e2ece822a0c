import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension ConsultationsModule {
    var teamCommands: [CommandSpec] { [addTeamCommand, listTeamsCommand, addVolunteerCommand, listVolunteersCommand] }

    private var addTeamCommand: CommandSpec {
        CommandSpec(
            "team add", synopsis: "Register a volunteer team (志愿服务队) of an organisation",
            help: """
                A team serves orders of its organisation's communities: a community's team its community, a street's team every \
                community of the street, a grid branch's team the community above it. services= lists what it offers, from \
                modules.consultations.order_categories (\(settings.orderCategories.joined(separator: ", "))).
                """,
            arguments: [
                .required("code", .string(maxLength: 32), help: "A short code, starting with a letter", label: "编码"),
                .required("name", .string(maxLength: 100), help: "The team's name", label: "名称"),
                OrganizationDirectory.unitArgument("unit", help: "The organisation it belongs to", label: "所属组织"),
                .optional("services", .string(maxLength: 200), help: "What it offers (comma-separated categories)", label: "服务项目"),
            ],
            mutates: true,
            examples: ["consult team add code=DY01 name=红心志愿服务队 unit=SQ01 services=生活照料,跑腿代办"]
        ) { [settings] invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let code = try arguments.string("code")
            guard code.range(of: "^[A-Za-z][A-Za-z0-9_-]{0,31}$", options: .regularExpression) != nil else {
                throw WorkbenchError.invalidArgument("code", "'\(code)' is not a team code: a letter, then letters, digits, _ or - (at most 32)")
            }
            let services = arguments.optionalString("services").map(ListText.items) ?? []
            if let unknown = services.first(where: { !settings.orderCategories.contains($0) }) {
                throw WorkbenchError.invalidArgument(
                    "services", code: ConsultationsErrorCode.teamUnknownService,
                    "'\(unknown)' is not an order category; use \(settings.orderCategories.joined(separator: ", "))"
                )
            }
            let unit = try await OrganizationDirectory.activeUnit(try arguments.string("unit"), argument: "unit", in: session)
            let id: Int64 = try await session.query(
                DispatchQueries.insertTeam, [code, try arguments.string("name"), unit.id, services, invocation.now]
            )
            .single().decode("id")
            return .created(id: id, "team \(code) registered under \(unit.label); add its volunteers with 'consult volunteer add team=\(code)'")
        }
    }

    private var listTeamsCommand: CommandSpec {
        CommandSpec(
            "team list", synopsis: "List volunteer teams with their volunteers, orders done and hours; paged",
            arguments: [OrganizationDirectory.unitArgument("scope", required: false, help: "Only teams of organisations in this subtree")]
                + Page.arguments(),
            examples: ["consult team list scope=JD01"]
        ) { invocation in
            let session = invocation.database
            let scope = try await OrganizationDirectory.unit("scope", of: invocation.arguments, in: session)
            let page = try Page(invocation.arguments)
            let rows = try await session.query(DispatchQueries.listTeams, [page.afterKey, scope?.path, page.fetchLimit])
            return page.reply(
                columns: ["id", "code", "name", "unit", "services", "volunteers", "orders_done", "hours"],
                rows: try rows.map { row in
                    let team = try VolunteerTeam(row: row)
                    return (
                        team.id,
                        [
                            .int(team.id), .string(team.code), .string(team.name), .string(team.unitCode), .list(team.services.map { .string($0) }),
                            .int(try row.decode("volunteers", as: Int64.self)), .int(try row.decode("orders_done", as: Int64.self)),
                            .decimal("\(try row.decode("hours", as: Decimal.self))"),
                        ]
                    )
                }
            )
        }
    }

    private var addVolunteerCommand: CommandSpec {
        CommandSpec(
            "volunteer add", synopsis: "Add a volunteer to a team; a Party member's hours earn vanguard points",
            help: """
                member= links the volunteer to a Party member of the organisations module (name= then defaults to the member's \
                name): hours they serve become vanguard points (先锋指数) under '\(settings.volunteerPoints.category)', \
                \(settings.volunteerPoints.perHour.formatted()) an hour, at most \(settings.volunteerPoints.maximumPerOrder) for one order. \
                A member joins a team once.
                """,
            arguments: [
                .required("team", .string(maxLength: 32), help: "The team (id or code)", label: "队伍"),
                .optional("member", .id, help: "The Party member this volunteer is", label: "党员"),
                .optional("name", .string(maxLength: 50), help: "The volunteer's name (required without member=)", label: "姓名"),
                .optional("phone", .string(maxLength: 20), help: "Phone", label: "电话"),
                .optional("joined", .date, help: "The day they joined (default today)"),
            ],
            mutates: true,
            examples: ["consult volunteer add team=DY01 member=1", "consult volunteer add team=DY01 name=赵志愿 phone=13900000021"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let joined = arguments.optionalDate("joined") ?? invocation.today
            guard joined <= invocation.today else {
                throw WorkbenchError.invalidArgument(
                    "joined", code: ConsultationsErrorCode.volunteerJoinedInFuture,
                    "joined=\(joined) lies in the future; record a volunteer once they have joined")
            }
            let team = try await OrderWorkflow.team(try arguments.string("team"), in: session)
            let member = try await arguments.optionalID("member").asyncMap {
                try await OrganizationDirectory.activeMember($0, argument: "member", in: session)
            }
            guard let name = arguments.optionalString("name") ?? member?.name else {
                throw WorkbenchError.invalidArgument(
                    "name", code: ConsultationsErrorCode.volunteerNameMissing, "give name= (or member= for a Party member)")
            }
            let phone = try arguments.optionalString("phone").map { try OrganizationDirectory.phone($0, argument: "phone") } ?? member?.phone
            let id: Int64 = try await session.query(
                DispatchQueries.insertVolunteer, [team.id, name, member?.id, phone, joined, invocation.now]
            ).single().decode("id")
            return .created(
                id: id, "volunteer \(id) \(name) joined team \(team.label)" + (member.map { " as Party member \($0.id)" } ?? ""),
                fields: [("member", member.map { .int($0.id) } ?? .null)]
            )
        }
    }

    private var listVolunteersCommand: CommandSpec {
        CommandSpec(
            "volunteer list", synopsis: "List volunteers with their orders done, hours and points earned; paged",
            help: "Names and phones are masked for roles below admin.",
            arguments: [
                .optional("team", .string(maxLength: 32), help: "Only this team (id or code)"),
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only teams of organisations in this subtree"),
            ] + Page.arguments(),
            examples: ["consult volunteer list team=DY01"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let team = try await arguments.optionalString("team").asyncMap { try await OrderWorkflow.team($0, in: session) }
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
            let page = try Page(arguments)
            let unmasked = invocation.caller.may(.admin)
            let rows = try await session.query(DispatchQueries.listVolunteers, [page.afterKey, team?.id, scope?.path, page.fetchLimit])
            return page.reply(
                columns: ["id", "team", "name", "member", "phone", "joined_on", "orders_done", "hours", "points"],
                rows: try rows.map { row in
                    let volunteer = try Volunteer(row: row)
                    return (
                        volunteer.id,
                        [
                            .int(volunteer.id), .string(volunteer.teamCode),
                            .string(unmasked ? volunteer.name : PersonNameMask.masked(volunteer.name)),
                            volunteer.memberID.map(ReplyValue.int) ?? .null,
                            volunteer.phone.map { .string(unmasked ? $0 : OrganizationDirectory.maskedPhone($0)) } ?? .null,
                            .date(volunteer.joinedOn),
                            .int(try row.decode("orders_done", as: Int64.self)), .decimal("\(try row.decode("hours", as: Decimal.self))"),
                            .int(try row.decode("points", as: Int64.self)),
                        ]
                    )
                }
            )
        }
    }
}
