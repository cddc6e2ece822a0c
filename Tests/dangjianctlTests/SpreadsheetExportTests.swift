import Foundation
import Testing

@testable import dangjianctl

/// `-o FILE.csv` and `-o FILE.xlsx`: a table reply's JSON read with its kinds and labels,
/// written as RFC 4180 CSV and as a workbook that an independent reader (Python's openpyxl)
/// reads back with the same values.
@Suite struct SpreadsheetExportTests {
    static let json = #"""
        {"columns":["id","code","name","joined_on","reported_at","hours","active","note"],\#
        "types":["int","string","string","date","timestamp","decimal","bool","string"],\#
        "labels":["编号","编码","姓名","入党日期",null,null,null,"备注"],\#
        "rows":[{"id":1,"code":"C1","name":"王芳","joined_on":"2020-07-01","reported_at":"2026-11-18T09:30:00+08:00","hours":1.5,\#
        "active":true,"note":"=SUM(A1:A9)"},{"id":2,"code":"C2","name":"李, \"强\"","joined_on":null,"reported_at":null,\#
        "hours":null,"active":false,"note":"第一行\n第二行"}],"next_after":2,"message":"2 rows; more with after=2"}
        """#

    @Test func aTablePageKeepsKindsLabelsAndTheNextPage() throws {
        let page = try ExportSheet.page(fromJSON: Self.json, command: "org member list")
        #expect(page.nextAfter == 2)
        #expect(page.sheet.header == ["编号 id", "编码 code", "姓名 name", "入党日期 joined_on", "reported_at", "hours", "active", "备注 note"])
        #expect(
            page.sheet.rows[0]
                == [
                    .integer(1), .text("C1"), .text("王芳"), .date(year: 2020, month: 7, day: 1),
                    .timestamp(year: 2026, month: 11, day: 18, hour: 9, minute: 30, second: 0), .number(1.5), .bool(true),
                    .text("=SUM(A1:A9)"),
                ])
        #expect(page.sheet.rows[1][3] == .empty && page.sheet.rows[1][6] == .bool(false))
    }

    @Test func aRecordIsNotAListAndSaysSo() {
        #expect(throws: ClientError.self) {
            try ExportSheet.page(fromJSON: #"{"record":{"id":1},"message":"ok"}"#, command: "grid case show")
        }
    }

    @Test func csvIsRFC4180WithAByteOrderMarkAndNoFormulas() throws {
        let sheet = try ExportSheet.page(fromJSON: Self.json, command: "org member list").sheet
        let bytes = CSVExport.bytes(of: sheet)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "the byte-order mark Excel needs for Chinese")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let records = text.components(separatedBy: "\r\n")
        #expect(records[0] == "编号 id,编码 code,姓名 name,入党日期 joined_on,reported_at,hours,active,备注 note")
        #expect(records[1] == "1,C1,王芳,2020-07-01,2026-11-18 09:30,1.5,true,'=SUM(A1:A9)")
        #expect(text.hasSuffix("2,C2,\"李, \"\"强\"\"\",,,,false,\"第一行\n第二行\"\r\n"), "\(text)")
    }

    @Test(arguments: [
        (ExportCell.text("plain"), "plain"), (.text("a,b"), "\"a,b\""), (.text("-1"), "'-1"), (.integer(-1), "-1"),
        (.text("@home"), "'@home"), (.text("+86 138"), "'+86 138"), (.number(-2.5), "-2.5"), (.empty, ""),
    ])
    func csvFields(_ cell: ExportCell, _ field: String) {
        #expect(CSVExport.field(for: cell) == field)
    }

    @Test func anXLSXWorkbookReadsBackInOpenpyxlWithItsKinds() throws {
        let sheet = try ExportSheet.page(fromJSON: Self.json, command: "org member list").sheet
        let path = NSTemporaryDirectory() + "export-\(UInt32.random(in: 0...UInt32.max)).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try XLSXExport.write(sheet, name: "org member list", to: path)
        let script = """
            import json, sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            sheet = book.active
            def cell(c):
                return c.isoformat() if hasattr(c, "isoformat") else c
            rows = [[cell(c) for c in row] for row in sheet.iter_rows(values_only=True)]
            print(json.dumps({"title": sheet.title, "freeze": sheet.freeze_panes, "rows": rows,
                              "widths": [sheet.column_dimensions[l].width for l in "ABC"]}, ensure_ascii=False))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let failure = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "openpyxl could not read the workbook (deploy/dev installs python3-openpyxl): \(failure)")
        let read = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(read["title"] as? String == "org member list")
        #expect(read["freeze"] as? String == "A2", "the header row stays in view")
        let rows = try #require(read["rows"] as? [[Any]])
        #expect(rows[0].compactMap { $0 as? String } == sheet.header)
        #expect(rows[1][0] as? Int == 1, "numbers stay numbers")
        #expect(rows[1][2] as? String == "王芳")
        #expect(rows[1][3] as? String == "2020-07-01T00:00:00", "days are dates")
        #expect(rows[1][4] as? String == "2026-11-18T09:30:00", "moments are date-times at the daemon's clock time")
        #expect(rows[1][5] as? Double == 1.5)
        #expect(rows[1][6] as? Bool == true && rows[2][6] as? Bool == false)
        #expect(rows[1][7] as? String == "=SUM(A1:A9)", "text is text, never a formula")
        #expect(rows[2][2] as? String == "李, \"强\"" && rows[2][3] is NSNull)
        let widths = try #require(read["widths"] as? [Double])
        #expect(widths[2] >= 11, "姓名 name is 9 display columns wide, plus a margin: \(widths)")
    }
}
