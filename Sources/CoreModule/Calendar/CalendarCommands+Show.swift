import WorkbenchKit
import WorkbenchPostgres

extension CalendarCommands {
    /// One exception day as `calendar show` reads it.
    struct ExceptionDay {
        var day: CalendarDate
        var kind: String
        var name: String
    }

    /// The `calendar show` reply: one row per month of the year (or the one month asked for).
    static func showMonths(_ invocation: Invocation) async throws -> Reply {
        let year = try invocation.arguments.int("year")
        let month = invocation.arguments.optionalInt("month")
        let database = invocation.database
        let months = try await database.query(Queries.months, [year, month])
        var exceptions: [String: [ExceptionDay]] = [:]
        for row in try await database.query(Queries.exceptions, [year, month]) {
            let day: CalendarDate = try row.decode("day")
            exceptions[String(day.description.prefix(7)), default: []].append(
                ExceptionDay(day: day, kind: try row.decode("kind"), name: try row.decode("name"))
            )
        }
        var rows: [[ReplyValue]] = []
        var working = 0
        var rest = 0
        var holidays = 0
        var workdays = 0
        for row in months {
            let label: String = try row.decode("month")
            let monthWorking: Int = try row.decode("working_days")
            let monthDays: Int = try row.decode("days")
            let monthHolidays: Int = try row.decode("holidays")
            let monthWorkdays: Int = try row.decode("makeup_workdays")
            working += monthWorking
            rest += monthDays - monthWorking
            holidays += monthHolidays
            workdays += monthWorkdays
            rows.append([
                .string(label), .int(Int64(monthWorking)), .int(Int64(monthDays - monthWorking)), .int(Int64(monthHolidays)),
                .int(Int64(monthWorkdays)), .list(runs(exceptions[label] ?? []).map { .string($0) }),
            ])
        }
        let period = month.map { "\(year)-\($0 < 10 ? "0" : "")\($0)" } ?? String(year)
        var summary = "\(period): \(working) working days and \(rest) rest days"
        if holidays + workdays == 0 {
            summary += "; no holidays set for \(period): load them with 'dangjianctl calendar import FILE'"
        } else {
            summary += "; \(holidays) weekday holidays and \(workdays) make-up workdays set"
        }
        return .table(
            columns: ["month", "working_days", "rest_days", "holidays", "makeup_workdays", "exceptions"], rows: rows, summary: summary
        )
    }

    /// The exceptions of one month as short texts, consecutive days of the same kind and name
    /// joined into one range when only a weekend lies between them:
    /// `10-01..10-08 holiday 国庆节`, `10-11 workday 国庆节调休上班`.
    static func runs(_ days: [ExceptionDay]) -> [String] {
        var result: [String] = []
        var index = days.startIndex
        while index < days.endIndex {
            let first = days[index]
            var last = first
            var next = index + 1
            while next < days.endIndex, days[next].kind == first.kind, days[next].name == first.name,
                onlyWeekendBetween(last.day, days[next].day)
            {
                last = days[next]
                next += 1
            }
            let range = first.day == last.day ? first.day.monthAndDay : "\(first.day.monthAndDay)..\(last.day.monthAndDay)"
            result.append("\(range) \(first.kind) \(first.name)")
            index = next
        }
        return result
    }

    /// Whether every day strictly between `earlier` and `later` is a Saturday or Sunday (true
    /// for adjacent days).
    private static func onlyWeekendBetween(_ earlier: CalendarDate, _ later: CalendarDate) -> Bool {
        let from = earlier.dayNumber
        let to = later.dayNumber
        guard to - from <= 3 else { return false }
        return (from + 1..<to).allSatisfy { number in
            let weekday = ((number + 3) % 7 + 7) % 7 + 1
            return weekday >= 6
        }
    }
}

extension CalendarCommands.Queries {
    /// Per month of `$1` (or only month `$2`): days, working days, holidays, make-up workdays.
    static let months = PostgresStatement(
        "workbench.calendar.months",
        """
        WITH bounds AS (
            SELECT make_date($1::integer, coalesce($2::integer, 1), 1) AS first_day,
                   (make_date($1::integer, coalesce($2::integer, 12), 1) + interval '1 month' - interval '1 day')::date AS last_day
        )
        SELECT to_char(g.day, 'YYYY-MM') AS month,
               count(*)::integer AS days,
               (count(*) FILTER (WHERE workbench.is_working_day(g.day::date)))::integer AS working_days,
               (count(*) FILTER (WHERE c.kind = 'holiday'))::integer AS holidays,
               (count(*) FILTER (WHERE c.kind = 'workday'))::integer AS makeup_workdays
        FROM bounds, generate_series(bounds.first_day::timestamp, bounds.last_day::timestamp, interval '1 day') AS g(day)
        LEFT JOIN workbench.calendar_days c ON c.day = g.day::date
        GROUP BY 1
        ORDER BY 1
        """
    )

    /// The exceptions of year `$1` (or only of month `$2`), in date order.
    static let exceptions = PostgresStatement(
        "workbench.calendar.exceptions",
        """
        SELECT day, kind, name FROM workbench.calendar_days
        WHERE day >= make_date($1::integer, coalesce($2::integer, 1), 1)
          AND day < make_date($1::integer, coalesce($2::integer, 12), 1) + interval '1 month'
        ORDER BY day
        """
    )
}
