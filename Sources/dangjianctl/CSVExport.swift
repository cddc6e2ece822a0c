/// A sheet as RFC 4180 CSV: UTF-8 with the byte-order mark Excel needs to read Chinese, CRLF
/// between records, a field quoted when it holds a comma, a quote, CR or LF (a quote doubled).
///
/// Text that a spreadsheet would run as a formula (a cell starting with `=`, `+`, `-`, `@`, a
/// tab or CR) is written with a leading `'`, as OWASP advises for CSV injection: a name or a
/// note typed by a resident never becomes a formula on a leader's machine. Numbers are
/// never prefixed.
enum CSVExport {
    /// The file's bytes.
    static func bytes(of sheet: ExportSheet) -> [UInt8] {
        var text = "\u{FEFF}" + record(sheet.header.map(ExportCell.text))
        for row in sheet.rows { text += record(row) }
        return Array(text.utf8)
    }

    private static func record(_ cells: [ExportCell]) -> String {
        cells.map { field(for: $0) }.joined(separator: ",") + "\r\n"
    }

    /// One field, quoted and guarded as needed.
    static func field(for cell: ExportCell) -> String {
        var text = cell.text
        if case .text = cell, let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
