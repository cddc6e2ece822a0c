import Foundation
import Testing
import WorkbenchKit
import WorkbenchPostgres

@Suite("ArgumentBinder rules")
struct ArgumentBinderTests {
    /// `case report` with a required labelled id, an optional with a default and a plain optional.
    static let report = spec(
        "case report",
        arguments: [
            .required("grid", .id, help: "The grid the case is in", label: "网格"),
            .optional("priority", .enumeration(["low", "high"]), default: "low", help: "How urgent"),
            .optional("note", .string(), help: "Free text"),
            .optional("due", .date, default: "tomorrow", help: "Deadline"),
        ],
        mutates: true
    )

    /// A read-only command with the same arguments.
    static let list = spec(
        "case list",
        arguments: [.optional("status", .enumeration(["open", "closed"]), default: "open", help: "Which cases")]
    )

    static func bind(_ line: String, to command: CommandSpec) throws(WorkbenchError) -> (arguments: Arguments, requestID: String?) {
        try ArgumentBinder.bind(try tokenize(line), to: command, now: Fixtures.now, timeZone: Fixtures.shanghai)
    }

    // MARK: Success

    @Test func bindsGivenArgumentsAndAppliesDefaults() throws {
        let (arguments, requestID) = try Self.bind("grid=12 note=\"第一 网格 路灯\"", to: Self.report)
        #expect(requestID == nil)
        #expect(try arguments.id("grid") == 12)
        #expect(arguments.optionalString("note") == "第一 网格 路灯")
        #expect(try arguments.string("priority") == "low")
        #expect(try arguments.date("due") == Fixtures.day(2026, 11, 23))
        #expect(arguments.wasGiven("grid"))
        #expect(arguments.wasGiven("note"))
        #expect(!arguments.wasGiven("priority"))
        #expect(!arguments.wasGiven("due"))
        #expect(arguments.has("priority"))
        #expect(arguments.given == ["grid": "12", "note": "第一 网格 路灯"])
    }

    @Test func aGivenValueReplacesTheDefault() throws {
        let (arguments, _) = try Self.bind("priority=high grid=3 due=2026-12-01", to: Self.report)
        #expect(try arguments.string("priority") == "high")
        #expect(arguments.wasGiven("priority"))
        #expect(try arguments.date("due") == Fixtures.day(2026, 12, 1))
    }

    @Test func anAbsentOptionalWithoutDefaultHasNoValue() throws {
        let (arguments, _) = try Self.bind("grid=1", to: Self.report)
        #expect(!arguments.has("note"))
        #expect(!arguments.wasGiven("note"))
        #expect(arguments.optionalString("note") == nil)
        #expect(throws: WorkbenchError.self) { try arguments.string("note") }
    }

    @Test func argumentOrderDoesNotMatter() throws {
        let first = try Self.bind("grid=7 priority=high note=x", to: Self.report).arguments
        let second = try Self.bind("note=x priority=high grid=7", to: Self.report).arguments
        #expect(first == second)
    }

    @Test func noWordsOnACommandWithoutRequiredArguments() throws {
        let (arguments, requestID) = try Self.bind("", to: Self.list)
        #expect(requestID == nil)
        #expect(arguments.values == ["status": .string("open")])
        #expect(arguments.given.isEmpty)
    }

    // MARK: request_id

    @Test(arguments: ["7f3c9a1e-2b4d-4c8e-9f00-1a2b3c4d5e6f", "r1", String(repeating: "x", count: 128), "请求-1"])
    func requestIDIsAcceptedOnMutatingCommands(_ id: String) throws {
        let (arguments, requestID) = try Self.bind("grid=1 request_id=\(CommandLineTokenizer.quote(id))", to: Self.report)
        #expect(requestID == id)
        #expect(!arguments.has(ArgumentBinder.requestIDName))
        #expect(!arguments.wasGiven(ArgumentBinder.requestIDName))
    }

