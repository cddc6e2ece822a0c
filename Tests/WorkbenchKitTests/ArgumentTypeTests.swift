import Foundation
import Testing
import WorkbenchKit
import WorkbenchPostgres

/// Argument types, exercised through ``ArgumentBinder`` as a command sees them.
@Suite("ArgumentType parsing through the binder")
struct ArgumentTypeTests {
    static let name = "field_x"

    struct Accepted: Sendable, CustomTestStringConvertible {
        var type: ArgumentType
        var typeName: String
        var input: String
        var expected: ArgumentValue
        var testDescription: String { "\(typeName) \(input.debugDescription)" }
    }

    struct Rejected: Sendable, CustomTestStringConvertible {
        var type: ArgumentType
        var typeName: String
        var input: String
        var testDescription: String { "\(typeName) \(input.debugDescription)" }
    }

    static func bind(_ value: String, as type: ArgumentType) throws(WorkbenchError) -> Arguments {
        let command = spec("probe", arguments: [.required(name, type, help: "")])
        return try ArgumentBinder.bind([assignment(name, value)], to: command, now: Fixtures.now, timeZone: Fixtures.shanghai)
            .arguments
    }

    static func seconds(_ text: String) -> Date { Date(timeIntervalSince1970: TimeInterval(text)!) }
    static func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

