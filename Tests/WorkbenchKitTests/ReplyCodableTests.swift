import Foundation
import Testing
import WorkbenchKit
import WorkbenchPostgres

/// Replies are stored as JSON (with Foundation's coders) for `request_id` replays; a replay
/// must answer exactly what the first run answered.
@Suite("Reply Codable round trip")
struct ReplyCodableTests {
    static func roundTrip<Value: Codable>(_ value: Value) throws -> Value {
        try JSONDecoder().decode(Value.self, from: JSONEncoder().encode(value))
    }

    struct ValueCase: Sendable, CustomTestStringConvertible {
        var name: String
        var value: ReplyValue
        var testDescription: String { name }
    }

    static let values: [ValueCase] = [
        ValueCase(name: "null", value: .null),
        ValueCase(name: "bool", value: .bool(true)),
        ValueCase(name: "int", value: .int(.min)),
        ValueCase(name: "decimal", value: .decimal("12345678901234567890.1234567890")),
        ValueCase(name: "double", value: .double(0.1)),
        ValueCase(name: "double large", value: .double(-1.5e300)),
        ValueCase(name: "string", value: .string("第一 网格 \"q\" \\ \n\t\u{2028}")),
        ValueCase(name: "empty string", value: .string("")),
        ValueCase(name: "date", value: .date(Fixtures.day(2026, 11, 21))),
        ValueCase(name: "timestamp", value: .timestamp(Fixtures.morning)),
        ValueCase(name: "timestamp with fraction", value: .timestamp(Date(timeIntervalSince1970: 1_795_224_605.123_456))),
        ValueCase(name: "list", value: .list([1, "b", nil, .list([.bool(false)])])),
    ]

    @Test(arguments: values)
    func valuesRoundTrip(_ testCase: ValueCase) throws {
        #expect(try Self.roundTrip(testCase.value) == testCase.value)
        let reply = Reply.record([("v", testCase.value)])
        #expect(try Self.roundTrip(reply) == reply)
    }

    @Test func differentValuesStayDifferent() throws {
        // The round trip must keep the kind, not just the text: "1" the string is not 1 the int.
        let kinds: [ReplyValue] = [.string("1"), .int(1), .decimal("1"), .double(1), .bool(true), .list([.int(1)])]
        let decoded = try kinds.map { try Self.roundTrip($0) }
        #expect(decoded == kinds)
        for (index, value) in decoded.enumerated() {
            #expect(kinds.indices.filter { kinds[$0] == value } == [index])
        }
    }

    struct ReplyCase: Sendable, CustomTestStringConvertible {
        var name: String
        var reply: Reply
        var testDescription: String { name }
    }

    static let replies: [ReplyCase] = [
        ReplyCase(name: "message", reply: .message("pong")),
        ReplyCase(name: "record", reply: .record([("code", "SH-HP-01"), ("n", 3), ("none", nil)])),
        ReplyCase(name: "record with summary", reply: .record([("a", true)], summary: "1 unit")),
        ReplyCase(name: "created", reply: .created(id: 42, "unit created", fields: [("at", .timestamp(Fixtures.now))])),
        ReplyCase(
            name: "table",
            reply: .table(columns: ["id", "name", "day"], rows: [[1, "第一", .date(Fixtures.day(2026, 1, 1))], [2, nil, nil]])
        ),
        ReplyCase(name: "empty table", reply: .table(columns: ["a"], rows: [], summary: "nothing")),
        ReplyCase(name: "text", reply: .text(["line 1", "", "第三行"], summary: "help")),
        ReplyCase(name: "text without summary", reply: Reply(body: .text(["a"]))),
        ReplyCase(name: "odd status", reply: Reply(status: ReplyStatus(299), body: .message("x"), summary: "y")),
    ]

    @Test(arguments: replies)
    func repliesRoundTrip(_ testCase: ReplyCase) throws {
        let decoded = try Self.roundTrip(testCase.reply)
        #expect(decoded == testCase.reply)
        // And they encode on the wire identically.
        let encoder = ReplyEncoder(timeZone: Fixtures.shanghai)
        for format in ReplyFormat.allCases {
            #expect(encoder.encode(decoded, format: format) == encoder.encode(testCase.reply, format: format))
        }
    }

    @Test func equalityNoticesEachPart() {
        let base = Reply.record([("a", 1)], summary: "s")
        #expect(base != Reply.record([("a", 2)], summary: "s"))
        #expect(base != Reply.record([("b", 1)], summary: "s"))
        #expect(base != Reply.record([("a", 1)], summary: nil))
        #expect(base != Reply(status: .created, body: base.body, summary: "s"))
    }

    @Test(arguments: [
        WorkbenchError.notFound("grids.case.not_found", "case 42 does not exist"),
        WorkbenchError.invalidArgument("grid", code: "argument.missing", "missing argument grid"),
        WorkbenchError.internalError(reference: "ab12"),
    ])
    func errorsRoundTrip(_ error: WorkbenchError) throws {
        #expect(try Self.roundTrip(error) == error)
    }

    @Test(arguments: [Role.viewer, .operator, .admin, nil])
    func callersRoundTrip(_ role: Role?) throws {
        let caller = Caller(pid: 4242, uid: 1000, gid: 1000, userName: "党建", role: role)
        #expect(try Self.roundTrip(caller) == caller)
    }

    @Test func statusAndRoleEncodeAsTheirRawValues() throws {
        #expect(String(decoding: try JSONEncoder().encode(ReplyStatus.created), as: UTF8.self) == "201")
        #expect(String(decoding: try JSONEncoder().encode(Role.operator), as: UTF8.self) == "\"operator\"")
        #expect(String(decoding: try JSONEncoder().encode(ReplyFormat.json), as: UTF8.self) == "\"json\"")
    }
}
