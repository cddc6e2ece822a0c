/// Rows that travel with one request: the protocol's rows form.
///
/// A request line that ends with the word `<<N` announces N more lines that belong to it: a
/// header naming the columns, then N − 1 data rows, every line tab-separated with its cells
/// escaped as replies escape them (``ReplyEscaping``: `\t`, `\n`, `\\`). The daemon reads all
/// of them before it answers once, so the command sees every row in one transaction:
///
/// ```
/// calendar import <<3
/// date	kind	name
/// 2026-10-01	holiday	国庆节
/// 2026-10-10	workday	国庆节调休上班
/// ```
///
/// Each line keeps the 64 KiB limit of a request line; a request carries at most
/// ``maximumLines`` lines and ``maximumBytes`` bytes. Data rows are numbered from 1 in every
/// message (the header is row 0), so a client can map them back to its file.
public struct RequestRows: Sendable, Equatable {
    /// The header's column names, in order.
    public let columns: [String]
    /// The data rows, each with one unescaped value per column.
    public let rows: [[String]]

    /// The most lines (header included) one request may carry.
    public static let maximumLines = 500_001
    /// The most bytes the lines of one request may hold together.
    public static let maximumBytes = 64 * 1024 * 1024

    /// The request line without its trailing `<<N`, and N; nil when the line announces no
    /// rows. The marker is an unquoted last word: `note="a <<3"` announces nothing.
    public static func announced(in line: String) -> (line: Substring, lines: Int)? {
        guard let space = line.lastIndex(where: { $0 == " " || $0 == "\t" }) else { return nil }
        let word = line[line.index(after: space)...]
        guard word.hasPrefix("<<"), word.count > 2, word.count <= 12, word.dropFirst(2).allSatisfy(\.isASCII),
            let count = Int(word.dropFirst(2)), count >= 0
        else { return nil }
        return (line[..<space], count)
    }

    /// `<<N` for N lines.
    public static func marker(lines: Int) -> String { "<<\(lines)" }

    /// Creates rows from their columns and values.
    public init(columns: [String], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// Reads the lines of a rows request: the header, then the data rows. A malformed line is
    /// a 400 naming its row.
    public init(lines: [String]) throws(WorkbenchError) {
        guard let header = lines.first else {
            throw WorkbenchError(
                status: .badRequest, code: WorkbenchErrorCode.rowsMissingHeader, message: "the rows form needs a header line naming the columns")
        }
        let columns = header.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        if let blank = columns.firstIndex(where: \.isEmpty) {
            throw WorkbenchError(status: .badRequest, code: WorkbenchErrorCode.rowsBadHeader, message: "the header's column \(blank + 1) has no name")
        }
        var seen = Set<String>()
        for column in columns where !seen.insert(column).inserted {
            throw WorkbenchError(status: .badRequest, code: WorkbenchErrorCode.rowsBadHeader, message: "the header names column \(column) twice")
        }
        var rows: [[String]] = []
        rows.reserveCapacity(lines.count - 1)
        for (index, line) in lines.dropFirst().enumerated() {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count == columns.count else {
                throw WorkbenchError(
                    status: .badRequest, code: WorkbenchErrorCode.rowsWrongWidth,
                    message: "row \(index + 1) has \(cells.count) cell\(cells.count == 1 ? "" : "s"); the header names \(columns.count)"
                )
            }
            var values: [String] = []
            values.reserveCapacity(cells.count)
            for (column, cell) in zip(columns, cells) {
                guard let value = ReplyEscaping.unescape(cell) else {
                    throw WorkbenchError(
                        status: .badRequest, code: WorkbenchErrorCode.rowsBadEscape,
                        message: "row \(index + 1), column \(column): a backslash starts no escape (write \\\\ for a backslash)", argument: column
                    )
                }
                values.append(value)
            }
            rows.append(values)
        }
        self.init(columns: columns, rows: rows)
    }

    /// The value of `column` in data row `row` (from 1), nil when the header has no such
    /// column; an empty cell is "".
    public func value(_ column: String, row: Int) -> String? {
        guard let index = columns.firstIndex(of: column) else { return nil }
        return rows[row - 1][index]
    }
}
