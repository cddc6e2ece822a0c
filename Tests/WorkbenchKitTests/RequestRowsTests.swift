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
}
