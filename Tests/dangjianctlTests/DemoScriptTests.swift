import Foundation
import Testing
@testable import dangjianctl

/// The demo script's lines, placeholders and the ids replies give.
@Suite("The demo script")
struct DemoScriptTests {
    /// `2026-12-04T09:30:00Z`, a Friday: 17:30 in Beijing.
    static let now = Date(timeIntervalSince1970: 1_796_376_600)
    static let beijing = TimeZone(identifier: "Asia/Shanghai")!

    @Test func linesBecomeSteps() throws {
        let script = try DemoScript(
            text: """
                # a comment

                !role admin
                !absent org unit show unit=SZQ
                org unit import organisations.csv
                @c1 grid case report grid=W1 category=乱停车 description=x
                  grid case accept case=${c1}
                """)
        #expect(
            script.lines == [
                .init(number: 3, step: .role("admin")), .init(number: 4, step: .absent("org unit show unit=SZQ")),
                .init(number: 5, step: .request("org unit import organisations.csv", capture: nil)),
                .init(number: 6, step: .request("grid case report grid=W1 category=乱停车 description=x", capture: "c1")),
                .init(number: 7, step: .request("grid case accept case=${c1}", capture: nil)),
            ])
    }

    @Test(arguments: [
        ("!nope x", "line 1: !nope is not a directive"), ("@ grid list", "line 1: write a capture as @name"),
        ("@c1", "line 1: write a capture as @name"), ("@c-1 grid list", "line 1: write a capture as @name"),
    ])
    func malformedLinesAreNamed(line: String, message: String) {
        #expect(throws: ClientError.self) { try DemoScript(text: line) }
        do {
            _ = try DemoScript(text: line)
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test(arguments: [
        ("today", "2026-12-04"), ("today-3", "2026-12-01"), ("today+30", "2027-01-03"), ("now", "2026-12-04T17:30+08:00"),
        ("now-50h", "2026-12-02T15:30+08:00"), ("now-4d", "2026-11-30T17:30+08:00"), ("now+72h", "2026-12-07T17:30+08:00"),
        ("quarter", "2026Q4"), ("quarter-1", "2026Q3"), ("quarter-4", "2025Q4"), ("quarter+1", "2027Q1"),
        ("year", "2026"), ("year-1", "2025"), ("year+1", "2027"),
    ])
    func clockPlaceholders(name: String, value: String) {
        #expect(DemoScript.clockValue(name, now: Self.now, timeZone: Self.beijing) == value)
    }

    @Test(arguments: ["todayx", "today-", "now-3", "now-3m", "quarter-q", "yesterday", "years", "year-1d"])
    func otherNamesAreNotClockValues(name: String) {
        #expect(DemoScript.clockValue(name, now: Self.now, timeZone: Self.beijing) == nil)
    }

    @Test func expansionUsesCapturesAndRefusesUnknownNames() throws {
        let text = try DemoScript.expand("grid case accept case=${c1} on=${today-1}", values: ["c1": "42"], now: Self.now, timeZone: Self.beijing)
        #expect(text == "grid case accept case=42 on=2026-12-03")
        #expect(throws: ClientError.self) { try DemoScript.expand("case=${c2}", values: [:], now: Self.now, timeZone: Self.beijing) }
    }

    @Test func idsComeFromTheIdFieldOrTheFirstRow() {
        #expect(DemoScript.id(in: ["id: 7", "code: GC-2026-000007"]) == "7")
        #expect(DemoScript.id(in: ["code\tid\tname", "W1\t12\t一网格", "W2\t13\t二网格"]) == "12")
        #expect(DemoScript.id(in: ["code\tname", "W1\t一网格"]) == nil)
        #expect(DemoScript.id(in: ["id\tname"]) == nil)
    }
}
