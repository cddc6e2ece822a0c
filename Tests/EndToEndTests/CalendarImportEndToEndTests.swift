import Foundation
import Testing

/// `dangjianctl calendar import` with the shipped calendar file and the real daemon.
@Suite("dangjianctl calendar import against the real daemon", .serialized)
struct CalendarImportEndToEndTests {
    private var client: String { DaemonUnderTest.binDirectory + "/dangjianctl" }

    private static let shippedCalendar = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("config/calendar/2025-cn.csv").path

    @Test func theShippedYearImportsAndBadLinesAreNamed() async throws {
        let daemon = try await DaemonUnderTest.start()
        let socket = ["--socket", daemon.socketPath]

        // A new database holds the shipped years already: importing one changes nothing, and
        // that is not an error.
        let imported = try await DaemonUnderTest.runTool(client, socket + ["calendar", "import", Self.shippedCalendar])
        #expect(imported.status == 0, "\(imported.error)")
        #expect(imported.output.contains("2025-cn.csv: imported 23 days of 2025: 0 added, 0 changed, 23 unchanged"), "\(imported.output)")

        // status says which years the calendar knows; a year with no holidays is called out.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let year = calendar.component(.year, from: Date())
        let status = try await DaemonUnderTest.runTool(client, socket + ["--raw", "status"])
        let line = try #require(status.output.split(separator: "\n").first { $0.hasPrefix("200-calendar: ") }, "\(status.output)")
        #expect(line.contains("\(year): "))
        if ![2025, 2026].contains(year + 1) {
            #expect(line.contains("\(year + 1): none set (deadlines in"), "\(line)")
        }

        let october = try await DaemonUnderTest.runTool(client, socket + ["--raw", "calendar", "show", "year=2025", "month=10"])
        #expect(october.output.contains("200-2025-10\t18\t13\t6\t1\t"))
        let deadline = try await DaemonUnderTest.runTool(
            client, socket + ["calendar", "add", "date=2025-09-30T10:00", "amount=1", "unit=working_days"]
        )
        #expect(deadline.output.contains("deadline 2025-10-10T00:00:00 Asia/Shanghai: the end of Thursday 2025-10-09"))

        // A malformed line: nothing is sent.
        let malformed = daemon.directory + "/malformed.csv"
        try "date,kind,name\n2027-10-01,holiday,国庆节\n2027-10-0x,holiday,国庆节\n".write(toFile: malformed, atomically: true, encoding: .utf8)
        let refusedFile = try await DaemonUnderTest.runTool(client, socket + ["calendar", "import", malformed])
        #expect(refusedFile.status == 1)
        #expect(refusedFile.error.contains("malformed.csv:3: \"2027-10-0x\" is not a date as YYYY-MM-DD"))
        let unchanged = try await DaemonUnderTest.runTool(client, socket + ["--raw", "calendar", "show", "year=2027", "month=10"])
        #expect(unchanged.output.contains("no holidays set for 2027-10"))

        // A weekend holiday: refused by the daemon with its line, and nothing imported (one
        // transaction).
        let weekend = daemon.directory + "/weekend.csv"
        try "# 2027\n2027-10-01,holiday,国庆节\n2027-10-02,holiday,国庆节\n".write(toFile: weekend, atomically: true, encoding: .utf8)
        let refusedLine = try await DaemonUnderTest.runTool(client, socket + ["calendar", "import", weekend])
        #expect(refusedLine.status == 1)
        #expect(
            refusedLine.error.contains("weekend.csv:3: calendar.date_not_a_weekday: column date: 2027-10-02 is a Saturday"), "\(refusedLine.error)")
        #expect(refusedLine.error.contains("(422); nothing was imported"))
        let stillUnchanged = try await DaemonUnderTest.runTool(client, socket + ["--raw", "calendar", "show", "year=2027", "month=10"])
        #expect(stillUnchanged.output.contains("no holidays set for 2027-10"), "\(stillUnchanged.output)")
        // Corrected, the file goes in at once.
        try "# 2027\n2027-10-01,holiday,国庆节\n2027-10-04,holiday,国庆节\n".write(toFile: weekend, atomically: true, encoding: .utf8)
        let corrected = try await DaemonUnderTest.runTool(client, socket + ["calendar", "import", weekend])
        #expect(corrected.status == 0 && corrected.output.contains("imported 2 days of 2027: 2 added"), "\(corrected.output)\(corrected.error)")
        #expect(try await daemon.terminate() == 0)
    }
}
