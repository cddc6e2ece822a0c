import Foundation
public import WorkbenchKit
import WorkbenchPostgres

/// The working calendar's top-level commands (工作日历): `calendar set`, `calendar unset`,
/// `calendar show` and `calendar add`.
///
/// `workbench.calendar_days` lists the exceptions to "Monday–Friday work, Saturday and Sunday
/// rest": holidays on weekdays and make-up working days (调休) on weekends. The deadline
/// arithmetic is SQL (see ``WorkingCalendar``); these commands maintain the table and let
/// operators check a deadline. Loading a whole year is `calendar import`, which takes the
/// days in the rows form and applies them in one transaction (`dangjianctl calendar import
/// FILE` sends a file that way); the years China has published ship with the core's
/// migrations.
///
/// A `kind` that does not match the date's weekday (a holiday on a Saturday, a make-up
/// workday on a Monday) is refused with 422 rather than stored: it would change nothing, and
/// it is almost always a mistyped date, which a deadline would silently get wrong.
public enum CalendarCommands {
    /// Every calendar command, for the daemon's top-level command list.
    public static var all: [CommandSpec] { [set, importDays, unset, show, add] }

    /// `calendar set date= kind= name=` (admin): records a holiday or a make-up workday. Every
    /// deadline of every module depends on the one calendar, so changing it is an admin's act.
    static var set: CommandSpec {
        CommandSpec(
            "calendar set",
            synopsis: "Mark a weekday as a holiday or a weekend day as a make-up working day (调休)",
            help: """
                Monday to Friday are working days and Saturday and Sunday rest days, except for the days set here:
                kind=holiday makes a Monday–Friday a rest day (国庆节), kind=workday makes a Saturday or Sunday a
                working day (调休上班). Setting a day again renames it. A holiday on a weekend or a workday on a
                weekday would change nothing and is refused (422): check the date. Deadlines counted in working
                days (grids escalation, the property "2310" rule) follow these days from the next computation on.
                To load a year at once: calendar import (dangjianctl calendar import FILE, lines date,kind,name).
                """,
            arguments: [
                .required("date", .date, help: "The day", label: "日期"),
                .required(
                    "kind", .enumeration(["holiday", "workday"]), help: "holiday (a weekday off) or workday (a weekend day worked)", label: "类型"),
                .required("name", .string(maxLength: 50), help: "What it is, e.g. 国庆节 or 国庆节调休上班", label: "名称"),
            ],
            role: .admin,
            mutates: true,
            examples: ["calendar set date=2025-10-01 kind=holiday name=国庆节", "calendar set date=2025-10-11 kind=workday name=国庆节调休上班"]
        ) { invocation in
            try await setDay(invocation)
        }
    }

    /// `calendar unset date=` (admin): the day follows the weekday rule again.
    static var unset: CommandSpec {
        CommandSpec(
            "calendar unset",
            synopsis: "Remove a holiday or make-up working day; the day follows the weekday rule again",
            arguments: [.required("date", .date, help: "The day", label: "日期")],
            role: .admin,
            mutates: true,
            examples: ["calendar unset date=2025-10-11"]
        ) { invocation in
            let day = try invocation.arguments.date("date")
            guard let row = try await invocation.database.queryOptionalRow(Queries.unset, [day]) else {
                throw WorkbenchError.notFound(
                    "calendar.day_not_set",
                    "\(day) (\(day.weekdayName)) is neither a holiday nor a make-up workday; 'calendar show year=\(day.year)' lists those set"
                )
            }
            let kind: String = try row.decode("kind")
            return .record(
                [
                    ("date", .date(day)), ("weekday", .string(day.weekdayAbbreviation)), ("kind", .string(kind)),
                    ("name", .string(try row.decode("name", as: String.self))),
                ],
                summary: "\(day) (\(day.weekdayName)) is a \(day.isWeekend ? "rest" : "working") day again"
            )
        }
    }

