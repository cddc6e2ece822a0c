import Foundation
import WorkbenchKit
import WorkbenchPostgres

extension GridsModule {
    var statisticsCommands: [CommandSpec] {
        [
            CommandSpec(
                "stats", synopsis: "Case and patrol figures for an organisation or grid subtree over a period",
                help: """
                    Cases reported from from= to to= (inclusive) in the scope: by status and category, on-time rate, \
                    mean and p90 handling time, escalations by level, reopen rate, and the patrol coverage of its basic \
                    grids. scope= is an organisation (a street: all its communities) or a grid; write org:<code> or \
                    grid:<code> when a code names both. by=child answers a table with one row per child organisation \
                    (a district's streets, a street's communities; a community's top grids; a grid's child grids), by=quarter \
                    and by=month one row per period, each with a total row. Rates are percentages with one decimal.
                    """,
                arguments: [
                    .required("scope", .string(maxLength: 40), help: "An organisation or a grid (id or code)", label: "范围"),
                    .optional("from", .date, help: "First day (default: the first of to='s month)"),
                    .optional("to", .date, default: "today", help: "Last day"),
                    .optional(
                        "by", .enumeration(CaseBreakdown.Division.allCases.map(\.rawValue)),
                        help: "A table instead: one row per child organisation or grid (child), per quarter or per month, and a total row"
                    ),
                ],
                examples: [
                    "grid stats scope=JD01 from=2026-01-01 to=2026-06-30", "grid stats scope=grid:WG0101",
                    "grid stats scope=JD01 by=child from=2026-01-01", "grid stats scope=SZQ by=quarter from=2026-01-01 to=2026-12-31",
                ]
            ) { invocation in
                let arguments = invocation.arguments
                let session = invocation.database
                let (from, to) = try arguments.period(today: invocation.today) { CalendarDate(year: $0.year, month: $0.month, day: 1)! }
                let scope = try await StatisticsScope.resolve(try arguments.string("scope"), in: session)
                if let by = try arguments.optionalEnumeration("by", as: CaseBreakdown.Division.self) {
                    return try await CaseBreakdown.reply(by, scope: scope, from: from, to: to, now: invocation.now, in: session)
                }
                let (summary, patrols, ids): (PostgresStatement, PostgresStatement, [Int64]) =
                    switch try await CaseStatistics.members(of: scope, in: session) {
                    case .communities(let ids): (CaseStatistics.summaryByCommunities, CaseStatistics.patrolsByCommunities, ids)
                    case .grids(let ids): (CaseStatistics.summaryByGrids, CaseStatistics.patrolsByGrids, ids)
                    }
                let rows = try await session.query(summary, [from, to, ids, invocation.now])
                let patrolRow = try await session.query(patrols, [from, to, ids]).single()
                var fields: [(String, ReplyValue)] = [("scope", .string(scope.label)), ("from", .date(from)), ("to", .date(to))]
                // GROUPING SETS answers no totals row when no case matched.
                let totals = try rows.first { try $0.decode("category", as: String?.self) == nil }
                func count(_ column: String) throws -> Int { try totals?.decode(column, as: Int.self) ?? 0 }
                fields.append(("cases", .int(try count("cases"))))
                for status in CaseStatus.allCases {
                    fields.append((status.rawValue, .int(try count(status.rawValue))))
                }
                fields += [
                    ("overdue_now", .int(try count("overdue_now"))),
                    ("handled", .int(try count("handled"))),
                    ("on_time_rate", Percentage.value(try count("on_time"), of: try count("handled"))),
                    ("mean_handling_hours", CaseStatistics.hours(try totals?.decode("mean_hours", as: Double?.self))),
                    ("p90_handling_hours", CaseStatistics.hours(try totals?.decode("p90_hours", as: Double?.self))),
                    ("escalated_cases", .int(try count("escalated"))),
                ]
                for level in CaseLevel.allCases.dropFirst() {
                    let column = "escalations_to_\(level.rawValue)"
                    fields.append((column, .int(try count(column))))
                }
                fields.append(("reopen_rate", Percentage.value(try count("reopened"), of: try count("ever_resolved"))))
                let grids: Int = try patrolRow.decode("grids")
                let patrolled: Int = try patrolRow.decode("patrolled_days")
                let gridDays: Int = try patrolRow.decode("grid_days")
                fields += [
                    ("basic_grids", .int(grids)), ("patrolled_grid_days", .int(patrolled)),
                    ("patrol_coverage", Percentage.value(patrolled, of: gridDays)),
                ]
                fields.append(
                    (
                        "categories",
                        .list(
                            try rows.filter { try $0.decode("category", as: String?.self) != nil }.map { row in
                                .string(
                                    "\(try row.decode("category", as: String.self)) \(try row.decode("cases", as: Int.self))"
                                        + " (open \(try row.decode("open", as: Int.self)), handled \(try row.decode("handled", as: Int.self)),"
                                        + " on time \(try row.decode("on_time", as: Int.self)))"
                                )
                            })
                    ))
                return .record(fields, summary: "\(try count("cases")) cases in \(scope.label) from \(from) to \(to)")
            }
        ]
    }
}
