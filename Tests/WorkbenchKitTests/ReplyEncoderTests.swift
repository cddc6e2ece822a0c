import Foundation
import Testing
import WorkbenchKit
import WorkbenchPostgres

@Suite("ReplyEncoder")
struct ReplyEncoderTests {
    static let encoder = ReplyEncoder(timeZone: Fixtures.shanghai)

    /// The JSON object of a JSON-form reply, after checking the line's shape.
    static func jsonObject(_ output: String, status: Int) throws -> [String: Any] {
        let prefix = "\(status) "
        #expect(output.hasPrefix(prefix), "\(output.debugDescription)")
        #expect(output.hasSuffix("\n"))
        #expect(output.utf8.filter { $0 == UInt8(ascii: "\n") }.count == 1, "JSON form is one line: \(output.debugDescription)")
        #expect(output.utf8.filter { $0 == UInt8(ascii: "\r") }.isEmpty)
        let body = output.dropFirst(prefix.count).dropLast()
        let object = try JSONSerialization.jsonObject(with: Data(body.utf8))
        return try #require(object as? [String: Any])
    }

    /// The JSON text after the status, without the newline.
    static func jsonText(_ reply: Reply) -> String {
        let output = encoder.encode(reply, format: .json)
        return String(output.drop(while: { $0 != " " }).dropFirst().dropLast())
    }

    // MARK: Text form

    struct TextCase: Sendable, CustomTestStringConvertible {
        var name: String
        var reply: Reply
        var text: String
        var testDescription: String { name }
    }

    static let textCases: [TextCase] = [
        TextCase(name: "message", reply: .message("pong"), text: "200 pong\n"),
        TextCase(name: "message with a newline", reply: .message("two\nlines"), text: "200 two lines\n"),
        TextCase(
            name: "record",
            reply: .record([("code", "SH-HP-01"), ("name", "第一 网格"), ("members", 12), ("active", true), ("phone", nil)]),
            text: "200-code: SH-HP-01\n200-name: 第一 网格\n200-members: 12\n200-active: true\n200-phone: \n200 ok\n"
        ),
        TextCase(
            name: "record with summary and a multi-line value",
            reply: .record([("note", "line 1\nline 2\r\nline 3")], summary: "1 unit"),
            text: "200-note: line 1\\nline 2\\r\\nline 3\n200 1 unit\n"
        ),
        TextCase(
            name: "created",
            reply: .created(id: 42, "unit SH-HP-01 created", fields: [("path", "1.42")]),
            text: "201-id: 42\n201-path: 1.42\n201 unit SH-HP-01 created\n"
        ),
        TextCase(
            name: "created without summary override",
            reply: Reply(status: .created, body: .record([ReplyField(name: "id", value: 7)])),
            text: "201-id: 7\n201 created\n"
        ),
        TextCase(
            name: "table",
            reply: .table(columns: ["id", "name", "note"], rows: [[1, "第一网格", nil], [2, "a\tb", "back\\slash\nnext\r"]]),
            text: "200-id\tname\tnote\n200-1\t第一网格\t\n200-2\ta\\tb\tback\\\\slash\\nnext\\r\n200 2 rows\n"
        ),
        TextCase(name: "table of one row", reply: .table(columns: ["n"], rows: [[1]]), text: "200-n\n200-1\n200 1 row\n"),
        TextCase(name: "empty table", reply: .table(columns: ["a", "b"], rows: []), text: "200-a\tb\n200 0 rows\n"),
        TextCase(
            name: "table with escaped header",
            reply: .table(columns: ["a\tb"], rows: [["\\"]], summary: "custom"),
            text: "200-a\\tb\n200-\\\\\n200 custom\n"
        ),
        TextCase(
            name: "text lines",
            reply: .text(["Built-in commands:", "  ping  Check the daemon", "", "two\nparts"], summary: "help"),
            text: "200-Built-in commands:\n200-  ping  Check the daemon\n200-\n200-two\\nparts\n200 help\n"
        ),
        TextCase(name: "text default summary", reply: Reply(body: .text(["a"])), text: "200-a\n200 1 line\n"),
        TextCase(name: "text default summary plural", reply: Reply(body: .text(["a", "b"])), text: "200-a\n200-b\n200 2 lines\n"),
        TextCase(name: "summary with a newline", reply: .record([("a", 1)], summary: "x\ny"), text: "200-a: 1\n200 x y\n"),
        TextCase(
            name: "a record value cannot forge a field",
            reply: .record([("description", "占道\nstatus: closed"), ("status", "reported")]),
            text: "200-description: 占道\\nstatus: closed\n200-status: reported\n200 ok\n"
        ),
        TextCase(
            name: "a value inside a text line cannot forge a line",
            reply: .text(["2026-11-21 note 已处理\n2026-11-22 closed by admin", "2026-11-21 reported"], summary: "2 events"),
            text: "200-2026-11-21 note 已处理\\n2026-11-22 closed by admin\n200-2026-11-21 reported\n200 2 events\n"
        ),
        TextCase(
            name: "terminal controls are escaped in every form",
            reply: .record([("name", "\u{1B}[31mred\u{7}\u{85}\u{2028}")], summary: "bell\u{7} \\ kept"),
            text: "200-name: \\x1B[31mred\\x07\\x85\\u2028\n200 bell\\x07 \\ kept\n"
        ),
    ]