    static let accepted: [Accepted] = [
        // .string()
        Accepted(type: .string(), typeName: ".string()", input: "x", expected: .string("x")),
        Accepted(type: .string(), typeName: ".string()", input: "第一 网格 \"q\" \\", expected: .string("第一 网格 \"q\" \\")),
        Accepted(
            type: .string(), typeName: ".string()", input: String(repeating: "字", count: 200), expected: .string(String(repeating: "字", count: 200))),
        // .string(maxLength: 5) counts code points (as PostgreSQL does), not bytes
        Accepted(type: .string(maxLength: 5), typeName: ".string(5)", input: "abcde", expected: .string("abcde")),
        Accepted(type: .string(maxLength: 5), typeName: ".string(5)", input: "党建网格一", expected: .string("党建网格一")),
        // .text()
        Accepted(type: .text(), typeName: ".text()", input: "line 1\nline 2\tcol", expected: .string("line 1\nline 2\tcol")),
        Accepted(type: .text(maxLength: 3), typeName: ".text(3)", input: "a\nb", expected: .string("a\nb")),
        // .int(1...10)
        Accepted(type: .int(1...10), typeName: ".int(1...10)", input: "1", expected: .int(1)),
        Accepted(type: .int(1...10), typeName: ".int(1...10)", input: "10", expected: .int(10)),
        Accepted(type: .int(1...10), typeName: ".int(1...10)", input: "+7", expected: .int(7)),
        Accepted(type: .int(), typeName: ".int()", input: "-9223372036854775808", expected: .int(.min)),
        Accepted(type: .int(), typeName: ".int()", input: "9223372036854775807", expected: .int(.max)),
        // .decimal
        Accepted(type: .decimal, typeName: ".decimal", input: "-12.50", expected: .decimal(decimal("-12.5"))),
        Accepted(type: .decimal, typeName: ".decimal", input: "0", expected: .decimal(0)),
        Accepted(type: .decimal, typeName: ".decimal", input: "+3.1", expected: .decimal(decimal("3.1"))),
        Accepted(type: .decimal, typeName: ".decimal", input: "0.1", expected: .decimal(decimal("0.1"))),
        Accepted(
            type: .decimal, typeName: ".decimal", input: "123456789012345678901234567.123",
            expected: .decimal(decimal("123456789012345678901234567.123"))
        ),
        // .bool
        Accepted(type: .bool, typeName: ".bool", input: "true", expected: .bool(true)),
        Accepted(type: .bool, typeName: ".bool", input: "YES", expected: .bool(true)),
        Accepted(type: .bool, typeName: ".bool", input: "On", expected: .bool(true)),
        Accepted(type: .bool, typeName: ".bool", input: "1", expected: .bool(true)),
        Accepted(type: .bool, typeName: ".bool", input: "是", expected: .bool(true)),
        Accepted(type: .bool, typeName: ".bool", input: "false", expected: .bool(false)),
        Accepted(type: .bool, typeName: ".bool", input: "no", expected: .bool(false)),
        Accepted(type: .bool, typeName: ".bool", input: "OFF", expected: .bool(false)),
        Accepted(type: .bool, typeName: ".bool", input: "0", expected: .bool(false)),
        Accepted(type: .bool, typeName: ".bool", input: "否", expected: .bool(false)),
        // .date, relative words in Asia/Shanghai at 00:00:30 on 2026-11-22 (UTC is still the 21st)
        Accepted(type: .date, typeName: ".date", input: "2026-02-28", expected: .date(Fixtures.day(2026, 2, 28))),
        Accepted(type: .date, typeName: ".date", input: "2024-02-29", expected: .date(Fixtures.day(2024, 2, 29))),
        Accepted(type: .date, typeName: ".date", input: "today", expected: .date(Fixtures.day(2026, 11, 22))),
        Accepted(type: .date, typeName: ".date", input: "yesterday", expected: .date(Fixtures.day(2026, 11, 21))),
        Accepted(type: .date, typeName: ".date", input: "tomorrow", expected: .date(Fixtures.day(2026, 11, 23))),
        // .pastDate: the day something happened, entered late or on the day, never ahead
        Accepted(type: .pastDate, typeName: ".pastDate", input: "today", expected: .date(Fixtures.day(2026, 11, 22))),
        Accepted(type: .pastDate, typeName: ".pastDate", input: "2026-11-22", expected: .date(Fixtures.day(2026, 11, 22))),
        Accepted(type: .pastDate, typeName: ".pastDate", input: "2015-07-01", expected: .date(Fixtures.day(2015, 7, 1))),
        Accepted(type: .pastDate, typeName: ".pastDate", input: "yesterday", expected: .date(Fixtures.day(2026, 11, 21))),
        // .datetime: no offset means the daemon's zone
        Accepted(type: .datetime, typeName: ".datetime", input: "2026-11-21T09:30", expected: .datetime(seconds("1795224600"))),
        Accepted(type: .datetime, typeName: ".datetime", input: "2026-11-21T09:30:05", expected: .datetime(seconds("1795224605"))),
        Accepted(type: .datetime, typeName: ".datetime", input: "2026-11-21T09:30:05+08:00", expected: .datetime(seconds("1795224605"))),
        Accepted(type: .datetime, typeName: ".datetime", input: "2026-11-21T01:30:05Z", expected: .datetime(seconds("1795224605"))),
        Accepted(type: .datetime, typeName: ".datetime", input: "2026-11-21T03:30:05+02:00", expected: .datetime(seconds("1795224605"))),
        Accepted(type: .datetime, typeName: ".datetime", input: "now", expected: .datetime(Fixtures.now)),
        // .enumeration
        Accepted(type: .enumeration(["open", "closed"]), typeName: ".enumeration", input: "open", expected: .string("open")),
        Accepted(type: .enumeration(["open", "closed"]), typeName: ".enumeration", input: "closed", expected: .string("closed")),
        // .id
        Accepted(type: .id, typeName: ".id", input: "1", expected: .int(1)),
        Accepted(type: .id, typeName: ".id", input: "9223372036854775807", expected: .int(.max)),
        // .latitude, .longitude
        Accepted(type: .latitude, typeName: ".latitude", input: "31.2304", expected: .double(31.2304)),
        // What coordinate converters print: 14 decimals.
        Accepted(type: .latitude, typeName: ".latitude", input: "29.58221178373409", expected: .double(29.58221178373409)),
        Accepted(type: .date, typeName: ".date", input: "1900-01-01", expected: .date(Fixtures.day(1900, 1, 1))),
        Accepted(type: .date, typeName: ".date", input: "2100-12-31", expected: .date(Fixtures.day(2100, 12, 31))),
        Accepted(type: .latitude, typeName: ".latitude", input: "-90", expected: .double(-90)),
        Accepted(type: .latitude, typeName: ".latitude", input: "+90.0", expected: .double(90)),
        Accepted(type: .longitude, typeName: ".longitude", input: "121.4737", expected: .double(121.4737)),
        Accepted(type: .longitude, typeName: ".longitude", input: "-180", expected: .double(-180)),
        Accepted(type: .longitude, typeName: ".longitude", input: "91", expected: .double(91)),
        // .duration
        Accepted(type: .duration, typeName: ".duration", input: "90s", expected: .duration(.seconds(90))),
        Accepted(type: .duration, typeName: ".duration", input: "15m", expected: .duration(.seconds(900))),
        Accepted(type: .duration, typeName: ".duration", input: "2h", expected: .duration(.seconds(7200))),
        Accepted(type: .duration, typeName: ".duration", input: "3d", expected: .duration(.seconds(259_200))),
        Accepted(type: .duration, typeName: ".duration", input: "1w", expected: .duration(.seconds(604_800))),
        Accepted(type: .duration, typeName: ".duration", input: "1h30m", expected: .duration(.seconds(5400))),
        Accepted(type: .duration, typeName: ".duration", input: "1d2h3m4s", expected: .duration(.seconds(93_784))),
    ]

