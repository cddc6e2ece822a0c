import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

extension ConsultationsModule {
    /// `consult stats`: what leaders read about consultation and volunteer dispatch in a
    /// subtree and period, as one table of (figure, item, value) rows.
    var statisticsCommand: CommandSpec {
        CommandSpec(
            "stats", synopsis: "Consultation and volunteer figures for a subtree and period",
            help: """
                Topics proposed in the period by category and by source (with how many are settled); sessions starting in the \
                period by status, with the five haves of the closed ones (every closed session has its place, minutes and \
                replies; the sign counts when the notice was up by the session's day; implementation counts the adopted topics \
                settled); actions due in the period done on time, late, dropped, overdue and open; orders placed in the period by \
                status with the mean hours from placing to done, hours served, mean rating and vanguard points earned. The \
                period defaults to this year so far, in the daemon's time zone. by=child, by=quarter and by=month answer the main \
                figures side by side instead, one row per child organisation or period, with a total row; rates are percentages.
                """,
            arguments: [
                OrganizationDirectory.unitArgument("scope", required: false, help: "The subtree (default: everything)"),
                .optional("from", .date, help: "First day (default 1 January this year)"),
                .optional("to", .date, help: "Last day (default today)"),
                .optional(
                    "by", .enumeration(ConsultationBreakdown.Division.allCases.map(\.rawValue)),
                    help: "A table instead: one row per child organisation (child), per quarter or per month, and a total row"
                ),
            ],
            examples: ["consult stats scope=JD01 from=2026-01-01 to=2026-06-30", "consult stats scope=JD01 by=child", "consult stats by=quarter"]
        ) { invocation in
            let arguments = invocation.arguments
            let session = invocation.database
            let scope = try await OrganizationDirectory.unit("scope", of: arguments, in: session)
            let (from, to) = try arguments.period(today: invocation.today) { CalendarDate(year: $0.year, month: 1, day: 1)! }
            if let by = try arguments.optionalEnumeration("by", as: ConsultationBreakdown.Division.self) {
                return try await ConsultationBreakdown.reply(
                    by, scope: scope.map { (id: $0.id, path: $0.path, label: $0.label) }, from: from, to: to, in: session
                )
            }
            let binds: [any PostgresEncodable] = [scope?.path, from, to]
            var rows: [[ReplyValue]] = []
            func add(_ figure: String, _ item: String, _ value: ReplyValue) { rows.append([.string(figure), .string(item), value]) }
            func decimal(_ value: Double?, places: Int = 1) -> ReplyValue {
                value.map { .decimal(String(format: "%.\(places)f", $0)) } ?? .null
            }

            for row in try await session.query(StatisticsQueries.topics, binds) {
                let byCategory: Bool = try row.decode("by_category")
                let item: String = try row.decode("item")
                let label = byCategory ? item : (TopicSource(rawValue: item).map { "\($0.rawValue) \($0.chinese)" } ?? item)
                add(byCategory ? "topics by category" : "topics by source", label, .int(try row.decode("topics")))
                add(byCategory ? "settled by category" : "settled by source", label, .int(try row.decode("settled")))
            }

            let sessions = try await session.query(StatisticsQueries.sessions, binds).single()
            let closed: Int64 = try sessions.decode("closed")
            for status in ["scheduled", "closed", "cancelled"] { add("sessions", status, .int(try sessions.decode(status))) }
            add("five haves (closed sessions)", "有场所 place", .int(closed))
            add("five haves (closed sessions)", "有标识 notice up by the session's day", .int(try sessions.decode("notice_in_time")))
            add("five haves (closed sessions)", "有记录 minutes", .int(closed))
            add("five haves (closed sessions)", "有回声 every proposer replied", .int(closed))
            let adopted: Int64 = try sessions.decode("topics_adopted")
            let settled: Int64 = try sessions.decode("topics_settled")
            add("five haves (closed sessions)", "有落实 adopted topics settled", .string("\(settled) of \(adopted)"))

            let actions = try await session.query(StatisticsQueries.actions, binds + [invocation.today]).single()
            for name in ["total", "done_on_time", "done_late", "dropped", "overdue", "open"] {
                add("actions due in period", name, .int(try actions.decode(name)))
            }
            let onTime: Int64 = try actions.decode("done_on_time")
            let late: Int64 = try actions.decode("done_late")
            add("actions due in period", "on-time share of done", Percentage.value(Int(onTime), of: Int(onTime + late)))

            for row in try await session.query(StatisticsQueries.orders, binds) {
                let status: String? = try row.decode("status")
                let orders: Int64 = try row.decode("orders")
                guard let status else {
                    add("orders", "total", .int(orders))
                    add("orders", "mean hours placed → done", decimal(try row.decode("hours_to_done")))
                    add("orders", "hours served", decimal(try row.decode("hours_served")))
                    add("orders", "mean rating", decimal(try row.decode("rating"), places: 2))
                    add("orders", "vanguard points earned", .int(try row.decode("points", as: Int64?.self) ?? 0))
                    continue
                }
                add("orders by status", status, .int(orders))
            }
            return .table(
                columns: ["figure", "item", "value"], rows: rows,
                summary: "consultation figures for \(scope?.label ?? "everywhere") from \(from) to \(to)"
            )
        }
    }
}
