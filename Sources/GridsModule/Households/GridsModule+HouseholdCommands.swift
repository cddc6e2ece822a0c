import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension GridsModule {
    /// `household=`: a household file by id.
    static let householdArgument = ArgumentSpec.required("household", .id, help: "The household file's id (from 'grid household list')", label: "户")

    /// Household files 一户一档: `grid household add|show|list|visit|update`.
    var householdCommands: [CommandSpec] {
        [addHouseholdCommand, importHouseholdsCommand, showHouseholdCommand, listHouseholdsCommand, visitHouseholdCommand, updateHouseholdCommand]
    }

    /// The `tags=` help line, naming the configured tags.
    private var tagsHelp: String {
        "Tags separated by commas, from: " + settings.householdTags.joined(separator: ", ")
    }

    private var importHouseholdsCommand: CommandSpec {
        let (add, update) = (addHouseholdCommand, updateHouseholdCommand)
        let allowedTags = settings.householdTags
        return RegisterImportCommand.make(
            module: Self.alias, "household import", noun: "households", add: add,
            matching: """
                A household is matched by its grid and address: left as it is (a re-import changes nothing), or with \
                update=true given the file's head, phone, size, tags and note where they differ (as 'grid household update'). \
                Import as admin: below admin the list masks names and phones, and a masked name is not a name.
                """,
            ignoring: ["id", "last_visit", "follow_up"], example: "grid household import dry_run=true"
        ) { HouseholdRegister.register(add: add, update: update, allowedTags: allowedTags, invocation: $0) }
    }

    private var addHouseholdCommand: CommandSpec {
        let allowedTags = settings.householdTags
        return CommandSpec(
            "household add", synopsis: "Open a household file (一户一档) in a grid",
            help: "One file per address in a grid. The head of household's name and phone are masked for callers below admin.",
            arguments: [
                Self.gridArgument(help: "The grid the household lives in"),
                .required("address", .string(maxLength: 200), help: "Address, e.g. 幸福路12号3幢201室", label: "住址"),
                .required("head", .string(maxLength: 50), help: "Head of household's name", label: "户主"),
                .optional("phone", .string(maxLength: 20), help: "Head of household's phone", label: "电话"),
                .optional("size", .int(1...50), default: "1", help: "People in the household", label: "人口"),
                .optional("tags", .string(maxLength: 200), help: tagsHelp, label: "标签"),
                .optional("note", .text(maxLength: 2000), help: "Anything else worth knowing", label: "备注"),
                .optional("lat", .latitude, help: "Where it lives: latitude (WGS-84), for service-circle coverage", label: "纬度"),
                .optional("lon", .longitude, help: "Longitude (WGS-84), with lat=", label: "经度"),
            ],
            mutates: true,
            examples: [
                "grid household add grid=WG0101 address=幸福路12号3幢201室 head=王小明 phone=13900001111 size=1 tags=独居老人,高龄老人 "
                    + "lat=34.8651 lon=117.5562"
            ]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let tags = try arguments.optionalString("tags").map { try HouseholdTags.parse($0, allowed: allowedTags, argument: "tags") } ?? []
            let phone = try arguments.optionalString("phone").map { try OrganizationDirectory.phone($0, argument: "phone") }
            let position = try Self.coordinates(arguments)
            let grid = try await GridStore.find(GridReference(try arguments.string("grid")), argument: "grid", lock: .share, in: session)
            let id: Int64 = try await session.query(
                HouseholdStore.Queries.insert,
                [
                    grid.id, try arguments.string("address"), try arguments.string("head"), phone, Int(try arguments.int("size")), tags,
                    arguments.optionalString("note"), position?.latitude, position?.longitude,
                ]
            ).single().decode("id")
            let household = try await HouseholdStore.find(id, argument: "household", in: session)
            return .created(
                id: id, "household file #\(id) opened in \(grid.code)",
                fields: Array(household.fields(unmasked: invocation.caller.may(.admin)).dropFirst())
            )
        }
    }

    private var showHouseholdCommand: CommandSpec {
        CommandSpec(
            "household show", synopsis: "Show a household file with its latest visits",
            help: "The file, then a visits table of up to 20 visits, newest first. Name and phone of the head are masked below admin.",
            arguments: [Self.householdArgument]
        ) { invocation in
            let session = invocation.database
            let household = try await HouseholdStore.find(try invocation.arguments.id("household"), argument: "household", in: session)
            let visits = try await session.query(HouseholdStore.Queries.visits, [household.id, 20])
            let total: Int = try visits.first?.decode("total") ?? 0
            let shown = total > visits.count ? ", newest \(visits.count) shown" : ""
            return .document(
                household.fields(unmasked: invocation.caller.may(.admin)),
                sections: [("visits", ReplyTable(columns: Self.visitColumns, rows: try visits.map(Self.visitRow)))],
                summary: "household #\(household.id), \(total) visit\(total == 1 ? "" : "s")\(shown)"
            )
        }
    }

    /// `#7 2026-05-11 李娜: 身体尚好 | needs: 助餐 | follow-up`.
    /// The columns of a household's `visits` table.
    private static let visitColumns = ["id", "visited_on", "visitor", "note", "needs", "follow_up"]

    private static func visitRow(_ row: PostgresRow) throws -> [ReplyValue] {
        [
            .int(try row.decode("id", as: Int64.self)), .date(try row.decode("visited_on", as: CalendarDate.self)),
            .string(try row.decode("visitor", as: String.self)),
            .string(try row.decode("note", as: String.self)), .string(try row.decode("needs", as: String?.self)),
            .bool(try row.decode("follow_up", as: Bool.self)),
        ]
    }

    private var listHouseholdsCommand: CommandSpec {
        let allowedTags = settings.householdTags
        return CommandSpec(
            "household list", synopsis: "List household files, filtered and paged",
            help: "last_visit and follow_up are those of the latest visit. Name and phone of the head are masked below admin.",
            arguments: [
                Self.gridArgument("grid", required: false, help: "Only households of this grid and the grids under it"),
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only households in communities of this subtree"),
                .optional("tag", .string(maxLength: 20), help: "Only households with this tag"),
                .optional("address", .string(maxLength: 100), help: "Only addresses containing this"),
                .optional("follow_up", .bool, default: "false", help: "Only households whose latest visit asked for a follow-up"),
            ] + Page.arguments(),
            examples: ["grid household list grid=WG0101 tag=独居老人", "grid household list scope=JD01 follow_up=true"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            if let tag = arguments.optionalString("tag") { try HouseholdTags.check(tag, allowed: allowedTags, argument: "tag") }
            let grid = try await Self.optionalGrid(arguments, "grid", in: session)
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
            let page = try Page(arguments)
            let rows = try await session.query(
                HouseholdStore.Queries.list,
                [
                    page.afterKey, grid?.path, scope?.path, arguments.optionalString("tag"), arguments.optionalString("address"),
                    try arguments.bool("follow_up"), page.fetchLimit,
                ]
            )
            let unmasked = invocation.caller.may(.admin)
            return page.reply(
                columns: ["id", "grid", "address", "head", "phone", "size", "tags", "note", "lat", "lon", "last_visit", "follow_up"],
                rows: try rows.map { row in
                    let household = try Household(row: row)
                    return (
                        household.id,
                        [
                            .int(household.id), .string(household.gridCode), .string(household.address), .string(household.head(unmasked: unmasked)),
                            .string(household.phone(unmasked: unmasked)), .int(household.size), household.tagList,
                            .string(household.note), household.latitude.map(ReplyValue.double) ?? .null,
                            household.longitude.map(ReplyValue.double) ?? .null, .date(try row.decode("last_visit", as: CalendarDate?.self)),
                            (try row.decode("follow_up", as: Bool?.self)).map { .bool($0) } ?? .null,
                        ]
                    )
                }
            )
        }
    }

    private var visitHouseholdCommand: CommandSpec {
        CommandSpec(
            "household visit", synopsis: "Record a visit (走访) to a household",
            help: "follow_up=true marks that the household needs another visit or help; 'grid household list follow_up=true' finds them.",
            arguments: [
                Self.householdArgument,
                .optional("on", .date, default: "today", help: "The day of the visit (not in the future)", label: "日期"),
                .required("visitor", .string(maxLength: 50), help: "Who visited", label: "走访人"),
                .required("note", .text(maxLength: 2000), help: "What was found", label: "情况"),
                .optional("needs", .text(maxLength: 1000), help: "What the household needs", label: "诉求"),
                .optional("follow_up", .bool, default: "false", help: "Whether a follow-up is needed", label: "需跟进"),
            ],
            mutates: true,
            examples: ["grid household visit household=12 visitor=李娜 note=\"身体尚好，独自居住\" needs=助餐 follow_up=true"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let household = try await HouseholdStore.find(try arguments.id("household"), argument: "household", lock: .share, in: session)
            let day = try arguments.date("on")
            guard day <= invocation.today else {
                throw WorkbenchError.invalidArgument(
                    "on", code: GridsErrorCode.householdFutureVisit, "on=\(day) is in the future; record a visit once it has taken place")
            }
            let visitor = try arguments.string("visitor")
            let followUp = try arguments.bool("follow_up")
            let id: Int64 = try await session.query(
                HouseholdStore.Queries.insertVisit,
                [household.id, day, visitor, try arguments.string("note"), arguments.optionalString("needs"), followUp]
            ).single().decode("id")
            return .created(
                id: id, "visit to household #\(household.id) on \(day) recorded",
                fields: [
                    ("household", .int(household.id)), ("address", .string(household.address)), ("visited_on", .date(day)),
                    ("visitor", .string(visitor)), ("follow_up", .bool(followUp)),
                ]
            )
        }
    }

    private var updateHouseholdCommand: CommandSpec {
        let allowedTags = settings.householdTags
        return CommandSpec(
            "household update", synopsis: "Change a household file's head, phone, size, tags, note or position",
            help: "Only the arguments given change; tags= replaces the whole list. phone=none, tags=none and note=none clear them.",
            arguments: [
                Self.householdArgument,
                .optional("head", .string(maxLength: 50), help: "Head of household's name", label: "户主"),
                .optional("phone", .string(maxLength: 20), help: "Head of household's phone, or none", label: "电话"),
                .optional("size", .int(1...50), help: "People in the household", label: "人口"),
                .optional("tags", .string(maxLength: 200), help: tagsHelp + "; or none", label: "标签"),
                .optional("note", .text(maxLength: 2000), help: "Note, or none", label: "备注"),
                .optional("lat", .latitude, help: "Latitude (WGS-84), with lon=", label: "纬度"),
                .optional("lon", .longitude, help: "Longitude (WGS-84), with lat=", label: "经度"),
            ],
            mutates: true,
            examples: ["grid household update household=12 size=2 tags=困难家庭,低保户", "grid household update household=12 lat=34.8651 lon=117.5562"]
        ) { invocation in
            let arguments = invocation.arguments
            var changes = HouseholdStore.Changes(head: arguments.optionalString("head"), size: arguments.optionalInt("size").map(Int.init))
            if let phone = arguments.optionalString("phone") {
                changes.phone = .some(phone == "none" ? nil : try OrganizationDirectory.phone(phone, argument: "phone"))
            }
            if let tags = arguments.optionalString("tags") {
                changes.tags = tags == "none" ? [] : try HouseholdTags.parse(tags, allowed: allowedTags, argument: "tags")
            }
            if let note = arguments.optionalString("note") { changes.note = .some(note == "none" ? nil : note) }
            changes.position = try Self.coordinates(arguments)
            guard !changes.isEmpty else {
                throw WorkbenchError.invalidArgument("household", "nothing to change; give head=, phone=, size=, tags=, note= or lat= with lon=")
            }
            let household = try await HouseholdStore.update(try arguments.id("household"), changes, in: invocation.database)
            return .record(household.fields(unmasked: invocation.caller.may(.admin)), summary: "household #\(household.id) updated")
        }
    }
}
