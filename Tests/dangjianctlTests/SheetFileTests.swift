import Foundation
import Testing

@testable import dangjianctl

/// Reading a register for an import: CSV through CSV.swift, a workbook through ZIPFoundation
/// and the XML parser, both giving the same text cells and each row's place in the file.
@Suite struct SheetFileTests {
    @Test func csvWithAByteOrderMarkQuotesAndANewlineInACell() throws {
        let text = "\u{FEFF}编码 code,名称 name,note\r\nC1,\"幸福, 社区\",\"第一行\n第二行\"\r\n\r\nC2,和平社区\r\n"
        let sheet = try SheetFile.csv(text, path: "units.csv")
        #expect(sheet.header == ["编码 code", "名称 name", "note"])
        #expect(sheet.rows.map(\.cells) == [["C1", "幸福, 社区", "第一行\n第二行"], ["C2", "和平社区", ""]])
        #expect(sheet.rows.map(\.line) == [2, 5], "the second record starts on line 5: the first spans two lines, then a blank one")
    }

    @Test func aRowWiderThanTheHeaderIsRefusedWithItsLine() {
        #expect(throws: ClientError.self) { try SheetFile.csv("code,name\nC1,甲,多余\n", path: "x.csv") }
    }

    @Test func aWorkbookWrittenByTheExportReadsBackAsTheSameText() throws {
        let sheet = ExportSheet(
            columns: ["code", "name", "established_on", "at", "members", "rate", "active"],
            labels: ["编码", "名称", "成立日期", nil, nil, nil, nil],
            types: ["string", "string", "date", "timestamp", "int", "decimal", "bool"],
            rows: [
                [
                    .text("C1"), .text("幸福社区党委"), .date(year: 2010, month: 5, day: 1),
                    .timestamp(year: 2026, month: 11, day: 18, hour: 9, minute: 30, second: 0), .integer(120), .number(0.25), .bool(true),
                ],
                [.text("C2"), .text("和平"), .empty, .empty, .integer(0), .empty, .bool(false)],
            ]
        )
        let path = NSTemporaryDirectory() + "sheet-\(UInt32.random(in: 0...UInt32.max)).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try XLSXExport.write(sheet, name: "org unit list", to: path)
        let read = try SheetFile.read(path)
        #expect(read.header == ["编码 code", "名称 name", "成立日期 established_on", "at", "members", "rate", "active"])
        #expect(read.rows.map(\.line) == [2, 3])
        #expect(read.rows[0].cells == ["C1", "幸福社区党委", "2010-05-01", "2026-11-18 09:30", "120", "0.25", "true"])
        #expect(read.rows[1].cells == ["C2", "和平", "", "", "0", "", "false"])
    }

    @Test func theDaemonsRowsAreShownAsTheFilesLines() throws {
        let sheet = try SheetFile.csv("code,name\nC1,甲\n\nC2,乙\n", path: "units.csv")
        #expect(
            RegisterImport.located("2 of 2 rows refused, nothing imported: row 1, column kind: x; row 2, column code: y", in: sheet, path: "u.csv")
                == "2 of 2 rows refused, nothing imported: u.csv:2, column kind: x; u.csv:4, column code: y")
        #expect(RegisterImport(words: ["org", "unit", "import", "units.xlsx", "dry_run=true"])?.words == ["org", "unit", "import", "dry_run=true"])
        #expect(RegisterImport(words: ["calendar", "import", "2026.csv"]) == nil, "the calendar keeps its own format")
        #expect(RegisterImport(words: ["org", "unit", "list"]) == nil)
    }
}