    /// `calendar show year= [month=]` (viewer): working days per month and the exceptions.
    static var show: CommandSpec {
        CommandSpec(
            "calendar show",
            synopsis: "Working days per month, with the holidays and make-up working days set",
            help: """
                One row per month: its working days and rest days, how many weekday holidays and weekend make-up
                workdays are set, and those days (a run of holidays over a weekend shows as one range,
                10-01..10-08). A year with none set is most likely not imported yet.
                """,
            arguments: [
                .required("year", .int(1900...2200), help: "The year", label: "年"),
                .optional("month", .int(1...12), help: "Only this month", label: "月"),
            ],
            role: .viewer,
            examples: ["calendar show year=2025", "calendar show year=2025 month=10"]
        ) { invocation in
            try await showMonths(invocation)
        }
    }

    /// `calendar add [date=] amount= unit= [zone=]` (viewer): a deadline, as the modules compute it.
    static var add: CommandSpec {
        CommandSpec(
            "calendar add",
            synopsis: "Compute a deadline: hours, calendar days or working days after a moment",
            help: """
                The same function the modules' deadlines use (workbench.add_duration). unit=hours adds exact hours.
                unit=days and unit=working_days do not count the start day and end at 24:00 of the last day
                (shown as 00:00 of the next day), as Chinese rules count periods (民法典 第二百零一条, 行政许可法
                第八十二条): received Monday 10:00, "2个工作日内" ends with Wednesday; received on a Saturday,
                1 working day ends with Monday. amount=0 is the end of the start day (working days: of the first
                working day from it).
                """,
            arguments: [
                .optional("date", .datetime, default: "now", help: "When the clock starts", label: "起算时间"),
                .required("amount", .int(0...10_000), help: "How many units", label: "时限"),
                .required("unit", .enumeration(WorkingCalendar.Unit.allCases.map(\.rawValue)), help: "hours, days or working_days"),
                .optional("zone", .string(maxLength: 64), help: "The time zone days are counted in (default: the daemon's daemon.time_zone)"),
            ],
            role: .viewer,
            examples: [
                "calendar add date=2025-09-30T10:00 amount=2 unit=working_days",
                "calendar add amount=48 unit=hours",
                "calendar add date=2025-03-29T12:00 amount=1 unit=days zone=Europe/Berlin",
            ]
        ) { invocation in
            try await addDuration(invocation)
        }
    }

    // MARK: Handlers

    private static func setDay(_ invocation: Invocation) async throws -> Reply {
        let day = try invocation.arguments.date("date")
        let kind = try invocation.arguments.string("kind")
        let name = try checked(day: day, kind: kind, name: try invocation.arguments.string("name"))
        let previous = try await invocation.database.queryOptionalRow(Queries.current, [day]).map { try $0.decode("name", as: String.self) }
        try await invocation.database.execute(Queries.set, [day, kind, name])
        let what = kind == "holiday" ? "a holiday" : "a make-up working day"
        let fields: [(String, ReplyValue)] = [
            ("date", .date(day)), ("weekday", .string(day.weekdayAbbreviation)), ("kind", .string(kind)), ("name", .string(name)),
            ("previous_name", .string(previous)),
        ]
        guard let previous else {
            return Reply(
                status: .created, body: .record(fields.map { ReplyField(name: $0.0, value: $0.1) }),
                summary: "\(day) (\(day.weekdayName)) is now \(what): \(name)"
            )
        }
        let summary =
            previous == name
            ? "\(day) (\(day.weekdayName)) was already \(what) named \(name); nothing changed"
            : "\(day) (\(day.weekdayName)) stays \(what), renamed from \(previous) to \(name)"
        return .record(fields, summary: summary)
    }

