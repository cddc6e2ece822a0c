import Testing

@testable import dangjianctl

@Suite("Table layout")
struct TableFormatterTests {
    /// The column at which each `|`-separated cell of `line` would start, by display width:
    /// used to check that columns line up whatever their scripts.
    private func columnStarts(_ line: String, cells: [String]) -> [Int] {
        var starts: [Int] = []
        var rest = Substring(line)
        var consumed = 0
        for cell in cells {
            let trimmed = rest.drop(while: { $0 == " " })
            consumed += DisplayWidth.of(rest.prefix(rest.count - trimmed.count))
            starts.append(consumed)
            #expect(trimmed.hasPrefix(cell), "\(line) does not have \(cell) where expected")
            rest = trimmed.dropFirst(cell.count)
            consumed += DisplayWidth.of(cell)
        }
        return starts
    }

    @Test func mixedCJKAndASCIICellsLineUp() {
        let lines = TableFormatter.lines(
            header: ["code", "name", "status"],
            rows: [
                ["B1", "第一党支部", "open"],
                ["branch-two", "Party branch 2", "closed"],
                ["B3", "！全角", "open"],
            ]
        )
        #expect(
            lines == [
                "code        name            status",
                "B1          第一党支部      open",
                "branch-two  Party branch 2  closed",
                "B3          ！全角          open",
            ])
        let cells = [["code", "name", "status"], ["B1", "第一党支部", "open"], ["branch-two", "Party branch 2", "closed"], ["B3", "！全角", "open"]]
        let starts = zip(lines, cells).map { columnStarts($0, cells: $1) }
        #expect(Set(starts).count == 1, "column starts differ: \(starts)")
        #expect(starts.first == [0, 12, 28])
    }

    @Test func numericColumnsAreRightAligned() {
        let lines = TableFormatter.lines(header: ["id", "score", "name"], rows: [["7", "-1.5", "甲"], ["1024", "", "乙"], ["42", "10", "丙"]])
        #expect(
            lines == [
                "  id  score  name",
                "   7   -1.5  甲",
                "1024         乙",
                "  42     10  丙",
            ])
    }

    @Test func escapedCellsAreMeasuredAfterUnescaping() {
        let lines = TableFormatter.lines(header: ["a", "b"], rows: [[#"x\ty"#, "1"], [#"two\nlines"#, "2"], [#"C:\\dir"#, "3"]])
        #expect(
            lines == [
                "a          b",
                "x⇥y        1",
                "two↵lines  2",
                #"C:\dir     3"#,
            ])
    }

    @Test func emptyLastCellsLeaveNoTrailingBlanks() {
        let lines = TableFormatter.lines(header: ["name", "note"], rows: [["党建", ""], ["x", "y"]])
        #expect(lines == ["name  note", "党建", "x     y"])
        #expect(lines.allSatisfy { $0.last != " " })
    }

    @Test func headerOnlyTable() {
        #expect(TableFormatter.lines(header: ["id", "name"], rows: []) == ["id  name"])
    }

    @Test(arguments: [
        ("42", true), ("-3", true), ("3.14", true), ("-0.5", true), ("", false), ("1e5", false), ("1.", false), (".5", false), ("١٢", false),
        ("12a", false), ("-", false),
    ])
    func numberRecognition(cell: String, expected: Bool) {
        #expect(TableFormatter.isNumber(cell) == expected)
    }
}
