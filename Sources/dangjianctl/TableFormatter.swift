/// Lays out a table reply in aligned columns.
///
/// Cells are shown in their display form (``CellText/display(_:)``) and padded to the
/// widest cell of their column by display width (``DisplayWidth``), so CJK text lines up.
/// Columns are two spaces apart. A column whose cells are all numbers (empty cells aside)
/// is right-aligned, header included; other columns are left-aligned. No line ends in
/// blanks.
enum TableFormatter {
    /// The space between columns.
    static let gap = "  "

    /// The table's lines: the header, then one line per row.
    static func lines(header: [String], rows: [[String]]) -> [String] {
        let table = ([header] + rows).map { row in row.map { CellText.display($0) } }
        let columnCount = header.count
        var widths = [Int](repeating: 0, count: columnCount)
        var numeric = [Bool](repeating: !rows.isEmpty, count: columnCount)
        for (rowIndex, row) in table.enumerated() {
            for (column, cell) in row.enumerated() where column < columnCount {
                widths[column] = max(widths[column], DisplayWidth.of(cell))
                if rowIndex > 0, !cell.isEmpty, !isNumber(cell) { numeric[column] = false }
            }
        }
        for column in 0..<columnCount where numeric[column] {
            numeric[column] = table.dropFirst().contains { !$0[column].isEmpty }
        }
        return table.map { row in
            var line = ""
            for (column, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - DisplayWidth.of(cell))
                if column > 0 { line += gap }
                if numeric[column] {
                    line += padding + cell
                } else if column == columnCount - 1 {
                    line += cell
                } else {
                    line += cell + padding
                }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// Whether `cell` is an integer or a decimal, optionally negative.
    static func isNumber(_ cell: String) -> Bool {
        var text = Substring(cell)
        if text.first == "-" { text = text.dropFirst() }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.allSatisfy { part in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
