import Foundation
import Testing

@testable import dangjianctl

@Suite("calendar import: the date,kind,name file and its requests")
struct CalendarImportTests {
    @Test func commentsHeaderAndBlankLinesAreSkipped() {
        let file = CalendarFile(
            parsing: "\u{FEFF}# 2025\r\n\r\nDate, Kind, Name\r\n2025-10-01,holiday,国庆节\r\n  2025-10-11 , workday , \"国庆节 调休, 上班\" \r\n"
        )
        #expect(file.problems.isEmpty)
        #expect(
            file.entries == [
                CalendarFile.Entry(line: 4, date: "2025-10-01", kind: "holiday", name: "国庆节"),
                CalendarFile.Entry(line: 5, date: "2025-10-11", kind: "workday", name: "国庆节 调休, 上班"),
            ]
        )
        #expect(file.entries[0].request == "calendar set date=2025-10-01 kind=holiday name=国庆节")
        #expect(file.entries[1].request == #"calendar set date=2025-10-11 kind=workday name="国庆节 调休, 上班""#)
    }

    @Test func malformedLinesAreReportedWithTheirNumbers() {
        let text = """
            date,kind,name
            2025-10-01,holiday,国庆节
            2025-10-32,holiday,国庆节
            2025-10-02,rest,国庆节
            2025-10-03,holiday
            2025/10/06,holiday,国庆节
            2025-10-07,holiday,
            # fine
            2025-10-08,holiday,国庆节
            date,kind,name
            """
        let file = CalendarFile(parsing: text)
        #expect(file.entries.map(\.line) == [2, 9])
        #expect(file.problems.map(\.line) == [3, 4, 5, 6, 7, 10])
        #expect(file.problems[0].message == #""2025-10-32" is not a date as YYYY-MM-DD"#)
        #expect(file.problems[1].message == #"kind "rest" is neither holiday nor workday"#)
        #expect(file.problems[2].message.hasPrefix("expected date,kind,name"))
        #expect(file.problems[4].message.hasPrefix("the name is empty"))

        var errors: [String] = []
        #expect(!CalendarImport(path: "bad.csv").check(file) { errors.append($0) })
        #expect(errors.first == #"bad.csv:3: "2025-10-32" is not a date as YYYY-MM-DD"#)
        #expect(errors.last == "dangjianctl: 6 malformed lines in bad.csv; nothing was sent: correct the file and run again")

        errors = []
        #expect(!CalendarImport(path: "empty.csv").check(CalendarFile(parsing: "# nothing\ndate,kind,name\n")) { errors.append($0) })
        #expect(errors == ["dangjianctl: empty.csv has no date,kind,name lines; nothing was sent"])
    }

    @Test(arguments: ["2024-02-29", "2000-02-29", "2025-12-31"])
    func validDates(text: String) {
        #expect(CalendarFile.isDate(text))
    }

    @Test(arguments: ["2025-02-29", "1900-02-29", "2025-00-10", "2025-1-01", "２０２５-01-01", "2025-04-31"])
    func invalidDates(text: String) {
        #expect(!CalendarFile.isDate(text))
    }

    @Test func theShippedCalendarParses() throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("config/calendar/2025-cn.csv")
        let file = CalendarFile(parsing: try String(contentsOf: url, encoding: .utf8))
        #expect(file.problems.isEmpty)
        #expect(file.entries.count == 23)
        #expect(file.entries.filter { $0.kind == "workday" }.map(\.date) == ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"])
    }

    @Test func theDaysTravelInOneRowsRequestAndARefusedRowIsReportedAtItsLine() {
        let daemon = FakeDaemon { request in
            guard request.hasPrefix("2025-10-11") else { return "" }
            return "422 calendar.date_not_a_weekday: row 2, column date: 2025-10-04 is a Saturday, a rest day already\n"
        }
        let file = CalendarFile(parsing: "date,kind,name\n2025-10-01,holiday,国庆节\n2025-10-04,holiday,国庆节\n2025-10-11,workday,调休 上班\n")
        var output: [String] = []
        var errors: [String] = []
        let status = CalendarImport(path: "cal.csv").send(
            file, over: Conversation(connection: daemon.connection, timeout: .seconds(10)),
            output: { output.append($0) }, error: { errors.append($0) }
        )
        daemon.connection.finishSending()
        #expect(status == ClientExitStatus.requestFailed)
        #expect(output.isEmpty)
        #expect(
            errors == [
                "cal.csv:3: calendar.date_not_a_weekday: column date: 2025-10-04 is a Saturday, a rest day already (422); nothing was "
                    + "imported: correct the file and run again"
            ]
        )
        #expect(
            daemon.requests() == [
                "calendar import <<4", "date\tkind\tname", "2025-10-01\tholiday\t国庆节", "2025-10-04\tholiday\t国庆节",
                "2025-10-11\tworkday\t调休 上班",
            ]
        )
    }

    @Test func aCellThatHoldsATabOrABackslashIsEscaped() {
        let daemon = FakeDaemon { request in request.hasPrefix("2025") ? "200 imported\n" : "" }
        let status = CalendarImport(path: "cal.csv").send(
            CalendarFile(parsing: "2025-10-01,holiday,国庆\\节\n"), over: Conversation(connection: daemon.connection, timeout: .seconds(10)),
            output: { _ in }, error: { Issue.record("unexpected error output \($0)") }
        )
        daemon.connection.finishSending()
        #expect(status == ClientExitStatus.success)
        #expect(daemon.requests().last == "2025-10-01\tholiday\t国庆\\\\节")
    }

    @Test func allAcceptedIsExitStatusZero() {
        let daemon = FakeDaemon { request in
            request.hasPrefix("2025") ? "200-rows: 1\n200 imported 1 day of 2025: 1 added, 0 changed, 0 unchanged\n" : ""
        }
        var output: [String] = []
        let status = CalendarImport(path: "cal.csv").send(
            CalendarFile(parsing: "2025-10-01,holiday,国庆节\n"), over: Conversation(connection: daemon.connection, timeout: .seconds(10)),
            output: { output.append($0) }, error: { Issue.record("unexpected error output \($0)") }
        )
        daemon.connection.finishSending()
        #expect(status == ClientExitStatus.success)
        #expect(output == ["cal.csv: imported 1 day of 2025: 1 added, 0 changed, 0 unchanged"])
        _ = daemon.requests()
    }

    @Test func aDaemonThatHangsUpImportsNothingAndSaysSo() {
        let daemon = FakeDaemon { request in request.hasPrefix("2025-10-02") ? nil : "" }
        var errors: [String] = []
        let status = CalendarImport(path: "cal.csv").send(
            CalendarFile(parsing: "2025-10-01,holiday,a\n2025-10-02,holiday,b\n2025-10-03,holiday,c\n"),
            over: Conversation(connection: daemon.connection, timeout: .seconds(10)),
            output: { _ in }, error: { errors.append($0) }
        )
        #expect(status == ClientExitStatus.serverFailed)
        #expect(errors.count == 1)
        #expect(errors[0].hasPrefix("cal.csv: not imported: dangjianctl: the daemon closed the connection"), "\(errors)")
    }

    @Test(arguments: [["calendar", "import"], ["calendar", "import", "a.csv", "b.csv"]])
    func importTakesExactlyOneFile(arguments: [String]) {
        do {
            _ = try Dangjianctl.parse(arguments)
            Issue.record("\(arguments) was accepted")
        } catch {
            #expect(Dangjianctl.exitCode(for: error) == .validationFailure)
            #expect(Dangjianctl.message(for: error).contains("calendar import takes one file"))
        }
    }

    @Test func aMissingFileIsReported() throws {
        let command = try Dangjianctl.parse(["--socket", "/nonexistent/control.sock", "calendar", "import", "/nonexistent/cal.csv"])
        #expect(command.execute(environment: [:], standardInputIsTerminal: false) == ClientExitStatus.requestFailed)
    }
}
