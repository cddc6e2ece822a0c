import Foundation

/// `dangjianctl template FILE.xlsx|FILE.csv <module> <register> import`: an empty register a
/// community can fill in. The daemon's built-in `columns` says what the import reads; the
/// workbook gets the header row (`编码 code`, as an export writes it), one example row from
/// the register's own command example, and a second sheet explaining each column: its
/// Chinese name, whether it is required, the form of a value, the allowed words, the example
/// and what it holds. A CSV template has the header and the example row only.
struct RegisterTemplate {
    /// The file to write.
    var path: String
    /// The import's words (`org unit import`).
    var words: [String]

    /// One column as `columns` describes it.
    struct Column: Equatable {
        var name: String
        var label: String?
        var required: Bool
        var form: String
        var allowed: String
        var example: String
        var help: String
    }

    /// The template that `dangjianctl template …` words ask for; nil for other requests.
    init?(words: [String]) {
        guard words.first == "template", words.count >= 3 else { return nil }
        self.path = words[1]
        self.words = Array(words.dropFirst(2))
    }

    /// Asks for the columns and writes the file; returns the confirmation line.
    func run(over conversation: Conversation) throws(ClientError) -> String {
        guard let format = ExportFormat(path: path) else { throw ClientError.export("\(path): a template is a .xlsx or .csv file") }
        let reply = try conversation.ask(RequestBuilder.line(words: ["columns"] + words, json: true))
        guard reply.isSuccess else {
            throw ClientError.export("'\(words.joined(separator: " "))': \(CellText.sanitized(reply.summary))")
        }
        let columns = try Self.columns(fromJSON: reply.summary)
        let register = Self.register(columns)
        switch format {
        case .csv:
            try POSIXIO.replaceFile(path, with: CSVExport.bytes(of: register))
        case .xlsx:
            try XLSXExport.write([("register 登记表", register), ("columns 填写说明", Self.explanation(columns))], to: path)
        }
        return "wrote \(path): a template for '\(words.joined(separator: " "))' with \(columns.count) columns and one example row"
    }

    /// The columns from the JSON of `columns`' table.
    static func columns(fromJSON text: String) throws(ClientError) -> [Column] {
        guard let data = text.data(using: .utf8), let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            let rows = object["rows"] as? [[String: Any]]
        else { throw ClientError.export("the daemon's columns reply is not a table") }
        return rows.map { row in
            Column(
                name: row["column"] as? String ?? "", label: row["label"] as? String, required: row["required"] as? Bool ?? false,
                form: row["form"] as? String ?? "", allowed: row["allowed"] as? String ?? "", example: row["example"] as? String ?? "",
                help: row["help"] as? String ?? ""
            )
        }
    }

    /// The sheet to fill in: the header and the example row.
    static func register(_ columns: [Column]) -> ExportSheet {
        ExportSheet(
            columns: columns.map(\.name), labels: columns.map(\.label), types: columns.map { _ in "string" },
            rows: [columns.map { $0.example.isEmpty ? .empty : .text($0.example) }]
        )
    }

    /// The explanation sheet: one row per column.
    static func explanation(_ columns: [Column]) -> ExportSheet {
        ExportSheet(
            columns: ["column", "label", "required", "form", "allowed", "example", "help"],
            labels: ["列", "名称", "必填", "格式", "可选值", "示例", "说明"], types: Array(repeating: "string", count: 7),
            rows: columns.map { column in
                [
                    .text(column.name), column.label.map(ExportCell.text) ?? .empty, .text(column.required ? "是 required" : "否 optional"),
                    .text(column.form), column.allowed.isEmpty ? .empty : .text(column.allowed),
                    column.example.isEmpty ? .empty : .text(column.example), .text(column.help),
                ]
            }
        )
    }
}
