public import Foundation
public import WorkbenchPostgres

/// The working calendar (工作日历) every module computes deadlines from: Monday to Friday are
/// working days, Saturday and Sunday rest days, except for the days listed in
/// `workbench.calendar_days` (holidays on weekdays, make-up working days 调休 on weekends),
/// which operators maintain with `calendar set|unset` and `dangjianctl calendar import`.
///
/// The arithmetic lives in SQL functions of the core's schema (migration
/// `0002_working_calendar.sql` of WorkbenchControl), so module queries can use it directly:
///
/// ```sql
/// INSERT INTO grids.case_clocks (case_id, level, due_at)
/// VALUES ($1, $2, workbench.add_duration($3, $4, $5))   -- $5: 'hours' | 'days' | 'working_days'
/// ```
///
/// - `workbench.add_duration(start timestamptz, amount integer, unit text, zone text)`: the
///   deadline. `hours` adds exact hours; `days` and `working_days` end at 24:00 (returned as
///   00:00 of the next day) of the `amount`-th calendar or working day after the start's local
///   date, the start day not counted, as 民法典 第二百零一条 and 行政许可法 第八十二条 count
///   periods: received Monday, "2个工作日内" ends with Wednesday.
/// - `workbench.add_working_days(from_day date, amount integer)`: the `amount`-th working day
///   after a day.
/// - `workbench.working_days_between(from_day date, to_day date)`: working days in
///   `(from_day, to_day]`.
/// - `workbench.is_working_day(on_day date)`.
///
/// This type runs them for Swift callers that need one value (a deadline when a clock starts).
public enum WorkingCalendar {
    /// How a deadline's amount is counted; the raw values are the SQL functions' `unit` words.
    public enum Unit: String, CaseIterable, Sendable, CustomStringConvertible {
        /// Elapsed hours (a clock).
        case hours
        /// Calendar days, the start day not counted; the deadline is the end of the last day.
        case days
        /// Working days, the start day not counted; the deadline is the end of the last day.
        case workingDays = "working_days"

        /// The word used in configuration, commands and SQL (`working_days`).
        public var description: String { rawValue }
    }

    /// The deadline `amount` `unit`s after `start`, days taken in `timeZone`
    /// (`workbench.add_duration`).
    ///
    /// - Parameter amount: 0 or more.
    public static func deadline(
        from start: Date, adding amount: Int, _ unit: Unit, timeZone: TimeZone, on session: PostgresSession
    ) async throws -> Date {
        try await session.query(Queries.deadline, [start, amount, unit.rawValue, timeZone.identifier]).single()
            .decode(at: 0, as: Date.self)
    }

    /// The number of working days in `(from, to]`: the first day is not counted, the last is;
    /// negative when `to` is earlier than `from` (`workbench.working_days_between`).
    public static func workingDays(from: CalendarDate, to: CalendarDate, on session: PostgresSession) async throws -> Int {
        try await session.query(Queries.workingDaysBetween, [from, to]).single().decode(at: 0, as: Int.self)
    }

    /// Whether `day` is a working day (`workbench.is_working_day`).
    public static func isWorkingDay(_ day: CalendarDate, on session: PostgresSession) async throws -> Bool {
        try await session.query(Queries.isWorkingDay, [day]).single().decode(at: 0, as: Bool.self)
    }

    /// The calendar's statements (listed with the core module's, which prepares them in a test).
    package enum Queries {
        /// The deadline `$2` units of `$3` after `$1`, in zone `$4`.
        package static let deadline = PostgresStatement(
            "workbench.calendar.deadline",
            "SELECT workbench.add_duration($1::timestamptz, $2::integer, $3::text, $4::text)"
        )
        /// The working days from `$1` to `$2`.
        package static let workingDaysBetween = PostgresStatement(
            "workbench.calendar.working_days_between",
            "SELECT workbench.working_days_between($1::date, $2::date)"
        )
        /// Whether `$1` is a working day.
        package static let isWorkingDay = PostgresStatement(
            "workbench.calendar.is_working_day",
            "SELECT workbench.is_working_day($1::date)"
        )
    }
}
