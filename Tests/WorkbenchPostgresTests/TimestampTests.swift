import Foundation
import Testing
import WorkbenchPostgres

@Suite("PostgreSQL timestamp and date text")
struct TimestampTests {
    @Test(arguments: [
        ("2026-11-21 09:30:05+08", 1_795_224_605.0),
        ("2026-11-21 01:30:05+00", 1_795_224_605.0),
        ("2026-11-21T01:30:05Z", 1_795_224_605.0),
        ("2026-11-21 09:30:05.25+08", 1_795_224_605.25),
        ("2026-11-21 09:30:05.123456+08:00", 1_795_224_605.123456),
        ("2026-11-21 04:00:05+02:30", 1_795_224_605.0),
        ("1970-01-01", 0.0),
        ("2024-02-29 00:00:00-01", 1_709_168_400.0),
    ])
    func parses(text: String, expected: Double) throws {
        let date = try #require(PostgresTimestamp.parse(text))
        #expect(abs(date.timeIntervalSince1970 - expected) < 0.000_001)
    }

    @Test(arguments: ["", "2026-13-01", "2026-02-30", "2026-11-21 25:00", "2026-11-21 10:00:00.", "2026-11-21x", "21/11/2026"])
    func rejects(text: String) {
        #expect(PostgresTimestamp.parse(text) == nil)
    }

    @Test func noOffsetUsesTheDefaultZone() throws {
        let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let date = try #require(PostgresTimestamp.parse("2026-11-21 08:00", defaultTimeZone: shanghai))
        #expect(date == Date(timeIntervalSince1970: 1_795_219_200))
    }

    @Test func formatRoundTrips() throws {
        for seconds in [0.0, 1_795_224_605.5, -86_400.25, 4_102_444_800.000_001] {
            let date = Date(timeIntervalSince1970: seconds)
            let parsed = try #require(PostgresTimestamp.parse(PostgresTimestamp.format(date)))
            #expect(abs(parsed.timeIntervalSince1970 - seconds) < 0.000_002)
        }
    }

    @Test func calendarDates() {
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2025-02-29") == nil)
        #expect(CalendarDate("2026-1-5") == nil)
        #expect(CalendarDate(year: 2026, month: 1, day: 5)?.description == "2026-01-05")
        #expect(CalendarDate("2026-01-05")! < CalendarDate("2026-01-06")!)
    }
}
