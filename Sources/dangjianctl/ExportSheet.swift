import Foundation

/// A table reply as a spreadsheet: its columns with their domain names and kinds, and its
/// rows, read from the reply's JSON form (`columns`, `labels`, `types`, `rows`).
struct ExportSheet: Equatable, Sendable {
    /// Column keys (`code`).
    var columns: [String]
    /// Column names in the domain's words (`编码`), nil where the daemon has none.
    var labels: [String?]
    /// Each column's kind (`int`, `date`, …).
    var types: [String]
    /// The rows, one cell per column.
    var rows: [[ExportCell]]

    /// The header row: `编码 code`, or the key alone.
    var header: [String] {
        zip(labels, columns).map { label, column in label.map { "\($0) \(column)" } ?? column }
    }

    /// One page of a table reply.
    struct Page {
        var sheet: ExportSheet
        /// The `after=` of the next page, when one follows.
        var nextAfter: Int64?
    }

    /// Reads the JSON of a table reply (the text after the final line's status).
    ///
    /// - Throws: ``ClientError`` when the reply is not a table (a record, a document, text).
    static func page(fromJSON text: String, command: String) throws(ClientError) -> Page {
        guard let data = text.data(using: .utf8), let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw ClientError.export("the daemon's reply to '\(command)' is not JSON")
        }
        guard let columns = object["columns"] as? [String], let rows = object["rows"] as? [[String: Any]] else {
            throw ClientError.export(
                "'\(command)' does not answer a list or table; -o writes .csv and .xlsx only from one (use --json for its record)")
        }
        let types = (object["types"] as? [String]) ?? Array(repeating: "string", count: columns.count)
        let labels = (object["labels"] as? [Any]).map { $0.map { $0 as? String } } ?? Array(repeating: nil, count: columns.count)
        let cells = rows.map { row in
            columns.indices.map { index in ExportCell(json: row[columns[index]], type: index < types.count ? types[index] : "string") }
        }
        let sheet = ExportSheet(columns: columns, labels: labels, types: types, rows: cells)
        return Page(sheet: sheet, nextAfter: (object["next_after"] as? NSNumber)?.int64Value)
    }
}
