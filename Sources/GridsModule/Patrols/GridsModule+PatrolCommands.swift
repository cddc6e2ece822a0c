import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension GridsModule {
    /// Patrols 每日巡: `grid patrol log|list|gaps`.
    var patrolCommands: [CommandSpec] {
        [logPatrolCommand, listPatrolsCommand, patrolGapsCommand]
    }

    private var logPatrolCommand: CommandSpec {
        CommandSpec(
            "patrol log", synopsis: "Log a patrol (每日巡) of a grid by a grid worker",
            help: """
                Name the worker with worker=<name>, or a Party member with member=<id> (their name is used). \
                The day defaults to the day started= falls on, else today; a day in the future is refused. \
                found= is how many cases the patrol turned up (report them with 'grid case report … source=patrol').
                """,
            arguments: [
                Self.gridArgument(help: "The grid patrolled"),
                .optional("worker", .string(maxLength: 50), help: "The worker's name", label: "网格员"),
                .optional("member", .id, help: "The worker's Party member id, instead of worker="),
                .optional("date", .date, help: "The day of the patrol (default: the day of started=, else today)", label: "日期"),
                .optional("started", .datetime, help: "When the patrol started"),
                .optional("ended", .datetime, help: "When it ended (not before started=)"),
                .optional("found", .int(0...1000), default: "0", help: "Cases found on the way", label: "发现事件"),
                .optional("note", .text(maxLength: 2000), help: "What the worker saw", label: "备注"),
            ],
            mutates: true,
            examples: [
                "grid patrol log grid=WG0101 worker=李娜 started=2026-05-11T08:30 ended=2026-05-11T10:00 found=1",
                "grid patrol log grid=WG0101 member=42 date=yesterday note=\"楼道堆物已清\"",
            ]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let grid = try await GridStore.find(GridReference(try arguments.string("grid")), argument: "grid", lock: .share, in: session)
            let worker = try await NamedPerson.resolve(arguments, nameArgument: "worker", in: session)
            let started = arguments.optionalDatetime("started")
            let ended = arguments.optionalDatetime("ended")
            let day = arguments.optionalDate("date") ?? started.map { CalendarDate(containing: $0, in: invocation.timeZone) } ?? invocation.today
            try Self.checkPatrolTimes(day: day, started: started, ended: ended, invocation: invocation)
            guard day >= grid.establishedOn else {
                throw WorkbenchError(
                    status: .unprocessable, code: GridsErrorCode.patrolBeforeGrid,
                    message: "\(grid.label) was set up on \(grid.establishedOn); a patrol on \(day) came before it "
                        + "(if the grid is older, correct it with 'grid update grid=\(grid.code) established_on=<day>')",
                    argument: "date"
                )
            }
            let found = Int(try arguments.int("found"))
            let id: Int64 = try await session.query(
                PatrolQueries.insert, [grid.id, worker.name, worker.member?.id, day, started, ended, found, arguments.optionalString("note")]
            ).single().decode("id")
            return .created(
                id: id, "patrol of \(grid.code) by \(worker.name) on \(day) logged",
                fields: [("grid", .string(grid.code)), ("worker", .string(worker.name)), ("date", .date(day)), ("found", .int(found))]
            )
        }
    }

    /// Refuses a patrol in the future, a start on another day than `day`, and an end before
    /// the start.
    private static func checkPatrolTimes(day: CalendarDate, started: Date?, ended: Date?, invocation: Invocation) throws {
        guard day <= invocation.today else {
            throw WorkbenchError.invalidArgument(
                "date", code: GridsErrorCode.patrolFutureDate, "date=\(day) is in the future; log a patrol once it has been walked"
            )
        }
        if let started {
            guard started <= invocation.now else {
                throw WorkbenchError.invalidArgument(
                    "started", code: GridsErrorCode.patrolFutureDate, "started= is in the future; log a patrol once it has been walked")
            }
            let startDay = CalendarDate(containing: started, in: invocation.timeZone)
            guard startDay == day else {
                throw WorkbenchError.invalidArgument(
                    "started", "started= falls on \(startDay), not on date=\(day); leave out date= or correct one of them")
            }
        }
        if let ended {
            guard ended <= invocation.now else {
                throw WorkbenchError.invalidArgument(
                    "ended", code: GridsErrorCode.patrolFutureDate, "ended= is in the future; log a patrol once it has been walked")
            }
            if let started, ended < started {
                throw WorkbenchError.invalidArgument("ended", "ended= is before started=; a patrol ends after it starts")
            }
        }
    }

    private var listPatrolsCommand: CommandSpec {
        CommandSpec(
            "patrol list", synopsis: "List patrols, filtered and paged",
            arguments: [
                Self.gridArgument("grid", required: false, help: "Only patrols of this grid and the grids under it"),
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only patrols in communities of this subtree"),
                .optional("worker", .string(maxLength: 50), help: "Only this worker (the name as logged)"),
                .optional("member", .id, help: "Only patrols logged with this Party member id"),
                .optional("from", .date, help: "Only patrols on or after this day"),
                .optional("to", .date, help: "Only patrols on or before this day"),
            ] + Page.arguments(),
            examples: ["grid patrol list grid=WG0101 from=2026-05-01 to=2026-05-31", "grid patrol list scope=JD01 worker=李娜"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let grid = try await Self.optionalGrid(arguments, "grid", in: session)
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
            let from = arguments.optionalDate("from")
            let to = arguments.optionalDate("to")
            if let from, let to, to < from {
                throw WorkbenchError.invalidArgument("to", "to=\(to) is before from=\(from)")
            }
            let page = try Page(arguments)
            let rows = try await session.query(
                PatrolQueries.list,
                [
                    page.afterKey, grid?.path, scope?.path, arguments.optionalString("worker"), from, to, arguments.optionalID("member"),
                    page.fetchLimit,
                ]
            )
            return page.reply(
                columns: Patrol.tableColumns,
                rows: try rows.map { row in
                    let patrol = try Patrol(row: row)
                    return (patrol.id, patrol.cells)
                }
            )
        }
    }

    private var patrolGapsCommand: CommandSpec {
        CommandSpec(
            "patrol gaps", synopsis: "List grids nobody patrolled on a day",
            help: """
                Each row: the grid, its community, the day of its last patrol before that day (empty: never) and \
                the grid workers assigned to it on that day. By default only basic grids, the ones workers walk.
                """,
            arguments: [
                .optional("date", .date, default: "today", help: "The day", label: "日期"),
                OrganizationDirectory.unitArgument("scope", required: false, help: "Only grids of communities in this subtree"),
                OrganizationDirectory.unitArgument("community", required: false, help: "Only grids of this community"),
                .optional(
                    "level", .enumeration(GridLevel.allCases.map(\.rawValue) + ["all"]), default: GridLevel.basic.rawValue,
                    help: "Only grids of this level, or all"
                ),
            ] + Page.arguments(),
            examples: ["grid patrol gaps date=yesterday scope=JD01", "grid patrol gaps community=SQ01"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
            let community = try await OrganizationDirectory.unit("community", of: arguments, in: session)
            let level = try arguments.string("level")
            let day = try arguments.date("date")
            let page = try Page(arguments)
            let rows = try await session.query(
                PatrolQueries.gaps, [page.afterKey, day, community?.id, scope?.path, level == "all" ? nil : level, page.fetchLimit]
            )
            return page.reply(
                columns: ["id", "code", "name", "community", "last_patrol", "workers"],
                rows: try rows.map { row in
                    let id: Int64 = try row.decode("id")
                    return (
                        id,
                        [
                            .int(id), .string(try row.decode("code", as: String.self)), .string(try row.decode("name", as: String.self)),
                            .string(try row.decode("community_code", as: String.self)), .date(try row.decode("last_patrol", as: CalendarDate?.self)),
                            .string(try row.decode("workers", as: String?.self)),
                        ]
                    )
                }
            )
        }
    }
}
