/// A successful command's answer: a message, a record, a table, free text, or a record
/// just created.
///
/// How a reply looks on the wire is the ``ReplyEncoder``'s business; commands only say what
/// they answer:
///
/// ```swift
/// return .table(columns: ["id", "code", "name"], rows: units.map { [.int($0.id), .string($0.code), .string($0.name)] })
/// return .created(id: unit.id, "unit \(unit.code) created", fields: [("path", .string(unit.path))])
/// ```
public struct Reply: Sendable, Equatable, Codable {
    /// The status (200 or 201).
    public var status: ReplyStatus
    /// The content.
    public var body: Body
    /// The last line's text in text form (`3 rows`, `created`); a default is derived from
    /// the body when nil.
    public var summary: String?

    /// What a reply carries.
    public enum Body: Sendable, Equatable, Codable {
        /// Just the final line.
        case message(String)
        /// Named fields, in order (`key: value` lines in text form).
        case record([ReplyField])
        /// A table (TSV in text form).
        case table(ReplyTable)
        /// Preformatted lines, such as help or an SVG map.
        case text([String])
        /// A record with named tables after its fields: a case and its timeline, a study and
        /// its rows (`key: value` lines, then per table a `[name]` line and its TSV, in text
        /// form; `record` and `tables` members in JSON).
        case document([ReplyField], [ReplySection])
    }

    /// Creates a reply.
    public init(status: ReplyStatus = .ok, body: Body, summary: String? = nil) {
        self.status = status
        self.body = body
        self.summary = summary
    }

    /// A one-line answer.
    public static func message(_ text: String) -> Reply {
        Reply(body: .message(text))
    }

    /// A record.
    public static func record(_ fields: [(String, ReplyValue)], summary: String? = nil) -> Reply {
        Reply(body: .record(fields.map { ReplyField(name: $0.0, value: $0.1) }), summary: summary)
    }

    /// A table; `nextAfter` is the `after=` of the next page when one follows.
    public static func table(columns: [String], rows: [[ReplyValue]], summary: String? = nil, nextAfter: Int64? = nil) -> Reply {
        Reply(body: .table(ReplyTable(columns: columns, rows: rows, nextAfter: nextAfter)), summary: summary)
    }

    /// Preformatted text lines.
    public static func text(_ lines: [String], summary: String) -> Reply {
        Reply(body: .text(lines), summary: summary)
    }

    /// A record with named tables: `sections` in order, each a name and its table.
    public static func document(
        _ fields: [(String, ReplyValue)], sections: [(String, ReplyTable)], summary: String? = nil
    ) -> Reply {
        Reply(
            body: .document(fields.map { ReplyField(name: $0.0, value: $0.1) }, sections.map { ReplySection(name: $0.0, table: $0.1) }),
            summary: summary
        )
    }

    /// 201: a record was created; its id comes first among the fields.
    public static func created(id: Int64, _ summary: String, fields: [(String, ReplyValue)] = []) -> Reply {
        Reply(
            status: .created,
            body: .record([ReplyField(name: "id", value: .int(id))] + fields.map { ReplyField(name: $0.0, value: $0.1) }),
            summary: summary
        )
    }
}

/// One field of a record reply.
public struct ReplyField: Sendable, Equatable, Codable {
    /// The field's name.
    public var name: String
    /// The field's value.
    public var value: ReplyValue

    /// Creates a field.
    public init(name: String, value: ReplyValue) {
        self.name = name
        self.value = value
    }
}

/// A table reply's columns and rows.
public struct ReplyTable: Sendable, Equatable, Codable {
    /// Column names.
    public var columns: [String]
    /// Rows, each with one value per column.
    public var rows: [[ReplyValue]]
    /// For one page of a longer list: the `after=` that asks for the next page.
    public var nextAfter: Int64?

    /// Creates a table; every row must have one value per column.
    public init(columns: [String], rows: [[ReplyValue]], nextAfter: Int64? = nil) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "every row needs one value per column")
        self.columns = columns
        self.rows = rows
        self.nextAfter = nextAfter
    }

    /// Each column's kind of value, from its first cell that is not null: `int`, `decimal`,
    /// `double`, `bool`, `string`, `date`, `timestamp` or `list` (`string` when all are null).
    /// JSON replies carry it so that a spreadsheet keeps numbers and dates.
    public var columnTypes: [String] {
        columns.indices.map { index in
            for row in rows {
                switch row[index] {
                case .null: continue
                case .int: return "int"
                case .decimal: return "decimal"
                case .double: return "double"
                case .bool: return "bool"
                case .string: return "string"
                case .date: return "date"
                case .timestamp: return "timestamp"
                case .list: return "list"
                }
            }
            return "string"
        }
    }
}