    @Test(arguments: accepted)
    func accepts(_ testCase: Accepted) throws {
        let arguments = try Self.bind(testCase.input, as: testCase.type)
        #expect(arguments.values == [Self.name: testCase.expected])
        #expect(arguments.given == [Self.name: testCase.input])
        #expect(arguments.wasGiven(Self.name))
        let name = Self.name
        switch testCase.expected {
        case .string(let value):
            #expect(try arguments.string(name) == value)
            #expect(arguments.optionalString(name) == value)
            #expect(arguments.optionalInt(name) == nil)
        case .int(let value):
            #expect(try arguments.int(name) == value)
            #expect(try arguments.id(name) == value)
            #expect(arguments.optionalID(name) == value)
            #expect(arguments.optionalString(name) == nil)
        case .decimal(let value):
            #expect(try arguments.decimal(name) == value)
            #expect(arguments.optionalDecimal(name) == value)
        case .bool(let value):
            #expect(try arguments.bool(name) == value)
            #expect(arguments.optionalBool(name) == value)
        case .date(let value):
            #expect(try arguments.date(name) == value)
            #expect(arguments.optionalDate(name) == value)
        case .datetime(let value):
            #expect(try arguments.datetime(name) == value)
            #expect(arguments.optionalDatetime(name) == value)
        case .double(let value):
            #expect(try arguments.degrees(name) == value)
            #expect(arguments.optionalDegrees(name) == value)
        case .duration(let value):
            #expect(try arguments.duration(name) == value)
            #expect(arguments.optionalDuration(name) == value)
        }
    }

