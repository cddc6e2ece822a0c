/// A text-form reply taken apart: its status, its record fields, its table rows.
///
/// `200-name: 长宁街道` lines are fields, a table's first line is its header and the rest
/// are TSV rows, a document's tables follow its fields each after a `[name]` line, and the
/// final `NNN …` line carries the status and summary.
public struct ReplyText: Sendable, CustomStringConvertible {
    /// The reply as received.
    public let raw: String
    /// The final line's code.
    public let status: Int
    /// The final line's text after the code.
    public let summary: String
    /// The body lines with their `NNN-` prefixes removed.
    public let lines: [String]

    /// Parses `raw`.
    public init(_ raw: String) {
        self.raw = raw
        let all = raw.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let last = all.last ?? ""
        self.status = Int(last.prefix(3)) ?? 0
        self.summary = String(last.dropFirst(4))
        self.lines = all.dropLast().map { String($0.dropFirst(4)) }
    }

    /// The record's lines: those before the first `[name]` table of a document.
    private var recordLines: ArraySlice<String> {
        lines.prefix { !Self.isSectionHeader($0) }
    }

    /// The value of a `key: value` line of the record, or nil.
    public func field(_ name: String) -> String? {
        for line in recordLines where line.hasPrefix(name + ": ") {
            return String(line.dropFirst(name.count + 2))
        }
        return nil
    }

    /// The rows of the document's table `name` (after its `[name]` line) as column → cell;
    /// empty when there is no such table.
    public func section(_ name: String) -> [[String: String]] {
        guard let start = lines.firstIndex(of: "[\(name)]") else { return [] }
        let body = lines[(start + 1)...].prefix { !Self.isSectionHeader($0) }
        return Self.rows(Array(body))
    }

    /// Whether a body line opens a document's table: `[timeline]`.
    static func isSectionHeader(_ line: String) -> Bool {
        line.hasPrefix("[") && line.hasSuffix("]") && !line.contains("\t") && !line.contains(" ")
    }

    private static func rows(_ lines: [String]) -> [[String: String]] {
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) else { return [] }
        return lines.dropFirst().map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            var row: [String: String] = [:]
            for (index, column) in header.enumerated() where index < cells.count {
                row[column] = cells[index]
            }
            return row
        }
    }

    /// The table's rows as column → cell (empty cells for nulls).
    public var rows: [[String: String]] { Self.rows(lines) }

    /// One column of the table.
    public func column(_ name: String) -> [String] { rows.map { $0[name] ?? "" } }

    /// One column of the document's table `section`.
    public func column(_ name: String, in section: String) -> [String] { self.section(section).map { $0[name] ?? "" } }

    /// The raw reply.
    public var description: String { raw }
}
