/// The spreadsheet forms `-o FILE` writes a list or table in: chosen by the file's extension
/// (`members.csv`, `members.xlsx`) or by `--format`.
enum ExportFormat: String, CaseIterable, Sendable {
    /// RFC 4180 CSV in UTF-8 with the byte-order mark Excel needs to read Chinese.
    case csv
    /// An Excel workbook: typed cells, a frozen header row, widths that fit CJK text.
    case xlsx

    /// The form a file name asks for, by its extension; nil for any other file.
    init?(path: String) {
        guard let dot = path.lastIndex(of: "."), path[dot...].count > 1 else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }
}
