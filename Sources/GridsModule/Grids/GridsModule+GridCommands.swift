import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension GridsModule {
    /// `grid=`: a grid by id or code.
    static func gridArgument(_ name: String = "grid", required: Bool = true, help: String) -> ArgumentSpec {
        required
            ? .required(name, .string(maxLength: 32), help: help + " (id or code)", label: "网格")
            : .optional(name, .string(maxLength: 32), help: help + " (id or code)", label: "网格")
    }

    /// The grid an optional argument names, or nil when it is absent.
    static func optionalGrid(_ arguments: Arguments, _ name: String, in session: PostgresSession) async throws -> Grid? {
        guard let reference = arguments.optionalString(name) else { return nil }
        return try await GridStore.find(GridReference(reference), argument: name, in: session)
    }

    /// `lat=` and `lon=`, both or neither.
    static func coordinates(_ arguments: Arguments) throws -> (latitude: Double, longitude: Double)? {
        switch (arguments.optionalDegrees("lat"), arguments.optionalDegrees("lon")) {
        case (nil, nil): return nil
        case (let latitude?, let longitude?): return (latitude, longitude)
        case (nil, _): throw WorkbenchError.invalidArgument("lat", "give lat= with lon=")
        case (_, nil): throw WorkbenchError.invalidArgument("lon", "give lon= with lat=")
        }
    }

    var gridCommands: [CommandSpec] {
        [addCommand, importCommand, showCommand, listCommand, treeCommand, updateCommand, assignCommand, unassignCommand, assignmentsCommand]
    }

    /// What `grid add` (and each row of `grid import`) asks for, checked.
    static func gridDraft(_ arguments: Arguments) throws -> GridStore.Draft {
        let point = try Self.coordinates(arguments)
        return GridStore.Draft(
            code: try arguments.string("code"), name: try arguments.string("name"),
            level: try arguments.enumeration("level", as: GridLevel.self), community: try arguments.string("community"),
            parent: arguments.optionalString("parent"), branch: arguments.optionalString("branch"),
            latitude: point?.latitude, longitude: point?.longitude,
            boundary: try arguments.optionalString("boundary").map { try GridBoundary(parsing: $0) },
            households: Int(try arguments.int("households")), establishedOn: try arguments.date("established_on")
        )
    }

    private var importCommand: CommandSpec {
        let add = addCommand
        return RegisterImportCommand.make(
            module: Self.alias, "import", noun: "grids", add: add,
            matching: """
                A parent grid may be another row of the same file, in any order. A grid whose code exists is left as it is \
                (a re-import changes nothing); update=true updates its name and households where they differ.
                """,
            ignoring: ["id", "open_cases", "depth", "level_name", "workers"], example: "grid import dry_run=true"
        ) { _ in GridRegister(add: add) }
    }

    private var addCommand: CommandSpec {
        CommandSpec(
            "add", synopsis: "Add a grid (网格) to a community",
            help: """
                Levels nest: a level2 grid sits under a level1 grid, a basic grid under a level2 grid or \
                directly in its community; a parent is always in the same community. branch= names the grid \
                Party branch (an organisation of kind grid_branch in the community).
                """,
            arguments: [
                .required("code", .string(maxLength: 32), help: "A unique code: a letter, then letters, digits, '.', '_' or '-'", label: "编码"),
                .required("name", .string(maxLength: 100), help: "Name", label: "名称"),
                .optional(
                    "level", .enumeration(GridLevel.allCases.map(\.rawValue)), default: "basic", help: "level1 一级, level2 二级 or basic 基础网格"),
                OrganizationDirectory.unitArgument("community", help: "The community the grid belongs to", label: "所属社区"),
                Self.gridArgument("parent", required: false, help: "The grid one level up"),
                OrganizationDirectory.unitArgument("branch", required: false, help: "The grid Party branch that leads it", label: "网格党支部"),
                .optional("lat", .latitude, help: "Centroid latitude (WGS-84)"),
                .optional("lon", .longitude, help: "Centroid longitude (WGS-84)"),
                .optional("boundary", .text(maxLength: 2000), help: "Boundary corners 'lon lat, lon lat, lon lat, …'"),
                .optional("households", .int(0...100_000), default: "0", help: "Households in the grid", label: "户数"),
                .optional(
                    "established_on", .pastDate, default: "today",
                    help: "The day the grid was set up: patrols and patrol coverage count from it", label: "划定日期"
                ),
            ],
            mutates: true,
            examples: ["grid add code=WG0101 name=新华一网格 community=SQ01 branch=ZB0101 households=420 lat=31.2201 lon=121.4240"]
        ) { invocation in
            let grid = try await GridStore.add(
                try Self.gridDraft(invocation.arguments),
                in: invocation.database
            )
            return .created(id: grid.id, "grid \(grid.label) added to \(grid.communityCode)", fields: Array(grid.fields.dropFirst()))
        }
    }

    private var showCommand: CommandSpec {
        CommandSpec(
            "show", synopsis: "Show a grid with its people and open cases",
            arguments: [Self.gridArgument(help: "The grid")]
        ) { invocation in
            let session = invocation.database
            let grid = try await GridStore.find(GridReference(try invocation.arguments.string("grid")), argument: "grid", in: session)
            let people = try await session.query(
                GridStore.Queries.assignments, [Int64(0), grid.id, Int64?.none, String?.none, "current", invocation.today, 1001]
            )
            let children: Int = try await session.query(GridStore.Queries.children, [grid.id]).single().decode(at: 0)
            let open: Int = try await session.query(GridStore.Queries.openCases, [grid.id]).single().decode(at: 0)
            var fields = grid.fields
            fields.append(("subgrids", .int(children)))
            fields.append(("open_cases", .int(open)))
            for role in AssignmentRole.allCases {
                let names = try people.filter { try $0.decode("role", as: String.self) == role.rawValue }
                    .map { row in
                        let person: String = try row.decode("person")
                        let id: Int64 = try row.decode("id")
                        return ReplyValue.string("\(person) (#\(id) since \(try row.decode("starts_on", as: CalendarDate.self)))")
                    }
                fields.append((role == .worker ? "workers" : "cadres", .list(names)))
            }
            return .record(fields)
        }
    }

    private var listCommand: CommandSpec {
        CommandSpec(
            "list", synopsis: "List grids, filtered and paged",
            arguments: [
                OrganizationDirectory.unitArgument("community", required: false, help: "Only grids of this community"),
                OrganizationDirectory.unitArgument(
                    "scope", required: false, help: "Only grids of communities in this subtree (a street, a district)"),
                Self.gridArgument("under", required: false, help: "Only this grid and the grids under it"),
                .optional("level", .enumeration(GridLevel.allCases.map(\.rawValue)), help: "Only this level"),
                .optional("name", .string(maxLength: 50), help: "Only names or codes containing this"),
            ] + Page.arguments(),
            examples: ["grid list community=SQ01 level=basic"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let community = try await OrganizationDirectory.unit("community", of: arguments, in: session)
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
            let under = try await Self.optionalGrid(arguments, "under", in: session)
            let page = try Page(arguments)
            let rows = try await session.query(
                GridStore.Queries.list,
                [
                    page.afterKey, community?.id, under?.path, arguments.optionalString("level"), arguments.optionalString("name"), scope?.path,
                    page.fetchLimit,
                ]
            )
            return page.reply(
                columns: ["id", "code", "name", "level", "community", "parent", "branch", "households", "open_cases"],
                rows: try rows.map { row in
                    let grid = try Grid(row: row)
                    return (
                        grid.id,
                        [
                            .int(grid.id), .string(grid.code), .string(grid.name), .string(grid.level.rawValue), .string(grid.communityCode),
                            .string(grid.parentCode), .string(grid.branchCode), .int(grid.households),
                            .int(try row.decode("open_cases", as: Int64.self)),
                        ]
                    )
                }
            )
        }
    }

    private var treeCommand: CommandSpec {
        CommandSpec(
            "tree", synopsis: "Show the grids of a community, or under a grid, as a tree",
            help:
                "A table, parents before children: depth below the top, code, name, level, parent, households, open cases and current grid workers.",
            arguments: [
                OrganizationDirectory.unitArgument("community", required: false, help: "The community"),
                Self.gridArgument("grid", required: false, help: "The grid at the top"),
                .optional("limit", .int(1...10_000), default: "500", help: "At most this many grids"),
            ],
            examples: ["grid tree community=SQ01"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let community = try await OrganizationDirectory.unit("community", of: arguments, in: session)
            let top = try await Self.optionalGrid(arguments, "grid", in: session)
            guard community != nil || top != nil else {
                throw WorkbenchError.invalidArgument("community", "give community= or grid=")
            }
            let limit = Int(try arguments.int("limit"))
            let rows = try await session.query(GridStore.Queries.tree, [community?.id, top?.path, limit + 1])
            let baseDepth = top.map { $0.path.split(separator: ".").count } ?? 1
            let shown = try rows.prefix(limit).map { row -> [ReplyValue] in
                let depth: Int = try row.decode("depth")
                let level = GridLevel(rawValue: try row.decode("level")) ?? .basic
                return [
                    .int(Int64(max(0, depth - baseDepth))), .string(try row.decode("code", as: String.self)),
                    .string(try row.decode("name", as: String.self)), .string(level.rawValue), .string(level.label),
                    .string(try row.decode("parent", as: String?.self)), .int(try row.decode("households", as: Int64.self)),
                    .int(try row.decode("open_cases", as: Int64.self)), .string(try row.decode("workers", as: String?.self)),
                ]
            }
            let more = rows.count > limit ? "; more than \(limit), narrow with grid=" : ""
            return .table(
                columns: ["depth", "code", "name", "level", "level_name", "parent", "households", "open_cases", "workers"], rows: shown,
                summary: "\(shown.count) grids\(more)"
            )
        }
    }

    private var updateCommand: CommandSpec {
        CommandSpec(
            "update", synopsis: "Change a grid's name, branch, centroid, boundary, households or the day it was set up",
            help: "Only the arguments given change; branch=none removes the branch, boundary=none the boundary.",
            arguments: [
                Self.gridArgument(help: "The grid"),
                .optional("name", .string(maxLength: 100), help: "New name"),
                .optional("branch", .string(maxLength: 32), help: "The grid Party branch (id or code), or none"),
                .optional("lat", .latitude, help: "Centroid latitude"),
                .optional("lon", .longitude, help: "Centroid longitude"),
                .optional("boundary", .text(maxLength: 2000), help: "Boundary corners 'lon lat, lon lat, …', or none"),
                .optional("households", .int(0...100_000), help: "Households in the grid"),
                .optional("established_on", .pastDate, help: "The day it was set up (not after its first patrol)"),
            ],
            mutates: true,
            examples: ["grid update grid=WG0101 households=436"]
        ) { invocation in
            let arguments = invocation.arguments
            let point = try Self.coordinates(arguments)
            var changes = GridStore.Changes(
                name: arguments.optionalString("name"), latitude: point?.latitude, longitude: point?.longitude,
                households: arguments.optionalInt("households").map(Int.init), establishedOn: arguments.optionalDate("established_on")
            )
            if let branch = arguments.optionalString("branch") { changes.branch = .some(branch == "none" ? nil : branch) }
            if let boundary = arguments.optionalString("boundary") {
                changes.boundary = .some(boundary == "none" ? nil : try GridBoundary(parsing: boundary))
            }
            let grid = try await GridStore.update(GridReference(try arguments.string("grid")), changes, in: invocation.database)
            return .record(grid.fields, summary: "grid \(grid.code) updated")
        }
    }

    private var assignCommand: CommandSpec {
        CommandSpec(
            "assign", synopsis: "Assign a grid worker (网格员) or sunk-down cadre (下沉干部) to a grid",
            help: "Name a Party member with member=<id>, or anyone else with person=<name>.",
            arguments: [
                Self.gridArgument(help: "The grid"),
                .required("role", .enumeration(AssignmentRole.allCases.map(\.rawValue)), help: "worker 网格员 or cadre 下沉干部"),
                .optional("member", .id, help: "The Party member's id"),
                .optional("person", .string(maxLength: 50), help: "The person's name, when not a member", label: "姓名"),
                .optional("phone", .string(maxLength: 20), help: "Phone"),
                .optional("work_unit", .string(maxLength: 100), help: "Where a cadre comes from (派出单位)"),
                .optional("from", .date, default: "today", help: "First day of the assignment"),
                .optional("until", .date, help: "Last day, when the term is known (a sunk-down cadre's posting); else 'grid unassign' ends it"),
            ],
            mutates: true,
            examples: [
                "grid assign grid=WG0101 role=worker person=李娜 phone=13900001111", "grid assign grid=WG0101 role=cadre member=42 work_unit=区城管局",
            ]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let grid = try await GridStore.find(GridReference(try arguments.string("grid")), argument: "grid", lock: .share, in: session)
            let person = try await NamedPerson.resolve(arguments, nameArgument: "person", in: session)
            let phone =
                try arguments.optionalString("phone").map { try OrganizationDirectory.phone($0, argument: "phone") } ?? person.member?.phone
            let role = try arguments.enumeration("role", as: AssignmentRole.self)
            let from = try arguments.date("from")
            let until = arguments.optionalDate("until")
            if let until, until < from {
                throw WorkbenchError.invalidArgument("until", "until=\(until) is before from=\(from)")
            }
            let id: Int64 = try await session.query(
                GridStore.Queries.assign,
                [grid.id, role.rawValue, person.member?.id, person.name, phone, arguments.optionalString("work_unit"), from, until]
            ).single().decode("id")
            return .created(
                id: id, "\(person.name) assigned to \(grid.code) as \(role.label)",
                fields: [("grid", .string(grid.code)), ("role", .string(role.rawValue)), ("person", .string(person.name))]
            )
        }
    }

    private var unassignCommand: CommandSpec {
        CommandSpec(
            "unassign", synopsis: "End an assignment",
            arguments: [
                .required("assignment", .id, help: "The assignment's id (from 'grid show' or 'grid assignments')"),
                .optional("on", .date, default: "today", help: "Last day of the assignment"),
            ],
            mutates: true
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let id = try arguments.id("assignment")
            let row = try await session.row(
                GridStore.Queries.findAssignment, [id],
                orElse: WorkbenchError(
                    status: .notFound, code: GridsErrorCode.assignmentNotFound,
                    message: "no assignment with id \(id); list them with 'grid assignments grid=<code>'", argument: "assignment"
                ))
            let person: String = try row.decode("person")
            if let ended: CalendarDate = try row.decode("ends_on") {
                throw WorkbenchError.conflict(GridsErrorCode.assignmentEnded, "\(person)'s assignment #\(id) already ended on \(ended)")
            }
            let on = try arguments.date("on")
            let starts: CalendarDate = try row.decode("starts_on")
            guard on >= starts else {
                throw WorkbenchError.invalidArgument("on", "on=\(on) is before the assignment started (\(starts))")
            }
            try await session.execute(GridStore.Queries.endAssignment, [id, on])
            return .record(
                [
                    ("id", .int(id)), ("person", .string(person)), ("grid", .string(try row.decode("grid_code", as: String.self))),
                    ("ends_on", .date(on)),
                ], summary: "assignment ended")
        }
    }

    private var assignmentsCommand: CommandSpec {
        CommandSpec(
            "assignments", synopsis: "List assignments of grid workers and sunk-down cadres",
            arguments: [
                Self.gridArgument("grid", required: false, help: "Only this grid"),
                .optional("member", .id, help: "Only this Party member"),
                .optional("role", .enumeration(AssignmentRole.allCases.map(\.rawValue)), help: "Only this role"),
                .optional("state", .enumeration(["current", "ended", "all"]), default: "current", help: "Current, ended or all assignments"),
            ] + Page.arguments(),
            examples: ["grid assignments role=cadre"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let grid = try await Self.optionalGrid(arguments, "grid", in: session)
            let page = try Page(arguments)
            let rows = try await session.query(
                GridStore.Queries.assignments,
                [
                    page.afterKey, grid?.id, arguments.optionalID("member"), arguments.optionalString("role"), try arguments.string("state"),
                    invocation.today, page.fetchLimit,
                ]
            )
            let unmasked = invocation.caller.may(.admin)
            return page.reply(
                columns: ["id", "grid", "role", "person", "member", "phone", "work_unit", "starts_on", "ends_on"],
                rows: try rows.map { row in
                    let id: Int64 = try row.decode("id")
                    let phone: String? = try row.decode("phone")
                    return (
                        id,
                        [
                            .int(id), .string(try row.decode("grid_code", as: String.self)), .string(try row.decode("role", as: String.self)),
                            .string(try row.decode("person", as: String.self)), .int(try row.decode("member_id", as: Int64?.self).map(Int.init)),
                            .string(unmasked ? phone : phone.map(OrganizationDirectory.maskedPhone)),
                            .string(try row.decode("work_unit", as: String?.self)), .date(try row.decode("starts_on", as: CalendarDate.self)),
                            .date(try row.decode("ends_on", as: CalendarDate?.self)),
                        ]
                    )
                }
            )
        }
    }
}
