import Testing
import WorkbenchKit

@Suite("The rows form: the marker, the lines, the spec")
struct RequestRowsTests {
    @Test(arguments: [
        ("calendar import <<3", "calendar import", 3), ("x <<0", "x", 0), ("a b\t<<12", "a b", 12),
    ])
    func announced(_ line: String, _ rest: String, _ lines: Int) throws {
        let found = try #require(RequestRows.announced(in: line))
        #expect(found.line == rest && found.lines == lines)
    }

    @Test(arguments: ["calendar import", "x <<", "x <<-1", "x <<3a", #"x "<<3""#, "<<3", "x <<99999999999"])
    func notAnnounced(_ line: String) {
        #expect(RequestRows.announced(in: line) == nil)
    }

    @Test(arguments: [
        ("plain", "plain"), (#"a\tb"#, "a\tb"), (#"line\nnext"#, "line\nnext"), (#"back\\slash"#, "back\\slash"),
        (#"bell\x07"#, "bell\u{07}"), (#"sep\u2028"#, "sep\u{2028}"), ("国庆节", "国庆节"),
    ])
    func unescapeUndoesEscape(_ written: String, _ value: String) {
        #expect(ReplyEscaping.unescape(written) == value)
        #expect(ReplyEscaping.escape(value) == written)
    }

    @Test(arguments: [#"trailing\"#, #"\q"#, #"\x4"#, #"\u20"#])
    func aBackslashThatStartsNoEscapeIsRefused(_ written: String) {
        #expect(ReplyEscaping.unescape(written) == nil)
    }

    @Test func linesBecomeRowsUnderTheirHeader() throws {
        let rows = try RequestRows(lines: ["name\tdate", #"国庆\t节"# + "\t2026-10-01", "\t2026-10-02"])
        #expect(rows.columns == ["name", "date"])
        #expect(rows.value("name", row: 1) == "国庆\t节" && rows.value("date", row: 2) == "2026-10-02" && rows.value("name", row: 2) == "")
        #expect(rows.value("kind", row: 1) == nil)
    }

    @Test(arguments: [
        ([String](), "rows.missing_header"), (["a\t\tc"], "rows.bad_header"), (["a\ta"], "rows.bad_header"),
        (["a\tb", "1\t2", "3"], "rows.wrong_width"), (["a", #"x\q"#], "rows.bad_escape"),
    ])
    func malformedLinesAreRefusedNamingTheRow(_ lines: [String], _ code: String) {
        #expect(throws: WorkbenchError.self) { try RequestRows(lines: lines) }
        do {
            _ = try RequestRows(lines: lines)
        } catch {
            #expect(error.code == code, "\(error)")
            if code == "rows.wrong_width" { #expect(error.message.hasPrefix("row 2 has 1 cell")) }
        }
    }

    static let spec = RowsSpec(columns: [.init("date", help: "the day"), .init("name", required: false, help: "what")], maximumRows: 2)

    @Test(arguments: [
        (["date\tname", "2026-10-01\tx"], nil),
        (["name", "x"], "rows.missing_column"),
        (["date\tcolour", "d\tred"], "rows.unknown_column"),
        (["date", "2026-10-01", " "], "rows.missing_value"),
        (["date", "a", "b", "c"], "rows.too_many"),
    ])
    func theSpecChecksColumnsValuesAndCount(_ lines: [String], _ code: String?) throws {
        let rows = try RequestRows(lines: lines)
        do {
            try Self.spec.check(rows)
            #expect(code == nil)
        } catch {
            #expect(error.code == code, "\(error)")
        }
    }

    /// A register's columns come from its add command: required as it requires, with the
    /// label, the form, the allowed words and the value of its first example.
    @Test func aRegistersColumnsComeFromItsAddCommand() throws {
        let add = CommandSpec(
            "unit add", synopsis: "Add",
            arguments: [
                .required("code", .string(maxLength: 32), help: "Code", label: "编码"),
                .optional("kind", .enumeration(["street", "community"]), help: "Kind", label: "类型"),
            ],
            examples: ["org unit add code=JD01 kind=street"]
        ) { _ in .message("") }
        let spec = RowsSpec(columnsOf: add, ignoring: ["id"])
        #expect(spec.columns.map(\.name) == ["code", "kind"] && spec.columns.map(\.required) == [true, false])
        #expect(spec.columns.map(\.example) == ["JD01", "street"] && spec.columns[1].allowed == ["street", "community"])
        #expect(try spec.column(named: "编码 code") == "code" && spec.column(named: "类型") == "kind" && spec.column(named: "id") == nil)
        #expect(throws: WorkbenchError.self) { try spec.column(named: "colour") }
        let rows = try spec.normalized(RequestRows(columns: ["id", "类型 kind", "code"], rows: [["7", "street", "JD01"]]))
        #expect(rows.columns == ["kind", "code"] && rows.rows == [["street", "JD01"]])
    }
}