    @Test(arguments: textCases)
    func textForm(_ testCase: TextCase) {
        #expect(Self.encoder.encode(testCase.reply, format: .text) == testCase.text)
    }

    struct ValueCase: Sendable, CustomTestStringConvertible {
        var name: String
        var value: ReplyValue
        var text: String
        /// The value's JSON text.
        var json: String
        var testDescription: String { name }
    }

    static let valueCases: [ValueCase] = [
        ValueCase(name: "null", value: .null, text: "", json: "null"),
        ValueCase(name: "true", value: true, text: "true", json: "true"),
        ValueCase(name: "false", value: false, text: "false", json: "false"),
        ValueCase(name: "int", value: -42, text: "-42", json: "-42"),
        ValueCase(name: "int max", value: .int(.max), text: "9223372036854775807", json: "9223372036854775807"),
        ValueCase(
            name: "decimal", value: .decimal(Decimal(string: "12345678901234567890.123456789")),
            text: "12345678901234567890.123456789", json: "12345678901234567890.123456789"
        ),
        ValueCase(name: "decimal text", value: .decimal("-0.10"), text: "-0.10", json: "-0.10"),
        ValueCase(name: "nil decimal", value: .decimal(Decimal?.none), text: "", json: "null"),
        ValueCase(name: "whole double", value: .double(3), text: "3", json: "3"),
        ValueCase(name: "double", value: .double(31.2304), text: "31.2304", json: "31.2304"),
        ValueCase(name: "negative double", value: .double(-121.5), text: "-121.5", json: "-121.5"),
        ValueCase(name: "nan", value: .double(.nan), text: "nan", json: "null"),
        ValueCase(name: "infinity", value: .double(.infinity), text: "inf", json: "null"),
        ValueCase(name: "string", value: "第一 网格", text: "第一 网格", json: "\"第一 网格\""),
        ValueCase(name: "nil string", value: .string(String?.none), text: "", json: "null"),
        ValueCase(name: "nil int", value: .int(Int?.none), text: "", json: "null"),
        ValueCase(name: "date", value: .date(Fixtures.day(2026, 2, 8)), text: "2026-02-08", json: "\"2026-02-08\""),
        ValueCase(name: "nil date", value: .date(CalendarDate?.none), text: "", json: "null"),
        ValueCase(
            name: "timestamp", value: .timestamp(Fixtures.morning), text: "2026-11-21T09:30:05+08:00",
            json: "\"2026-11-21T09:30:05+08:00\""
        ),
        ValueCase(
            name: "timestamp with fraction", value: .timestamp(Date(timeIntervalSince1970: 1_795_224_605.75)),
            text: "2026-11-21T09:30:05+08:00", json: "\"2026-11-21T09:30:05+08:00\""
        ),
        ValueCase(
            name: "timestamp across midnight", value: .timestamp(Fixtures.now), text: "2026-11-22T00:00:30+08:00",
            json: "\"2026-11-22T00:00:30+08:00\""
        ),
        ValueCase(name: "nil timestamp", value: .timestamp(Date?.none), text: "", json: "null"),
        ValueCase(name: "list", value: .list([1, "b", nil, true]), text: "1,b,,true", json: "[1,\"b\",null,true]"),
        ValueCase(name: "empty list", value: .list([]), text: "", json: "[]"),
    ]

