import CXLSXWriter

/// A sheet as an Excel workbook, written with libxlsxwriter (Debian's `libxlsxwriter-dev`):
/// a maintained C library that writes the OOXML format and its zip container, so dangjianctl
/// writes neither by hand. One worksheet; a bold header row frozen in place; numbers as
/// numbers, days as dates (`yyyy-mm-dd`), moments as date-times (`yyyy-mm-dd hh:mm`, the
/// clock time the daemon showed), true/false as booleans; each column as wide as its widest
/// cell in display columns (a Chinese character counts two), within 8 to 60. Written in
/// libxlsxwriter's constant-memory mode (strings inline, rows streamed).
enum XLSXExport {
    /// Writes `sheet` to `path` (replacing it) under the worksheet name `name`.
    static func write(_ sheet: ExportSheet, name: String, to path: String) throws(ClientError) {
        try write([(name, sheet)], to: path)
    }

    /// Writes `sheets` to `path` (replacing it), one worksheet each, in order.
    static func write(_ sheets: [(name: String, sheet: ExportSheet)], to path: String) throws(ClientError) {
        // Constant-memory mode streams each row to a temporary file as it is written (rows go in
        // order), so a register of 500,000 rows does not sit in memory twice.
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 1)
        guard let workbook = workbook_new_opt(path, &options) else {
            throw ClientError.export("cannot create the workbook \(path) (is its directory writable?)")
        }
        let bold = workbook_add_format(workbook)
        format_set_bold(bold)
        let day = workbook_add_format(workbook)
        format_set_num_format(day, "yyyy-mm-dd")
        let moment = workbook_add_format(workbook)
        format_set_num_format(moment, "yyyy-mm-dd hh:mm")
        for (name, sheet) in sheets {
            let worksheet = workbook_add_worksheet(workbook, worksheetName(name))
            writeSheet(sheet, to: worksheet, bold: bold, day: day, moment: moment)
        }
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            throw ClientError.export("cannot write the workbook \(path): \(String(cString: lxw_strerror(status)))")
        }
    }

    /// One worksheet: widths, the bold header, the rows, the frozen header row.
    private static func writeSheet(
        _ sheet: ExportSheet, to worksheet: UnsafeMutablePointer<lxw_worksheet>?, bold: UnsafeMutablePointer<lxw_format>?,
        day: UnsafeMutablePointer<lxw_format>?, moment: UnsafeMutablePointer<lxw_format>?
    ) {
        for column in sheet.columns.indices {
            worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), Double(width(of: column, in: sheet)), nil)
        }
        for (column, title) in sheet.header.enumerated() {
            worksheet_write_string(worksheet, 0, lxw_col_t(column), title, bold)
        }
        for (index, row) in sheet.rows.enumerated() {
            let line = lxw_row_t(index + 1)
            for (column, cell) in row.enumerated() {
                let col = lxw_col_t(column)
                switch cell {
                case .empty: break
                case .integer(let value): worksheet_write_number(worksheet, line, col, Double(value), nil)
                case .number(let value): worksheet_write_number(worksheet, line, col, value, nil)
                case .bool(let value): worksheet_write_boolean(worksheet, line, col, value ? 1 : 0, nil)
                case .text(let value): worksheet_write_string(worksheet, line, col, value, nil)
                case .date(let year, let month, let dayOfMonth):
                    var value = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(dayOfMonth), hour: 0, min: 0, sec: 0)
                    worksheet_write_datetime(worksheet, line, col, &value, day)
                case .timestamp(let year, let month, let dayOfMonth, let hour, let minute, let second):
                    var value = lxw_datetime(
                        year: Int32(year), month: Int32(month), day: Int32(dayOfMonth), hour: Int32(hour), min: Int32(minute), sec: second)
                    worksheet_write_datetime(worksheet, line, col, &value, moment)
                }
            }
        }
        worksheet_freeze_panes(worksheet, 1, 0)
    }

    /// Excel's column width for `column`: its widest cell in display columns, plus a margin.
    static func width(of column: Int, in sheet: ExportSheet) -> Int {
        var widest = DisplayWidth.of(sheet.header[column])
        for row in sheet.rows { widest = max(widest, DisplayWidth.of(row[column].text)) }
        return min(max(widest + 2, 8), 60)
    }

    /// A worksheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
    static func worksheetName(_ name: String) -> String {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
        return cleaned.isEmpty ? "Sheet1" : cleaned
    }
}
