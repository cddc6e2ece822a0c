import Foundation
import Testing
import WorkbenchControl
import WorkbenchKit
import WorkbenchPostgres
import WorkbenchTestSupport

@Suite("The working calendar: deadline arithmetic in SQL and the calendar commands")
struct CalendarTests {
    /// The shipped 2025 calendar (config/calendar/2025-cn.csv), as `calendar set` lines.
    static func shippedCalendarRequests() throws -> [String] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("config/calendar/2025-cn.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: ",", maxSplits: 2).map(String.init)
            guard !line.hasPrefix("#"), fields.count == 3, fields[0] != "date" else { return nil }
            return "calendar set date=\(fields[0]) kind=\(fields[1]) name=\(CommandLineTokenizer.quote(fields[2]))"
        }
    }

    /// Runs `body` on a fresh database, which holds the shipped 2025 calendar by itself: every
    /// line of config/calendar/2025-cn.csv is already there (setting it again changes nothing).
    static func with2025(_ body: (DispatcherHarness) async throws -> Void) async throws {
        try await DispatcherHarness.with { (harness: DispatcherHarness) async throws in
            let requests = try shippedCalendarRequests()
            #expect(requests.count == 23)
            #expect(try await harness.count("SELECT count(*) FROM workbench.calendar_days WHERE day < '2026-01-01'") == 23)
            for request in requests {
                let reply = await harness.send(request, as: DispatcherHarness.admin)
                #expect(DispatcherHarness.status(reply) == 200 && reply.hasSuffix("nothing changed\n"), "\(request) → \(reply)")
            }
            try await body(harness)
        }
    }

    /// One `workbench.add_duration` case: start (ISO 8601 with offset), amount, unit, zone,
    /// and the expected deadline (ISO 8601 with offset).
    struct DeadlineCase: Sendable, CustomStringConvertible {
        var start: String
        var amount: Int
        var unit: String
        var zone: String = "Asia/Shanghai"
        var expected: String
        var why: String

        var description: String { "\(start) + \(amount) \(unit) in \(zone) (\(why))" }
    }

    static let deadlineCases: [DeadlineCase] = [
        // Golden Week 2025: Oct 1–8 off (Oct 4–5 a weekend anyway), Sunday Sep 28 and Saturday Oct 11 worked.
        .init(
            start: "2025-09-26T10:00:00+08:00", amount: 1, unit: "working_days", expected: "2025-09-29T00:00:00+08:00",
            why: "Friday + 1: the make-up Sunday Sep 28 is the first working day"),
        .init(
            start: "2025-09-26T10:00:00+08:00", amount: 2, unit: "working_days", expected: "2025-09-30T00:00:00+08:00",
            why: "Friday + 2: Sep 28 (Sun, worked), Sep 29"),
        .init(
            start: "2025-09-30T10:00:00+08:00", amount: 1, unit: "working_days", expected: "2025-10-10T00:00:00+08:00",
            why: "the eve of Golden Week + 1: the whole week is skipped, the end of Thursday Oct 9"),
        .init(
            start: "2025-09-30T23:59:59+08:00", amount: 1, unit: "working_days", expected: "2025-10-10T00:00:00+08:00",
            why: "the time of day does not matter for day units"),
        .init(
            start: "2025-09-30T10:00:00+08:00", amount: 3, unit: "working_days", expected: "2025-10-12T00:00:00+08:00",
            why: "Oct 9, Oct 10, and the make-up Saturday Oct 11"),
        .init(
            start: "2025-09-30T10:00:00+08:00", amount: 4, unit: "working_days", expected: "2025-10-14T00:00:00+08:00",
            why: "then Sunday Oct 12 is a rest day: Monday Oct 13"),
        .init(
            start: "2025-10-03T15:00:00+08:00", amount: 1, unit: "working_days", expected: "2025-10-10T00:00:00+08:00",
            why: "a start on a holiday counts from the first working day after it"),
        .init(
            start: "2025-10-03T15:00:00+08:00", amount: 0, unit: "working_days", expected: "2025-10-10T00:00:00+08:00",
            why: "0 working days on a holiday: the end of the next working day"),
        .init(
            start: "2025-10-11T09:00:00+08:00", amount: 0, unit: "working_days", expected: "2025-10-12T00:00:00+08:00",
            why: "0 working days on a make-up Saturday: that day is a working day"),
        .init(
            start: "2025-10-11T09:00:00+08:00", amount: 1, unit: "working_days", expected: "2025-10-14T00:00:00+08:00",
            why: "a start on a make-up Saturday: Sunday rests, Monday Oct 13"),
        .init(
            start: "2025-09-28T09:00:00+08:00", amount: 2, unit: "working_days", expected: "2025-10-01T00:00:00+08:00",
            why: "a start on the make-up Sunday: Sep 29, Sep 30"),
        .init(
            start: "2025-10-18T10:00:00+08:00", amount: 1, unit: "working_days", expected: "2025-10-21T00:00:00+08:00",
            why: "an ordinary Saturday + 1: Monday"),
        .init(
            start: "2025-11-14T10:00:00+08:00", amount: 5, unit: "working_days", expected: "2025-11-22T00:00:00+08:00",
            why: "no exceptions: five weekdays, the end of the next Friday"),
        // Spring Festival and Labour Day 2025.
        .init(
            start: "2025-01-24T10:00:00+08:00", amount: 1, unit: "working_days", expected: "2025-01-27T00:00:00+08:00",
            why: "Friday before the Spring Festival + 1: the make-up Sunday Jan 26"),
        .init(
            start: "2025-01-24T10:00:00+08:00", amount: 3, unit: "working_days", expected: "2025-02-06T00:00:00+08:00",
            why: "Jan 26, Jan 27, then Jan 28–Feb 4 off: Wednesday Feb 5"),
        .init(
            start: "2025-04-30T18:00:00+08:00", amount: 1, unit: "working_days", expected: "2025-05-07T00:00:00+08:00",
            why: "Labour Day: May 1–5 off, Tuesday May 6"),
        // The local date decides: 01:00 on Saturday in Shanghai is still Friday in UTC.
        .init(
            start: "2025-09-26T17:00:00Z", amount: 1, unit: "working_days", expected: "2025-09-29T00:00:00+08:00",
            why: "Saturday 01:00 in Shanghai + 1: the make-up Sunday"),
        .init(
            start: "2025-09-26T17:00:00Z", amount: 1, unit: "working_days", zone: "UTC", expected: "2025-09-29T00:00:00Z",
            why: "the same instant is Friday in UTC: Sep 28 as well, ending at midnight UTC"),
        // Hours: a clock, holidays and days do not matter.
        .init(
            start: "2025-09-30T10:00:00+08:00", amount: 48, unit: "hours", expected: "2025-10-02T10:00:00+08:00",
            why: "48 hours run through holidays"),
        .init(
            start: "2025-12-31T22:00:00+08:00", amount: 3, unit: "hours", expected: "2026-01-01T01:00:00+08:00",
            why: "across the new year"),
        .init(
            start: "2025-03-29T12:00:00+08:00", amount: 24, unit: "hours", expected: "2025-03-30T12:00:00+08:00",
            why: "Asia/Shanghai has no daylight saving: 24 hours is the same time next day"),
        .init(
            start: "2025-09-30T10:00:00+08:00", amount: 0, unit: "hours", expected: "2025-09-30T10:00:00+08:00",
            why: "0 hours is the start"),
        // Calendar days: the start day not counted, the end of the last day.
        .init(
            start: "2025-09-30T10:00:00+08:00", amount: 2, unit: "days", expected: "2025-10-03T00:00:00+08:00",
            why: "2 calendar days run through holidays: the end of Oct 2"),
        .init(
            start: "2025-09-30T10:00:00+08:00", amount: 0, unit: "days", expected: "2025-10-01T00:00:00+08:00",
            why: "0 days: the end of the start day"),
        .init(
            start: "2025-02-27T12:00:00+08:00", amount: 1, unit: "days", expected: "2025-03-01T00:00:00+08:00",
            why: "the end of February 28 in a common year"),
        .init(
            start: "2025-03-29T12:00:00+08:00", amount: 1, unit: "days", expected: "2025-03-31T00:00:00+08:00",
            why: "Shanghai: the end of March 30"),
        // Another zone, across the spring-forward night of 2025-03-30 (02:00 → 03:00).
        .init(
            start: "2025-03-29T12:00:00+01:00", amount: 24, unit: "hours", zone: "Europe/Berlin",
            expected: "2025-03-30T13:00:00+02:00", why: "Berlin: 24 hours later it is 13:00 summer time"),
        .init(
            start: "2025-03-29T12:00:00+01:00", amount: 1, unit: "days", zone: "Europe/Berlin",
            expected: "2025-03-31T00:00:00+02:00", why: "Berlin: the end of the 23-hour March 30"),
        .init(
            start: "2025-03-28T12:00:00+01:00", amount: 1, unit: "working_days", zone: "Europe/Berlin",
            expected: "2025-04-01T00:00:00+02:00", why: "Berlin: Friday + 1 working day, the end of Monday"),
    ]

    @Test func addDurationFollowsTheCalendar() async throws {
        try await Self.with2025 { harness in
            for item in Self.deadlineCases {
                let start = try #require(PostgresTimestamp.parse(item.start), "\(item)")
                let expected = try #require(PostgresTimestamp.parse(item.expected), "\(item)")
                let deadline = try await harness.pool.withConnection { session in
                    try await session.query(
                        PostgresStatement(unnamed: "SELECT workbench.add_duration($1::timestamptz, $2, $3, $4)"),
                        [start, item.amount, item.unit, item.zone]
                    ).single().decode(at: 0, as: Date.self)
                }
                #expect(deadline == expected, "\(item): got \(PostgresTimestamp.format(deadline))")
            }
        }
    }

    @Test func theZoneDefaultsToTheSessionsAndTheSwiftAPIAgrees() async throws {
        try await Self.with2025 { harness in
            let start = try #require(PostgresTimestamp.parse("2025-09-30T10:00:00+08:00"))
            try await harness.pool.withConnection { session in
                // The daemon's sessions run in daemon.time_zone; the test pool's in Asia/Shanghai.
                let implicit = try await session.query(
                    PostgresStatement(unnamed: "SELECT workbench.add_duration($1::timestamptz, 1, 'working_days')"), [start]
                ).single().decode(at: 0, as: Date.self)
                #expect(implicit == PostgresTimestamp.parse("2025-10-10T00:00:00+08:00"))
                let viaSwift = try await WorkingCalendar.deadline(
                    from: start, adding: 1, .workingDays, timeZone: TimeZone(identifier: "Asia/Shanghai")!, on: session
                )
                #expect(viaSwift == implicit)
                let golden = try await WorkingCalendar.workingDays(
                    from: CalendarDate("2025-09-26")!, to: CalendarDate("2025-10-11")!, on: session
                )
                #expect(golden == 6)
                #expect(try await WorkingCalendar.isWorkingDay(CalendarDate("2025-10-11")!, on: session))
                #expect(try await WorkingCalendar.isWorkingDay(CalendarDate("2025-10-08")!, on: session) == false)
            }
        }
    }

    @Test func wrongAmountsAndUnitsAreErrors() async throws {
        try await DispatcherHarness.with { (harness: DispatcherHarness) async throws in
            for (amount, unit) in [(-1, "hours"), (1, "weeks"), (-2, "working_days")] {
                await #expect(throws: PostgresError.self, "\(amount) \(unit)") {
                    try await harness.pool.withConnection { session in
                        try await session.query(
                            PostgresStatement(unnamed: "SELECT workbench.add_duration(now(), $1, $2)"), [amount, unit]
                        )
                    }
                }
            }
            // NULLs give NULL (STRICT): a clock that has not started has no deadline.
            let null = try await harness.pool.withConnection { session in
                try await session.query(
                    PostgresStatement(unnamed: "SELECT workbench.add_duration(NULL, 2, 'working_days')")
                ).single().decode(at: 0, as: Date?.self)
            }
            #expect(null == nil)
        }
    }

    /// Against a day-by-day count: every start day of 2025 (and around it), every amount up
    /// to 25, both directions of working_days_between.
    @Test func workingDayArithmeticAgreesWithCountingDayByDay() async throws {
        try await Self.with2025 { harness in
            let mismatches = try await harness.count(
                """
                WITH days AS (
                    SELECT d::date AS day, workbench.is_working_day(d::date) AS working
                    FROM generate_series(DATE '2024-12-01', DATE '2026-03-31', interval '1 day') AS d
                )
                SELECT count(*) FROM days AS s, generate_series(0, 25) AS n
                WHERE s.day <= DATE '2025-12-31'
                  AND workbench.add_working_days(s.day, n) IS DISTINCT FROM (
                      CASE WHEN n = 0 THEN (SELECT min(x.day) FROM days x WHERE x.day >= s.day AND x.working)
                           ELSE (SELECT x.day FROM days x WHERE x.day > s.day AND x.working ORDER BY x.day OFFSET n - 1 LIMIT 1)
                      END)
                """
            )
            #expect(mismatches == 0)
            let betweenMismatches = try await harness.count(
                """
                WITH days AS (
                    SELECT d::date AS day, workbench.is_working_day(d::date) AS working
                    FROM generate_series(DATE '2025-09-01', DATE '2025-11-15', interval '1 day') AS d
                )
                SELECT count(*) FROM days a, days b
                WHERE workbench.working_days_between(a.day, b.day) <> CASE
                    WHEN b.day >= a.day THEN (SELECT count(*) FROM days x WHERE x.day > a.day AND x.day <= b.day AND x.working)
                    ELSE -(SELECT count(*) FROM days x WHERE x.day > b.day AND x.day <= a.day AND x.working) END
                """
            )
            #expect(betweenMismatches == 0)
            let workingDays2025 = try await harness.count(
                "SELECT workbench.working_days_between(DATE '2024-12-31', DATE '2025-12-31')"
            )
            #expect(workingDays2025 == 248)
        }
    }

    @Test func setRenamesUnsetRemovesAndTheRulesAreChecked() async throws {
        try await DispatcherHarness.with { (harness: DispatcherHarness) async throws in
            let admin = DispatcherHarness.admin
            let created = ReplyText(await harness.send("calendar set date=2027-10-01 kind=holiday name=国庆节", as: admin))
            #expect(created.status == 201)
            #expect(created.field("weekday") == "Fri")
            #expect(created.summary == "2027-10-01 (Friday) is now a holiday: 国庆节")
            let same = ReplyText(await harness.send("calendar set date=2027-10-01 kind=holiday name=国庆节", as: admin))
            #expect(same.status == 200)
            #expect(same.summary.hasSuffix("nothing changed"))
            let renamed = ReplyText(await harness.send(#"calendar set date=2027-10-01 kind=holiday name="国庆节 中秋节""#, as: admin))
            #expect(renamed.status == 200)
            #expect(renamed.field("previous_name") == "国庆节")
            #expect(try await harness.count("SELECT count(*) FROM workbench.calendar_days WHERE name = '国庆节 中秋节'") == 1)

            // A kind that does not fit the weekday changes nothing and says why.
            let weekendHoliday = ReplyText(await harness.send("calendar set date=2027-10-02 kind=holiday name=国庆节", as: admin))
            #expect(weekendHoliday.status == 422)
            #expect(weekendHoliday.summary.hasPrefix("calendar.date_not_a_weekday: 2027-10-02 is a Saturday, a rest day already"))
            let weekdayWorkday = ReplyText(await harness.send("calendar set date=2027-09-27 kind=workday name=调休", as: admin))
            #expect(weekdayWorkday.status == 422)
            #expect(weekdayWorkday.summary.hasPrefix("calendar.date_not_a_weekend: 2027-09-27 is a Monday, a working day already"))
            #expect(try await harness.count("SELECT count(*) FROM workbench.calendar_days WHERE day >= '2027-01-01'") == 1)
            #expect(
                try await harness.count(
                    "SELECT count(*) FROM workbench.audit_log WHERE module = '' AND command = 'calendar set' AND reply_status = 422"
                ) == 2
            )

            // Arguments, roles.
            #expect(await harness.send("calendar set date=2027-02-30 kind=holiday name=x").hasPrefix("400 argument.invalid: date="))
            #expect(await harness.send("calendar set date=2027-10-04 kind=rest name=x").hasPrefix("400 argument.invalid: kind="))
            let blank = await harness.send(#"calendar set date=2027-10-04 kind=holiday name=" ""#)
            #expect(blank.hasPrefix("400 argument.invalid: name=") && blank.contains("not only blanks"), "\(blank)")
            #expect(await harness.send("calendar set date=2027-10-04 kind=holiday").hasPrefix("400 argument.missing: missing argument name"))
            // Every deadline depends on the one calendar: changing it is an admin's act.
            let viewer = await harness.send("calendar set date=2027-10-04 kind=holiday name=x", as: DispatcherHarness.viewer)
            #expect(viewer.hasPrefix("403 access.denied: 'calendar set' needs role admin"))
            let operatorCaller = await harness.send("calendar set date=2027-10-04 kind=holiday name=x", as: DispatcherHarness.operatorCaller)
            #expect(operatorCaller.hasPrefix("403 access.denied: 'calendar set' needs role admin"))
            #expect(DispatcherHarness.status(await harness.send("calendar unset date=2027-10-01", as: DispatcherHarness.operatorCaller)) == 403)

            // Unset, twice.
            let removed = ReplyText(await harness.send("calendar unset date=2027-10-01", as: admin))
            #expect(removed.status == 200)
            #expect(removed.summary == "2027-10-01 (Friday) is a working day again")
            let again = ReplyText(await harness.send("calendar unset date=2027-10-01", as: admin))
            #expect(again.status == 404)
            #expect(again.summary.hasPrefix("calendar.day_not_set: 2027-10-01 (Friday) is neither a holiday nor a make-up workday"))
            #expect(DispatcherHarness.status(await harness.send("calendar unset date=2027-10-01", as: DispatcherHarness.viewer)) == 403)
        }
    }

    @Test func showCountsWorkingDaysPerMonthAndListsTheExceptions() async throws {
        try await Self.with2025 { harness in
            let year = ReplyText(await harness.send("calendar show year=2025", as: DispatcherHarness.viewer))
            #expect(year.status == 200)
            #expect(year.column("month").count == 12)
            #expect(year.column("working_days") == ["19", "19", "21", "22", "19", "20", "23", "21", "23", "18", "20", "23"])
            #expect(year.summary == "2025: 248 working days and 117 rest days; 18 weekday holidays and 5 make-up workdays set")
            let october = try #require(year.rows.first { $0["month"] == "2025-10" })
            #expect(october["exceptions"] == "10-01..10-08 holiday 国庆节中秋节,10-11 workday 国庆节中秋节调休上班")
            #expect(october["holidays"] == "6")
            #expect(october["makeup_workdays"] == "1")
            let january = try #require(year.rows.first { $0["month"] == "2025-01" })
            #expect(january["exceptions"] == "01-01 holiday 元旦,01-26 workday 春节调休上班,01-28..01-31 holiday 春节")

            let month = ReplyText(await harness.send("calendar show year=2025 month=5", as: DispatcherHarness.viewer))
            #expect(month.column("month") == ["2025-05"])
            #expect(month.column("exceptions") == ["05-01..05-05 holiday 劳动节"])
            #expect(month.summary.hasPrefix("2025-05: 19 working days and 12 rest days"))

            let empty = ReplyText(await harness.send("calendar show year=2027", as: DispatcherHarness.viewer))
            #expect(empty.status == 200)
            #expect(empty.summary.hasSuffix("no holidays set for 2027: load them with 'dangjianctl calendar import FILE'"))
            #expect(await harness.send("calendar show year=2025 month=13").hasPrefix("400 argument.invalid: month="))
        }
    }

    @Test func addAnswersTheDeadline() async throws {
        try await Self.with2025 { harness in
            let reply = ReplyText(
                await harness.send("calendar add date=2025-09-30T10:00 amount=1 unit=working_days", as: DispatcherHarness.viewer)
            )
            #expect(reply.status == 200)
            #expect(reply.field("deadline") == "2025-10-10T00:00:00+08:00")
            #expect(reply.field("last_day") == "2025-10-09")
            #expect(reply.field("last_day_weekday") == "Thu")
            #expect(reply.summary == "deadline 2025-10-10T00:00:00 Asia/Shanghai: the end of Thursday 2025-10-09")

            let hours = ReplyText(await harness.send("calendar add date=2025-09-30T10:00 amount=48 unit=hours", as: DispatcherHarness.viewer))
            #expect(hours.field("deadline") == "2025-10-02T10:00:00+08:00")
            #expect(hours.field("last_day") == "")
            #expect(hours.summary == "deadline 2025-10-02T10:00:00 Asia/Shanghai")

            let berlin = ReplyText(
                await harness.send("calendar add date=2025-03-29T12:00+01:00 amount=1 unit=days zone=Europe/Berlin", as: DispatcherHarness.viewer)
            )
            #expect(berlin.field("deadline_local") == "2025-03-31T00:00:00")
            #expect(berlin.field("deadline") == "2025-03-31T06:00:00+08:00")

            let zone = await harness.send("calendar add amount=1 unit=days zone=Mars/Olympus", as: DispatcherHarness.viewer)
            #expect(zone.hasPrefix("400 argument.invalid: zone=\"Mars/Olympus\" is not a time zone name"))
            #expect(await harness.send("calendar add amount=-1 unit=days").hasPrefix("400 argument.invalid: amount="))
            #expect(await harness.send("calendar add amount=1 unit=weeks").hasPrefix("400 argument.invalid: unit="))
            #expect(await harness.send("calendar add amount=1 unit=days", as: DispatcherHarness.stranger).hasPrefix("403 "))
        }
    }

    @Test func aYearImportsInOneTransactionThroughTheRowsForm() async throws {
        try await DispatcherHarness.with { (harness: DispatcherHarness) async throws in
            let header = "date\tkind\tname"
            // One bad row (a holiday on a Saturday) refuses the whole import, naming the row.
            let refused = await harness.send(
                "calendar import", rows: [header, "2027-10-01\tholiday\t国庆节", "2027-10-02\tholiday\t国庆节", "2027-10-09\tworkday\t调休"]
            )
            #expect(refused.hasPrefix("422 calendar.date_not_a_weekday: row 2, column date: 2027-10-02 is a Saturday"), "\(refused)")
            #expect(try await harness.count("SELECT count(*) FROM workbench.calendar_days WHERE day >= '2027-01-01'") == 0)
            let twice = await harness.send("calendar import", rows: [header, "2027-10-01\tholiday\ta", "2027-10-01\tholiday\tb"])
            #expect(twice.hasPrefix("400 argument.invalid: row 2, column date: 2027-10-01 is also row 1"), "\(twice)")
            let badDate = await harness.send("calendar import", rows: ["name\tdate\tkind", "国庆节\t2027-13-01\tholiday"])
            #expect(badDate.hasPrefix("400 argument.invalid: row 1, column date: \"2027-13-01\" is not a date"), "\(badDate)")

            // Columns in any order; all rows in one statement.
            let imported = await harness.send(
                "calendar import", rows: ["name\tkind\tdate", "国庆节\tholiday\t2027-10-01", "国庆节\tholiday\t2027-10-04", "调休\tworkday\t2027-10-09"]
            )
            #expect(imported.hasSuffix("200 imported 3 days of 2027: 3 added, 0 changed, 0 unchanged\n"), "\(imported)")
            let again = await harness.send("calendar import", rows: ["date\tkind\tname", "2027-10-01\tholiday\t国庆节", "2027-10-04\tholiday\t国庆"])
            #expect(again.hasSuffix("200 imported 2 days of 2027: 0 added, 1 changed, 1 unchanged\n"), "\(again)")
            // One audit row for the import.
            #expect(try await harness.count("SELECT count(*) FROM workbench.audit_log WHERE command = 'calendar import' AND reply_status < 300") == 2)

            // The form is the command's: rows for a command that takes none, none for one that needs them.
            let missing = await harness.send("calendar import")
            #expect(missing.hasPrefix("400 rows.missing: 'calendar import' reads rows: end the line with <<N"), "\(missing)")
            let unexpected = await harness.send("calendar show year=2027", rows: ["date"])
            #expect(unexpected.hasPrefix("400 rows.unexpected:"), "\(unexpected)")
            #expect(
                DispatcherHarness.status(
                    await harness.send("calendar import", rows: [header, "2027-10-05\tholiday\tx"], as: DispatcherHarness.viewer)) == 403)
        }
    }
}