    /// The last: 100 characters a reader sees, 200 code points (e and a combining accent), which
    /// the database's `length(request_id) <= 128` refuses; the daemon counts the same way.
    @Test(arguments: ["", "a b", "a\tb", "a\nb", String(repeating: "x", count: 129), String(repeating: "e\u{301}", count: 100)])
    func requestIDMustBeShortAndWithoutBlanks(_ id: String) throws {
        let word = assignment(ArgumentBinder.requestIDName, id)
        let error = try #require(
            caught {
                try ArgumentBinder.bind(
                    [assignment("grid", "1"), word], to: Self.report, now: Fixtures.now, timeZone: Fixtures.shanghai
                )
            })
        #expect(error.status == .badRequest)
        #expect(error.code == "argument.invalid")
        #expect(error.argument == "request_id")
        #expect(error.message.contains("128"))
    }

    @Test func requestIDIsAnUnknownArgumentOnReadOnlyCommands() throws {
        let error = try #require(caught { try Self.bind("request_id=abc", to: Self.list) })
        #expect(error.status == .badRequest)
        #expect(error.code == "argument.unknown")
        #expect(error.argument == "request_id")
        #expect(!error.message.contains("it takes: status, request_id"))
        #expect(error.message.contains("it takes: status"))
    }

    @Test func requestIDGivenTwiceIsRepeated() throws {
        let error = try #require(caught { try Self.bind("grid=1 request_id=a request_id=b", to: Self.report) })
        #expect(error.code == "argument.repeated")
        #expect(error.argument == "request_id")
    }

    // MARK: Errors

    struct Failure: Sendable, CustomTestStringConvertible {
        var line: String
        var command: String
        var code: String
        var argument: String
        var mentions: [String]
        var testDescription: String { "\(command): \(line)" }
    }

    static func command(named name: String) -> CommandSpec {
        switch name {
        case "report": report
        case "list": list
        default: spec("bare")
        }
    }

    @Test(arguments: [
        Failure(
            line: "grid=1 colour=red", command: "report", code: "argument.unknown", argument: "colour",
            mentions: ["unknown argument \"colour\"", "'case report'", "it takes: grid, priority, note, due, request_id"]
        ),
        Failure(
            line: "verbose=yes", command: "bare", code: "argument.unknown", argument: "verbose",
            mentions: ["'bare'", "it takes no arguments"]
        ),
        Failure(
            line: "=1", command: "list", code: "argument.unknown", argument: "",
            mentions: ["unknown argument \"\"", "it takes: status"]
        ),
        Failure(
            line: "grid=1 grid=2", command: "report", code: "argument.repeated", argument: "grid",
            mentions: ["grid", "twice"]
        ),
        Failure(
            line: "grid=1 note=a note=a", command: "report", code: "argument.repeated", argument: "note",
            mentions: ["note"]
        ),
        Failure(
            line: "note=x", command: "report", code: "argument.missing", argument: "grid",
            mentions: ["missing argument grid", "(网格)", "The grid the case is in", ArgumentType.id.expectedForm]
        ),
        Failure(
            line: "grid=1 stray", command: "report", code: "argument.unexpected_word", argument: "stray",
            mentions: ["unexpected word \"stray\"", "name=value", "'help case report'"]
        ),
        Failure(
            line: "\"status=open\"", command: "list", code: "argument.unexpected_word", argument: "status=open",
            mentions: ["unexpected word \"status=open\""]
        ),
        Failure(
            line: "grid=0", command: "report", code: "argument.invalid", argument: "grid",
            mentions: ["grid=\"0\"", ArgumentType.id.expectedForm]
        ),
        Failure(
            line: "status=all", command: "list", code: "argument.invalid", argument: "status",
            mentions: ["status=\"all\"", "one of: open, closed"]
        ),
    ])
    func refuses(_ failure: Failure) throws {
        let error = try #require(caught { try Self.bind(failure.line, to: Self.command(named: failure.command)) })
        #expect(error.status == .badRequest)
        #expect(error.code == failure.code)
        #expect(error.argument == failure.argument)
        for fragment in failure.mentions {
            #expect(error.message.contains(fragment), "\(error.message.debugDescription) should mention \(fragment.debugDescription)")
        }
    }

    @Test func theMissingMessageHasNoLabelPartWithoutALabel() throws {
        let command = spec("unit show", arguments: [.required("code", .string(maxLength: 32), help: "")])
        let error = try #require(caught { try Self.bind("", to: command) })
        #expect(error.code == "argument.missing")
        #expect(error.message == "missing argument code: expected \(ArgumentType.string(maxLength: 32).expectedForm)")
    }

    @Test func theFirstProblemWinsAndNothingIsBoundAfterIt() throws {
        // The unexpected word comes before the missing argument is noticed.
        let error = try #require(caught { try Self.bind("oops", to: Self.report) })
        #expect(error.code == "argument.unexpected_word")
    }

    // MARK: Defaults

    @Test func aBadDefaultIsAnInternalError() throws {
        let command = spec(
            "broken", arguments: [.optional("limit", .int(1...10), default: "99", help: "How many")]
        )
        let error = try #require(caught { try Self.bind("", to: command) })
        #expect(error.status == .internalError)
        #expect(error.code == "internal.bad_default")
        #expect(error.message.contains("limit"))
        #expect(error.message.contains("'broken'"))
        // Not reached when the caller gives the argument.
        let bound = try Self.bind("limit=3", to: command)
        #expect(try bound.arguments.int("limit") == 3)
    }

    @Test func defaultsAreParsedLikeCallerInput() throws {
        let command = spec(
            "defaults",
            arguments: [
                .optional("limit", .int(1...100), default: "20", help: ""),
                .optional("since", .duration, default: "1h30m", help: ""),
                .optional("on", .date, default: "today", help: ""),
                .optional("flag", .bool, default: "否", help: ""),
            ]
        )
        let (arguments, _) = try Self.bind("", to: command)
        #expect(try arguments.int("limit") == 20)
        #expect(try arguments.duration("since") == .seconds(5400))
        #expect(try arguments.date("on") == Fixtures.day(2026, 11, 22))
        #expect(try arguments.bool("flag") == false)
        #expect(arguments.given.isEmpty)
    }

    // Regression test for a bug found in Arguments/ArgumentBinder.swift:31.
    @Test func aValueStartingWithACombiningMarkKeepsIt() throws {
        // Fixed bug (WorkbenchKit, Arguments/ArgumentBinder.swift:31): the value is cut off with
        // `word.text.index(after: equals)`, which steps over a whole Character. When the value
        // starts with a combining mark, `=` and the mark form one grapheme cluster and the mark
        // is silently dropped from the value. The tokenizer records `assignmentIndex` at scalar
        // level, so the binder should step by scalar: `word.text.unicodeScalars.index(after: equals)`
        // (or `word.text.utf8.index(after: equals)`, `=` being one byte).
        let command = spec("probe", arguments: [.required("note", .string(), help: "")])
        let (arguments, _) = try Self.bind("note=\u{301}x", to: command)
        #expect(Array(try arguments.string("note").unicodeScalars) == ["\u{301}", "x"])
    }
}