    static let rejected: [Rejected] = [
        Rejected(type: .string(), typeName: ".string()", input: ""),
        Rejected(type: .pastDate, typeName: ".pastDate", input: "tomorrow"),
        Rejected(type: .pastDate, typeName: ".pastDate", input: "2026-11-23"),
        Rejected(type: .pastDate, typeName: ".pastDate", input: "2099-01-01"),
        Rejected(type: .pastDate, typeName: ".pastDate", input: "0001-01-01"),
        // a name of blanks says nothing: spaces, the ideographic space
        Rejected(type: .string(), typeName: ".string()", input: "   "),
        Rejected(type: .string(), typeName: ".string()", input: "\u{3000}\u{3000}"),
        Rejected(type: .text(), typeName: ".text()", input: " \n "),
        Rejected(type: .string(), typeName: ".string()", input: "a\tb"),
        Rejected(type: .string(), typeName: ".string()", input: "a\nb"),
        Rejected(type: .string(), typeName: ".string()", input: "a\rb"),
        Rejected(type: .string(), typeName: ".string()", input: String(repeating: "a", count: 201)),
        Rejected(type: .string(maxLength: 5), typeName: ".string(5)", input: "abcdef"),
        // Five characters, ten code points: PostgreSQL's varchar(5) would refuse it.
        Rejected(type: .string(maxLength: 5), typeName: ".string(5)", input: String(repeating: "e\u{301}", count: 5)),
        Rejected(type: .text(maxLength: 3), typeName: ".text(3)", input: "a\u{301}b\u{301}"),
        Rejected(type: .string(maxLength: 5), typeName: ".string(5)", input: "党建网格一二"),
        Rejected(type: .text(), typeName: ".text()", input: ""),
        Rejected(type: .text(maxLength: 3), typeName: ".text(3)", input: "abcd"),
        Rejected(type: .int(1...10), typeName: ".int(1...10)", input: "0"),
        Rejected(type: .int(1...10), typeName: ".int(1...10)", input: "11"),
        Rejected(type: .int(1...10), typeName: ".int(1...10)", input: "-1"),
        Rejected(type: .int(1...10), typeName: ".int(1...10)", input: "1.5"),
        Rejected(type: .int(1...10), typeName: ".int(1...10)", input: "five"),
        Rejected(type: .int(1...10), typeName: ".int(1...10)", input: ""),
        Rejected(type: .int(1...10), typeName: ".int(1...10)", input: " 5"),
        Rejected(type: .int(), typeName: ".int()", input: "9223372036854775808"),
        Rejected(type: .int(), typeName: ".int()", input: "1e3"),
        Rejected(type: .decimal, typeName: ".decimal", input: "1e5"),
        Rejected(type: .decimal, typeName: ".decimal", input: ".5"),
        Rejected(type: .decimal, typeName: ".decimal", input: "1."),
        Rejected(type: .decimal, typeName: ".decimal", input: "1,5"),
        Rejected(type: .decimal, typeName: ".decimal", input: "NaN"),
        Rejected(type: .decimal, typeName: ".decimal", input: ""),
        Rejected(type: .decimal, typeName: ".decimal", input: "--1"),
        Rejected(type: .bool, typeName: ".bool", input: "maybe"),
        Rejected(type: .bool, typeName: ".bool", input: "2"),
        Rejected(type: .bool, typeName: ".bool", input: "y"),
        Rejected(type: .bool, typeName: ".bool", input: ""),
        Rejected(type: .date, typeName: ".date", input: "2026-02-30"),
        // Absurd days: outside 1900-01-01…2100-12-31.
        Rejected(type: .date, typeName: ".date", input: "0001-01-01"),
        Rejected(type: .date, typeName: ".date", input: "1899-12-31"),
        Rejected(type: .date, typeName: ".date", input: "2101-01-01"),
        Rejected(type: .datetime, typeName: ".datetime", input: "0001-01-01T00:00"),
        Rejected(type: .date, typeName: ".date", input: "2025-02-29"),
        Rejected(type: .date, typeName: ".date", input: "2026-1-01"),
        Rejected(type: .date, typeName: ".date", input: "2026/01/01"),
        Rejected(type: .date, typeName: ".date", input: "Today"),
        Rejected(type: .date, typeName: ".date", input: "2026-11-21T09:30"),
        Rejected(type: .date, typeName: ".date", input: ""),
        Rejected(type: .datetime, typeName: ".datetime", input: "2026-11-21"),
        Rejected(type: .datetime, typeName: ".datetime", input: "2026-11-21 09:30"),
        Rejected(type: .datetime, typeName: ".datetime", input: "2026-11-21T25:00"),
        Rejected(type: .datetime, typeName: ".datetime", input: "2026-11-21T09:30+8"),
        Rejected(type: .datetime, typeName: ".datetime", input: "today"),
        Rejected(type: .datetime, typeName: ".datetime", input: "Now"),
        Rejected(type: .datetime, typeName: ".datetime", input: "T"),
        Rejected(type: .enumeration(["open", "closed"]), typeName: ".enumeration", input: "Open"),
        Rejected(type: .enumeration(["open", "closed"]), typeName: ".enumeration", input: "pending"),
        Rejected(type: .enumeration(["open", "closed"]), typeName: ".enumeration", input: ""),
        Rejected(type: .id, typeName: ".id", input: "0"),
        Rejected(type: .id, typeName: ".id", input: "-1"),
        Rejected(type: .id, typeName: ".id", input: "+1"),
        Rejected(type: .id, typeName: ".id", input: "1.0"),
        Rejected(type: .id, typeName: ".id", input: "abc"),
        Rejected(type: .id, typeName: ".id", input: "9223372036854775808"),
        Rejected(type: .latitude, typeName: ".latitude", input: "90.000001"),
        Rejected(type: .latitude, typeName: ".latitude", input: "-91"),
        Rejected(type: .latitude, typeName: ".latitude", input: "1e1"),
        Rejected(type: .latitude, typeName: ".latitude", input: "31.1234567890123456"),
        Rejected(type: .latitude, typeName: ".latitude", input: "north"),
        Rejected(type: .latitude, typeName: ".latitude", input: "nan"),
        Rejected(type: .longitude, typeName: ".longitude", input: "180.5"),
        Rejected(type: .longitude, typeName: ".longitude", input: "-181"),
        Rejected(type: .longitude, typeName: ".longitude", input: "1000"),
        Rejected(type: .duration, typeName: ".duration", input: "30m1h"),
        Rejected(type: .duration, typeName: ".duration", input: "0s"),
        Rejected(type: .duration, typeName: ".duration", input: "5x"),
        Rejected(type: .duration, typeName: ".duration", input: ""),
        Rejected(type: .duration, typeName: ".duration", input: "10"),
        Rejected(type: .duration, typeName: ".duration", input: "h"),
        Rejected(type: .duration, typeName: ".duration", input: "1h1h"),
        Rejected(type: .duration, typeName: ".duration", input: "1h30"),
        Rejected(type: .duration, typeName: ".duration", input: "1.5h"),
        Rejected(type: .duration, typeName: ".duration", input: "-5m"),
        Rejected(type: .duration, typeName: ".duration", input: "１h"),
        Rejected(type: .duration, typeName: ".duration", input: "522w"),
        Rejected(type: .duration, typeName: ".duration", input: "99999999999999999999s"),
    ]