    @Test(arguments: valueCases)
    func values(_ testCase: ValueCase) throws {
        #expect(Self.encoder.textValue(testCase.value) == testCase.text)
        let record = Self.encoder.encode(.record([("v", testCase.value)]), format: .text)
        #expect(record == "200-v: \(testCase.text)\n200 ok\n")
        #expect(Self.jsonText(.record([("v", testCase.value)])) == "{\"record\":{\"v\":\(testCase.json)},\"message\":\"ok\"}")
        // And the JSON is valid.
        _ = try Self.jsonObject(Self.encoder.encode(.record([("v", testCase.value)]), format: .json), status: 200)
    }

    @Test func timestampsFollowTheEncodersZone() {
        let utc = ReplyEncoder(timeZone: .gmt)
        #expect(utc.textValue(.timestamp(Fixtures.morning)) == "2026-11-21T01:30:05Z")
        let newYork = ReplyEncoder(timeZone: TimeZone(identifier: "America/New_York")!)
        #expect(newYork.textValue(.timestamp(Fixtures.morning)) == "2026-11-20T20:30:05-05:00")
        #expect(newYork.textValue(.timestamp(Date(timeIntervalSince1970: 1_784_554_205))) == "2026-07-20T09:30:05-04:00")
    }

    // MARK: JSON form

    @Test func jsonMessage() throws {
        #expect(Self.encoder.encode(.message("pong"), format: .json) == "200 {\"message\":\"pong\"}\n")
        let object = try Self.jsonObject(Self.encoder.encode(.message("two\nlines"), format: .json), status: 200)
        #expect(object["message"] as? String == "two\nlines")
    }