    /// The rule of a calendar day, shared by `calendar set` and `calendar import`: a name that
    /// is not blank, a holiday on a weekday, a make-up workday on a weekend. Answers the name
    /// without surrounding blanks.
    static func checked(day: CalendarDate, kind: String, name rawName: String) throws -> String {
        let name = rawName.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            throw WorkbenchError.invalidArgument("name", "name is blank: give the day's name, e.g. 国庆节")
        }
        if kind == "holiday" && day.isWeekend {
            throw WorkbenchError.ruleRefused(
                "calendar.date_not_a_weekday",
                "\(day) is a \(day.weekdayName), a rest day already: kind=holiday marks a Monday–Friday as a rest day. "
                    + "Leave a holiday period's weekend days out; for a make-up working day use kind=workday; otherwise check the date"
            )
        }
        if kind == "workday" && !day.isWeekend {
            throw WorkbenchError.ruleRefused(
                "calendar.date_not_a_weekend",
                "\(day) is a \(day.weekdayName), a working day already: kind=workday marks a Saturday or Sunday as a make-up "
                    + "working day (调休). For a day off use kind=holiday; otherwise check the date"
            )
        }
        guard name.count <= 50 else {
            throw WorkbenchError.invalidArgument("name", "a day's name is at most 50 characters")
        }
        return name
    }

    private static func addDuration(_ invocation: Invocation) async throws -> Reply {
        let start = try invocation.arguments.datetime("date")
        let amount = try invocation.arguments.int("amount")
        let unit = try invocation.arguments.string("unit")
        let zone = invocation.arguments.optionalString("zone") ?? invocation.timeZone.identifier
        guard TimeZone(identifier: zone) != nil else {
            throw WorkbenchError.invalidArgument("zone", "zone=\"\(zone)\" is not a time zone name such as Asia/Shanghai or Europe/Berlin")
        }
        let row = try await invocation.database.query(Queries.add, [start, amount, unit, zone]).single()
        let deadline: Date = try row.decode("deadline")
        let local: String = try row.decode("deadline_local")
        let lastDay: CalendarDate? = try row.decode("last_day")
        var fields: [(String, ReplyValue)] = [
            ("start", .timestamp(start)), ("amount", .int(amount)), ("unit", .string(unit)), ("zone", .string(zone)),
            ("deadline", .timestamp(deadline)), ("deadline_local", .string(local)), ("last_day", .date(lastDay)),
        ]
        fields.append(("last_day_weekday", .string(lastDay?.weekdayAbbreviation)))
        let summary =
            if let lastDay {
                "deadline \(local) \(zone): the end of \(lastDay.weekdayName) \(lastDay)"
            } else {
                "deadline \(local) \(zone)"
            }
        return .record(fields, summary: summary)
    }

    enum Queries {
        static let current = PostgresStatement(
            "workbench.calendar.current",
            "SELECT name FROM workbench.calendar_days WHERE day = $1::date FOR UPDATE"
        )
        static let set = PostgresStatement(
            "workbench.calendar.set",
            """
            INSERT INTO workbench.calendar_days (day, kind, name) VALUES ($1::date, $2, $3)
            ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, updated_at = now()
            """
        )
        /// Sets the days `$1` (dates as text), kinds `$2` and names `$3` in one statement;
        /// answers one row per day added or changed (`added` true for a new one).
        static let importDays = PostgresStatement(
            "workbench.calendar.import",
            """
            INSERT INTO workbench.calendar_days AS c (day, kind, name)
            SELECT d::date, k, n FROM unnest($1::text[], $2::text[], $3::text[]) AS t(d, k, n)
            ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, updated_at = now()
                WHERE (c.kind, c.name) IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.name)
            RETURNING (xmax = 0) AS added
            """
        )
        static let unset = PostgresStatement(
            "workbench.calendar.unset",
            "DELETE FROM workbench.calendar_days WHERE day = $1::date RETURNING kind, name"
        )
        static let add = PostgresStatement(
            "workbench.calendar.add",
            """
            SELECT d.deadline,
                   to_char(d.deadline AT TIME ZONE $4::text, 'YYYY-MM-DD"T"HH24:MI:SS') AS deadline_local,
                   CASE WHEN $3::text = 'hours' THEN NULL
                        ELSE ((d.deadline AT TIME ZONE $4::text) - interval '1 day')::date END AS last_day
            FROM (SELECT workbench.add_duration($1::timestamptz, $2::integer, $3::text, $4::text) AS deadline) AS d
            """
        )
    }
}
