import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension GovernanceModule {
    /// `gov compliance`: the bodies that held no meeting in a period of their cadence, the
    /// streets and communities without a body, and the tasks past their due day.
    var complianceCommand: CommandSpec {
        CommandSpec(
            "compliance", synopsis: "Gaps: periods a body held no meeting, organisations without a body, overdue tasks",
            help: """
                For every body in the subtree, each period of its cadence (quarters, or months) from the later of the body's \
                since day and from= (default 1 January this year) to the period holding on= (default today) that held no \
                meeting: state 'missed' for a period that has ended, 'due' for the running one. Then the streets and communities \
                with no body at all, and the tasks not closed by their due day. Each list shows at most limit= rows (default 500) \
                and says when it was cut.
                """,
            arguments: [
                OrganizationDirectory.unitArgument("scope", required: false, help: "The subtree (default: everything)"),
                .optional("from", .date, help: "Count periods from the one holding this day (default 1 January this year)"),
                .optional("on", .date, help: "Count periods up to the one holding this day (default today)"),
                .optional("limit", .int(1...5000), help: "At most this many rows per list (default 500)"),
            ],
            examples: ["gov compliance scope=JD01", "gov compliance from=2025-01-01"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
            let on = arguments.optionalDate("on") ?? invocation.today
            let from = arguments.optionalDate("from") ?? CalendarDate(year: on.year, month: 1, day: 1)!
            guard from <= on else { throw WorkbenchError.invalidArgument("from", "from=\(from) is after on=\(on)") }
            let limit = Int(arguments.optionalInt("limit") ?? 500)

            let gaps = try await session.query(ComplianceQueries.periods, [scope?.path, from, on, limit + 1])
            var missed = 0
            let gapRows: [[ReplyValue]] = try gaps.prefix(limit).map { row in
                let lastDay: CalendarDate = try row.decode("last_day")
                if lastDay < on { missed += 1 }
                return [
                    .int(try row.decode("body_id", as: Int64.self)), .string(try row.decode("code", as: String.self)),
                    .string(try row.decode("name", as: String.self)),
                    .string(try row.decode("cadence", as: String.self)), .string(try row.decode("period", as: String.self)),
                    .date(try row.decode("first_day", as: CalendarDate.self)), .date(lastDay),
                    .string(lastDay < on ? "missed" : "due"),
                ]
            }
            let without = try await session.query(ComplianceQueries.withoutBody, [scope?.path, limit + 1])
            let withoutRows: [[ReplyValue]] = try without.prefix(limit).map {
                [
                    .string(try $0.decode("code", as: String.self)), .string(try $0.decode("name", as: String.self)),
                    .string(try $0.decode("kind", as: String.self)),
                ]
            }
            let overdue = try await TaskStore.list(
                filter: TaskStore.Filter(scopePath: scope?.path, overdueOn: on), page: Page(limit: limit), in: session)
            var cut: [String] = []
            if gaps.count > limit { cut.append("gaps") }
            if without.count > limit { cut.append("without_body") }
            if overdue.count > limit { cut.append("overdue_tasks") }
            let summary =
                "\(scope?.label ?? "everywhere") from \(from) to \(on): \(missed) missed period(s), \(gapRows.count - missed) due, "
                + "\(withoutRows.count) without a body, \(min(overdue.count, limit)) overdue task(s)"
                + (cut.isEmpty ? "" : "; cut at limit=\(limit): " + cut.joined(separator: ", "))
            return .document(
                [
                    ("scope", .string(scope?.code ?? "")), ("from", .date(from)), ("on", .date(on)), ("missed_periods", .int(Int64(missed))),
                    ("without_body", .int(Int64(withoutRows.count))), ("overdue_tasks", .int(Int64(min(overdue.count, limit)))),
                ],
                sections: [
                    (
                        "gaps",
                        ReplyTable(columns: ["body", "organisation", "name", "cadence", "period", "first_day", "last_day", "state"], rows: gapRows)
                    ),
                    ("without_body", ReplyTable(columns: ["code", "name", "kind"], rows: withoutRows)),
                    ("overdue_tasks", ReplyTable(columns: AssignedTask.tableColumns, rows: overdue.prefix(limit).map { $0.tableRow(today: on) })),
                ],
                summary: summary
            )
        }
    }
}