    @Test func jsonRecordKeepsFieldOrderAndTypes() throws {
        let reply = Reply.record([
            ("code", "SH-HP-01"), ("members", 12), ("share", .decimal("0.125")), ("active", false), ("phone", nil),
            ("founded", .date(Fixtures.day(2021, 7, 1))), ("lat", .double(31.5)),
        ])
        let text = Self.jsonText(reply)
        #expect(
            text == """
                {"record":{"code":"SH-HP-01","members":12,"share":0.125,"active":false,"phone":null,\
                "founded":"2021-07-01","lat":31.5},"message":"ok"}
                """)
        let object = try Self.jsonObject(Self.encoder.encode(reply, format: .json), status: 200)
        let record = try #require(object["record"] as? [String: Any])
        #expect(record["code"] as? String == "SH-HP-01")
        #expect((record["members"] as? NSNumber)?.int64Value == 12)
        #expect(record["phone"] is NSNull)
        #expect(record["founded"] as? String == "2021-07-01")
        #expect(object["id"] == nil)
    }

    @Test func jsonCreatedHasATopLevelID() throws {
        let reply = Reply.created(id: 42, "unit created", fields: [("code", "SH-HP-01")])
        let output = Self.encoder.encode(reply, format: .json)
        #expect(output == "201 {\"id\":42,\"record\":{\"id\":42,\"code\":\"SH-HP-01\"},\"message\":\"unit created\"}\n")
        let object = try Self.jsonObject(output, status: 201)
        #expect((object["id"] as? NSNumber)?.int64Value == 42)
        let record = try #require(object["record"] as? [String: Any])
        #expect((record["id"] as? NSNumber)?.int64Value == 42)
        #expect(object["message"] as? String == "unit created")
    }

    @Test func jsonTableRowsAreObjectsKeyedByColumnInOrder() throws {
        let reply = Reply.table(
            columns: ["id", "name", "note", "at"],
            rows: [[1, "第一网格", nil, .timestamp(Fixtures.morning)], [2, "a\tb", "x", nil]]
        )
        let output = Self.encoder.encode(reply, format: .json)
        #expect(
            output == """
                200 {"columns":["id","name","note","at"],"types":["int","string","string","timestamp"],"labels":[null,null,null,null],\
                "rows":[{"id":1,"name":"第一网格","note":null,"at":"2026-11-21T09:30:05+08:00"},\
                {"id":2,"name":"a\\tb","note":"x","at":null}],"message":"2 rows"}

                """)
        let object = try Self.jsonObject(output, status: 200)
        #expect(object["columns"] as? [String] == ["id", "name", "note", "at"])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { Set($0.keys) == ["id", "name", "note", "at"] })
        #expect(rows[1]["name"] as? String == "a\tb")
        #expect(rows[0]["note"] is NSNull)
    }

    /// What a spreadsheet needs from a page of a list: each column's kind, its name in the
    /// domain's words, and the `after=` of the next page.
    @Test func jsonTablesCarryTypesLabelsAndTheNextPage() throws {
        let page = Page(limit: 2, after: nil)
        let reply = page.reply(
            columns: ["id", "code", "joined_on", "hours"],
            rows: [
                (1, [1, "C1", .date(CalendarDate(year: 2026, month: 1, day: 31)), .decimal("1.5")]), (2, [2, "C2", nil, nil]),
                (3, [3, "C3", nil, nil]),
            ]
        )
        let encoder = ReplyEncoder(timeZone: Self.encoder.timeZone, columnLabels: ["code": "编码"])
        let object = try Self.jsonObject(encoder.encode(reply, format: .json), status: 200)
        #expect(object["types"] as? [String] == ["int", "string", "date", "decimal"])
        #expect((object["labels"] as? [Any])?.map { $0 as? String } == [nil, "编码", nil, nil])
        #expect(object["next_after"] as? Int == 2)
        #expect((object["rows"] as? [Any])?.count == 2)
        let last = try Self.jsonObject(
            encoder.encode(Page(limit: 5, after: nil).reply(columns: ["id"], rows: [(1, [1])]), format: .json), status: 200)
        #expect(last["next_after"] == nil, "the last page names no next one")
        #expect(
            ColumnLabels.vocabulary(of: [
                CommandSpec("x add", synopsis: "x", arguments: [.required("code", .string(maxLength: 9), help: "c", label: "编码")]) { _ in .message("")
                }
            ])["code"] == "编码")
    }

    @Test func aDocumentIsARecordWithNamedTablesInBothForms() throws {
        let reply = Reply.document(
            [("code", "GC-1"), ("status", "closed")],
            sections: [
                ("timeline", ReplyTable(columns: ["at", "kind", "note"], rows: [[.timestamp(Fixtures.morning), "reported", "占道\nstatus: open"]])),
                ("empty", ReplyTable(columns: ["a"], rows: [])),
            ],
            summary: "GC-1 closed"
        )
        let text = Self.encoder.encode(reply, format: .text)
        #expect(
            text == """
                200-code: GC-1
                200-status: closed
                200-[timeline]
                200-at\tkind\tnote
                200-2026-11-21T09:30:05+08:00\treported\t占道\\nstatus: open
                200-[empty]
                200-a
                200 GC-1 closed

                """)
        let object = try Self.jsonObject(Self.encoder.encode(reply, format: .json), status: 200)
        #expect((object["record"] as? [String: Any])?["status"] as? String == "closed")
        let tables = try #require(object["tables"] as? [String: Any])
        let timeline = try #require(tables["timeline"] as? [String: Any])
        #expect(timeline["columns"] as? [String] == ["at", "kind", "note"])
        let rows = try #require(timeline["rows"] as? [[String: Any]])
        #expect(rows.count == 1 && rows[0]["kind"] as? String == "reported" && rows[0]["note"] as? String == "占道\nstatus: open")
        #expect(((tables["empty"] as? [String: Any])?["rows"] as? [Any])?.isEmpty == true)
        #expect(object["message"] as? String == "GC-1 closed")
    }

    @Test func jsonTextLines() throws {
        let reply = Reply.text(["first", "second\tcol", "第三"], summary: "help")
        let object = try Self.jsonObject(Self.encoder.encode(reply, format: .json), status: 200)
        #expect(object["lines"] as? [String] == ["first", "second\tcol", "第三"])
        #expect(object["message"] as? String == "help")
    }

    @Test func jsonEscaping() throws {
        let tricky = "say \"hi\" \\ \u{1}\u{1F}\u{7F} \n\r\t 党建 \u{2028}\u{2029} 😀 /"
        let text = Self.jsonText(.message(tricky))
        #expect(text == #"{"message":"say \"hi\" \\ \u0001\u001f\u007f \n\r\t 党建 \u2028\u2029 😀 /"}"#)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" })
        let object = try Self.jsonObject(Self.encoder.encode(.message(tricky), format: .json), status: 200)
        #expect(object["message"] as? String == tricky)
    }

    @Test func jsonDecimalsKeepEveryDigit() throws {
        let reply = Reply.record([("amount", .decimal(Decimal(string: "98765432109876543210.0123456789")))])
        #expect(Self.jsonText(reply).contains("\"amount\":98765432109876543210.0123456789}"))
        let object = try Self.jsonObject(Self.encoder.encode(reply, format: .json), status: 200)
        let record = try #require(object["record"] as? [String: Any])
        #expect(record["amount"] is NSNumber)
    }

    // MARK: Errors

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var error: WorkbenchError
        var text: String
        var json: String
        var testDescription: String { error.code }
    }

    @Test(arguments: [
        ErrorCase(
            error: .notFound("grids.case.not_found", "case 42 does not exist"),
            text: "404 grids.case.not_found: case 42 does not exist\n",
            json: #"404 {"error":{"code":"grids.case.not_found","message":"case 42 does not exist"}}"# + "\n"
        ),
        ErrorCase(
            error: .invalidArgument("grid", "grid=\"x\" is not valid:\nexpected an id"),
            text: "400 argument.invalid: grid=\"x\" is not valid: expected an id\n",
            json: #"400 {"error":{"code":"argument.invalid","message":"grid=\"x\" is not valid:\nexpected an id","argument":"grid"}}"#
                + "\n"
        ),
        ErrorCase(
            error: WorkbenchError(status: .unavailable, code: "database.unavailable", message: "line 1\r\nline 2\rline 3"),
            text: "503 database.unavailable: line 1 line 2 line 3\n",
            json: #"503 {"error":{"code":"database.unavailable","message":"line 1\r\nline 2\rline 3"}}"# + "\n"
        ),
        ErrorCase(
            error: .ruleRefused("党建.规则", "不允许"),
            text: "422 党建.规则: 不允许\n",
            json: #"422 {"error":{"code":"党建.规则","message":"不允许"}}"# + "\n"
        ),
    ])
    func errors(_ testCase: ErrorCase) throws {
        let text = Self.encoder.encode(testCase.error, format: .text)
        #expect(text == testCase.text)
        #expect(wireLines(text).count == 1)
        let line = try #require(ReplyLine(parsing: text.dropLast()))
        #expect(line.isFinal)
        #expect(line.status == testCase.error.status.code)

        let json = Self.encoder.encode(testCase.error, format: .json)
        #expect(json == testCase.json)
        let object = try Self.jsonObject(json, status: testCase.error.status.code)
        let error = try #require(object["error"] as? [String: Any])
        #expect(error["code"] as? String == testCase.error.code)
        #expect(error["message"] as? String == testCase.error.message)
        #expect(error["argument"] as? String == testCase.error.argument)
    }

    // MARK: Framing

    static let framingCorpus: [Reply] =
        textCases.map(\.reply) + [
            .record([("weird\tname", "v\u{2028}w"), ("x", .list(["a\nb"]))]),
            .table(columns: ["c"], rows: [["\r\n"], ["\n\n"], ["tail\\"]]),
            .text(["", "\n", "a\n\nb"], summary: "\n"),
            Reply(status: ReplyStatus(299), body: .message("odd status")),
            .created(id: 1, "multi\nline\nsummary"),
        ]

    /// Checks the protocol's framing: every line but the last `NNN-`, the last `NNN `.
    static func checkFraming(_ output: String, status: Int) {
        let lines = wireLines(output)
        #expect(!lines.isEmpty)
        #expect(output.hasSuffix("\n"))
        for (index, line) in lines.enumerated() {
            let isLast = index == lines.count - 1
            let prefix = "\(status)\(isLast ? " " : "-")"
            #expect(line.hasPrefix(prefix), "line \(index) \(line.debugDescription) of \(output.debugDescription)")
            let parsed = ReplyLine(parsing: line[...])
            #expect(parsed?.status == status)
            #expect(parsed?.isFinal == isLast)
        }
    }

    @Test(arguments: 0..<framingCorpus.count)
    func everyTextReplyIsFramed(_ index: Int) throws {
        let reply = Self.framingCorpus[index]
        Self.checkFraming(Self.encoder.encode(reply, format: .text), status: reply.status.code)
        _ = try Self.jsonObject(Self.encoder.encode(reply, format: .json), status: reply.status.code)
    }

    // Regression test for a bug found in Replies/ReplyEncoder.swift:83.
    @Test func textLinesWithCRLFStayFramed() {
        // Fixed bug (WorkbenchKit, Replies/ReplyEncoder.swift:83): text lines are split with
        // `text.split(separator: "\n", …)`, which compares Characters; "\r\n" is a single
        // Character, so a line holding CRLF is not split and the raw CRLF goes on the wire. The
        // client then reads "second" as a line with no `NNN-` prefix and the reply's framing
        // breaks (help text from a module whose source has CRLF line ends does this). Fix: split
        // on every newline, e.g. `text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)`,
        // or escape/strip `\r` before splitting.
        let reply = Reply.text(["first\r\nsecond"], summary: "2 lines")
        Self.checkFraming(Self.encoder.encode(reply, format: .text), status: 200)
    }

    // Regression test for a bug found in Replies/ReplyEncoder.swift:106, `escapeCell`.
    @Test func aBackslashBeforeACombiningMarkIsEscaped() {
        // Fixed bug (WorkbenchKit, Replies/ReplyEncoder.swift:106, `escapeCell`): the fast-path guard
        // compares Characters (`$0 == "\\"`), but a backslash followed by a combining mark is one
        // Character ("\\\u{301}"), so the guard misses it and the cell goes out with a raw,
        // unescaped backslash; a client that unescapes TSV cells then reads `\́` as an invalid
        // escape. The loop below it works on scalars; the guard should too:
        // `text.unicodeScalars.contains { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }`.
        let reply = Reply.table(columns: ["path"], rows: [["C:\\\u{301}"]])
        #expect(Self.encoder.encode(reply, format: .text) == "200-path\n200-C:\\\\\u{301}\n200 1 row\n")
    }

    // Regression test for a bug found in Replies/ReplyEncoder.swift:170.
    @Test func aNaNDecimalStillGivesValidJSON() throws {
        // Fixed bug (WorkbenchKit, Replies/ReplyEncoder.swift:170, `jsonValue`): `.decimal` text is
        // written raw as a JSON number. PostgreSQL numeric can hold 'NaN', which
        // WorkbenchPostgres decodes to `Decimal.nan` (Rows/PostgresDecodable.swift:78), and
        // `ReplyValue.decimal(_: Decimal?)` turns that into `.decimal("NaN")`; the JSON reply
        // then contains a bare `NaN` and is not valid JSON. `.double` already maps non-finite
        // values to null. Fix: in `jsonValue`, write the text raw only when it matches the JSON
        // number grammar and write null otherwise (and/or map `Decimal.nan` to `.null` in
        // `ReplyValue.decimal(_: Decimal?)`, Replies/ReplyValue.swift:43).
        let reply = Reply.record([("ratio", .decimal(Decimal.nan))])
        let output = Self.encoder.encode(reply, format: .json)
        let body = Data(output.drop(while: { $0 != " " }).dropFirst().utf8)
        #expect((try? JSONSerialization.jsonObject(with: body)) != nil, "not valid JSON: \(output.debugDescription)")
    }

    @Test func summaries() {
        #expect(ReplyEncoder.summary(of: .message("pong")) == "pong")
        #expect(ReplyEncoder.summary(of: .record([("a", 1)])) == "ok")
        #expect(ReplyEncoder.summary(of: Reply(status: .created, body: .record([]))) == "created")
        #expect(ReplyEncoder.summary(of: .table(columns: ["a"], rows: [[1], [2], [3]])) == "3 rows")
        #expect(ReplyEncoder.summary(of: .table(columns: ["a"], rows: [[1], [2], [3]], summary: "three")) == "three")
        #expect(ReplyEncoder.summary(of: Reply(body: .text([]))) == "0 lines")
    }
}
