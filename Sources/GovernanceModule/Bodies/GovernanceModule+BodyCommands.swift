import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension GovernanceModule {
    /// `body=`: a meeting body by id or by its organisation's code.
    static let bodyArgument = ArgumentSpec.required(
        "body", .string(maxLength: 32), help: "The meeting body: its id or its organisation's code", label: "联席会议")

    var bodyCommands: [CommandSpec] { [addBodyCommand, showBodyCommand, listBodiesCommand, bodyMembersCommand, updateBodyCommand] }

    private var addBodyCommand: CommandSpec {
        CommandSpec(
            "body add", synopsis: "Set up the joint meeting body (联席会议) of a district, street or community",
            help: """
                One body per organisation: the street's 大工委 or the community's 大党委 with its part-time members 兼职委员. Its \
                members are not entered here: they are the organisations with an open part-time seat on the committee \
                ('org seat add'), an open report to it ('org report add') or an open pairing with it ('org pair add'), as they \
                stand ('gov body members'). The cadence (quarterly unless the configuration says otherwise, or monthly) sets the \
                periods 'gov compliance' checks from since= (default today) on.
                """,
            arguments: [
                OrganizationDirectory.unitArgument("unit", help: "The organisation (city, district, street or community)", label: "党组织"),
                .required("name", .string(maxLength: 100), help: "The body's name (新华路街道大工委联席会议)", label: "名称"),
                .optional("cadence", .enumeration(Cadence.allCases.map(\.rawValue)), help: "quarterly or monthly", label: "频次"),
                .optional("since", .date, help: "The first day its periods count from (default today)", label: "起始日"),
            ],
            mutates: true,
            examples: ["gov body add unit=JD01 name=新华路街道大工委联席会议", "gov body add unit=SQ01 name=幸福社区大党委联席会议 cadence=monthly"]
        ) { invocation in
            let arguments = invocation.arguments
            let organisation = try await OrganizationDirectory.activeUnit(try arguments.string("unit"), argument: "unit", in: invocation.database)
            let cadence = try arguments.optionalEnumeration("cadence", as: Cadence.self) ?? settings.defaultCadence
            let since = arguments.optionalDate("since") ?? invocation.today
            let id = try await BodyStore.add(
                organisation: organisation, name: try arguments.string("name"), cadence: cadence, since: since, in: invocation.database)
            return .created(id: id, "body \(id) set up for \(organisation.label), meeting \(cadence.rawValue) from \(since)")
        }
    }

    private var showBodyCommand: CommandSpec {
        CommandSpec(
            "body show", synopsis: "Show a meeting body with its members and its latest meetings",
            arguments: [Self.bodyArgument],
            examples: ["gov body show body=JD01"]
        ) { invocation in
            let session = invocation.database
            let body = try await BodyStore.find(try invocation.arguments.string("body"), in: session)
            let members = try await BodyStore.members(of: body.id, in: session)
            let meetings = try await MeetingStore.list(
                filter: MeetingStore.Filter(bodyID: body.id), page: Page(limit: 10, after: nil), newestFirst: true, in: session)
            return .document(
                body.fields,
                sections: [
                    ("members", ReplyTable(columns: ["code", "name", "kind", "via"], rows: members.map(\.row))),
                    ("meetings", ReplyTable(columns: Meeting.tableColumns, rows: meetings.prefix(10).map(\.tableRow))),
                ],
                summary: body.label
            )
        }
    }

    private var listBodiesCommand: CommandSpec {
        CommandSpec(
            "body list", synopsis: "List meeting bodies in a subtree; paged",
            arguments: [
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only bodies of organisations in this subtree"),
                .optional("cadence", .enumeration(Cadence.allCases.map(\.rawValue)), help: "Only this cadence"),
            ] + Page.arguments(),
            examples: ["gov body list scope=JD01"]
        ) { invocation in
            let arguments = invocation.arguments
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: invocation.database)
            let page = try Page(arguments)
            let bodies = try await BodyStore.list(
                scope: scope?.path, cadence: try arguments.optionalEnumeration("cadence", as: Cadence.self), page: page,
                in: invocation.database)
            return page.reply(columns: MeetingBody.tableColumns, rows: bodies.map { ($0.id, $0.tableRow) })
        }
    }

    private var bodyMembersCommand: CommandSpec {
        CommandSpec(
            "body members", synopsis: "The organisations sitting in a body: part-time seats, reports and pairings that are open",
            arguments: [Self.bodyArgument],
            examples: ["gov body members body=JD01"]
        ) { invocation in
            let body = try await BodyStore.find(try invocation.arguments.string("body"), in: invocation.database)
            let members = try await BodyStore.members(of: body.id, in: invocation.database)
            return .table(columns: ["code", "name", "kind", "via"], rows: members.map(\.row), summary: "\(members.count) members of \(body.label)")
        }
    }

    private var updateBodyCommand: CommandSpec {
        CommandSpec(
            "body update", synopsis: "Rename a body or change its cadence",
            help: "A new cadence applies to every period 'gov compliance' checks, past ones included.",
            arguments: [
                Self.bodyArgument,
                .optional("name", .string(maxLength: 100), help: "The new name", label: "名称"),
                .optional("cadence", .enumeration(Cadence.allCases.map(\.rawValue)), help: "quarterly or monthly", label: "频次"),
            ],
            mutates: true,
            examples: ["gov body update body=JD01 cadence=monthly"]
        ) { invocation in
            let arguments = invocation.arguments
            guard arguments.wasGiven("name") || arguments.wasGiven("cadence") else {
                throw WorkbenchError.invalidArgument("name", code: WorkbenchErrorCode.argumentMissing, "give name= or cadence= to change")
            }
            let body = try await BodyStore.find(try arguments.string("body"), in: invocation.database)
            let cadence = try arguments.optionalEnumeration("cadence", as: Cadence.self)
            try await BodyStore.update(body, name: arguments.optionalString("name"), cadence: cadence, in: invocation.database)
            let updated = try await BodyStore.find(id: body.id, in: invocation.database)
            return .record(updated.fields, summary: "\(updated.label) updated")
        }
    }
}

extension BodyStore.Member {
    var row: [ReplyValue] { [.string(code), .string(name), .string(kind), .string(via)] }
}
