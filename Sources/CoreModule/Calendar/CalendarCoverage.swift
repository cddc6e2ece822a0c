public import Foundation
public import WorkbenchPostgres

/// Whether the working calendar knows this year's and next year's holidays.
///
/// A year with no holiday at all counts 元旦, 春节 and 国庆 as working days, and every deadline
/// across them comes out days too early; nothing else would tell. `status` shows this, and the
/// daemon logs a warning at start-up while a year is missing.
public struct CalendarCoverage: Sendable, Equatable {
    /// The year of today, in the daemon's zone.
    public var year: Int
    /// Holidays set in ``year``.
    public var holidaysThisYear: Int
    /// Holidays set in the year after.
    public var holidaysNextYear: Int

    /// The years with no holiday set.
    public var missingYears: [Int] {
        (holidaysThisYear == 0 ? [year] : []) + (holidaysNextYear == 0 ? [year + 1] : [])
    }

    /// The `status` line: `2026: 19 holidays, 2027: none set (…)`.
    public var summary: String {
        func part(_ year: Int, _ count: Int) -> String { count == 0 ? "\(year): none set" : "\(year): \(count) holidays" }
        let text = part(year, holidaysThisYear) + ", " + part(year + 1, holidaysNextYear)
        return missingYears.isEmpty ? text : text + " (" + Self.advice(missingYears) + ")"
    }

    /// What to do about the missing years.
    public static func advice(_ years: [Int]) -> String {
        let list = years.map(String.init).joined(separator: " and ")
        return "deadlines in \(list) count public holidays as working days; "
            + "import the State Council's notice with 'dangjianctl calendar import config/calendar/<year>-cn.csv'"
    }

    /// Reads the counts for the year containing `now` in `timeZone`.
    public static func read(now: Date, timeZone: TimeZone, on session: PostgresSession) async throws -> CalendarCoverage {
        let year = CalendarDate(containing: now, in: timeZone).year
        let row = try await session.query(query, [Int64(year)]).single()
        return CalendarCoverage(
            year: year, holidaysThisYear: try row.decode("this_year", as: Int.self), holidaysNextYear: try row.decode("next_year", as: Int.self)
        )
    }

    static let query = PostgresStatement(
        "workbench.calendar.coverage",
        """
        SELECT count(*) FILTER (WHERE day >= make_date($1::int, 1, 1) AND day < make_date($1::int + 1, 1, 1))::int AS this_year,
               count(*) FILTER (WHERE day >= make_date($1::int + 1, 1, 1))::int AS next_year
        FROM workbench.calendar_days
        WHERE kind = 'holiday' AND day >= make_date($1::int, 1, 1) AND day < make_date($1::int + 2, 1, 1)
        """
    )
}