    @Test(arguments: rejected)
    func rejects(_ testCase: Rejected) throws {
        let error = try #require(caught { try Self.bind(testCase.input, as: testCase.type) })
        #expect(error.status == .badRequest)
        #expect(error.code == "argument.invalid")
        #expect(error.argument == Self.name)
        #expect(error.message.contains(Self.name))
        #expect(error.message.contains(testCase.type.expectedForm), "\(error.message)")
    }

    @Test func longInvalidValuesAreShortenedInTheMessage() throws {
        let value = String(repeating: "9", count: 100)
        let error = try #require(caught { try Self.bind(value, as: .int(1...10)) })
        #expect(error.message.contains(String(repeating: "9", count: 40) + "…"))
        #expect(!error.message.contains(String(repeating: "9", count: 41)))
    }

    @Test func theWrongAccessorIsAnInternalError() throws {
        let arguments = try Self.bind("5", as: .int(1...10))
        let error = #expect(throws: WorkbenchError.self) { try arguments.string(Self.name) }
        #expect(error?.status == .internalError)
        #expect(error?.code == "internal.argument_access")
        #expect(error?.message.contains(Self.name) == true)
        #expect(throws: WorkbenchError.self) { try arguments.int("undeclared") }
    }

    @Test func relativeDatesFollowTheZoneNotUTC() throws {
        // At 23:59:59 UTC the Shanghai day is already the next one.
        let lateUTC = Date(timeIntervalSince1970: 1_795_305_599)  // 2026-11-21T23:59:59Z
        let command = spec("probe", arguments: [.required("day", .date, help: "")])
        let shanghai = try ArgumentBinder.bind(try tokenize("day=today"), to: command, now: lateUTC, timeZone: Fixtures.shanghai)
        #expect(try shanghai.arguments.date("day") == Fixtures.day(2026, 11, 22))
        let utc = try ArgumentBinder.bind(try tokenize("day=today"), to: command, now: lateUTC, timeZone: .gmt)
        #expect(try utc.arguments.date("day") == Fixtures.day(2026, 11, 21))
    }

    @Test func relativeDatesCrossMonthAndYearEnds() throws {
        let newYearsEve = Date(timeIntervalSince1970: 1_798_732_799)  // 2026-12-31T23:59:59+08:00
        let command = spec(
            "probe",
            arguments: [
                .required("a", .date, help: ""), .required("b", .date, help: ""), .required("c", .date, help: ""),
            ])
        let bound = try ArgumentBinder.bind(
            try tokenize("a=yesterday b=today c=tomorrow"), to: command, now: newYearsEve, timeZone: Fixtures.shanghai
        )
        #expect(try bound.arguments.date("a") == Fixtures.day(2026, 12, 30))
        #expect(try bound.arguments.date("b") == Fixtures.day(2026, 12, 31))
        #expect(try bound.arguments.date("c") == Fixtures.day(2027, 1, 1))
    }

    struct Form: Sendable, CustomTestStringConvertible {
        var type: ArgumentType
        var placeholder: String
        var expectedFragment: String
        var testDescription: String { placeholder }
    }

    @Test(arguments: [
        Form(type: .string(maxLength: 32), placeholder: "<text>", expectedFragment: "at most 32 characters"),
        Form(type: .text(), placeholder: "<long text>", expectedFragment: "at most 4000 characters"),
        Form(type: .int(1...10), placeholder: "<n>", expectedFragment: "from 1 to 10"),
        Form(type: .int(), placeholder: "<n>", expectedFragment: "a whole number"),
        Form(type: .decimal, placeholder: "<decimal>", expectedFragment: "decimal"),
        Form(type: .bool, placeholder: "<yes|no>", expectedFragment: "yes or no"),
        Form(type: .date, placeholder: "<YYYY-MM-DD>", expectedFragment: "YYYY-MM-DD from 1900-01-01 to 2100-12-31"),
        Form(type: .datetime, placeholder: "<YYYY-MM-DDThh:mm>", expectedFragment: "YYYY-MM-DDThh:mm"),
        Form(type: .enumeration(["open", "closed"]), placeholder: "<open|closed>", expectedFragment: "one of: open, closed"),
        Form(type: .id, placeholder: "<id>", expectedFragment: "positive whole number"),
        Form(type: .latitude, placeholder: "<latitude>", expectedFragment: "-90 to 90"),
        Form(type: .longitude, placeholder: "<longitude>", expectedFragment: "-180 to 180"),
        Form(type: .duration, placeholder: "<duration>", expectedFragment: "1h30m"),
    ])
    func placeholdersAndExpectedForms(_ form: Form) {
        #expect(form.type.placeholder == form.placeholder)
        #expect(form.type.expectedForm.contains(form.expectedFragment))
    }
}
