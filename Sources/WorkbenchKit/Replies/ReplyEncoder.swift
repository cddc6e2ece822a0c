public import Foundation
import WorkbenchPostgres

/// Writes replies and errors in the protocol's text or JSON form.
///
/// Text form:
/// - every line but the last is `NNN-…`, the last `NNN …`;
/// - a table is a TSV header line and TSV rows, then `NNN <n> rows`; null is empty;
/// - a record is `name: value` lines, then `NNN <summary>`;
/// - preformatted text is its lines, one `NNN-` line each;
/// - a record with tables (a document) is its `name: value` lines, then for each table a
///   `[name]` line, its TSV header and its rows;
/// - an error is one line: `NNN code: message`.
///
/// Every text value (cells, record values, text lines) is written through
/// ``ReplyEscaping/escape(_:)`` and the final line through ``ReplyEscaping/oneLine(_:)``: a
/// newline or other control character never reaches the wire as itself, so no value can
/// forge a line or move a terminal's cursor.
///
/// JSON form is always one line: `NNN {…}` with `message`, `record`, `columns`+`rows`,
/// `lines`, `record`+`tables` (each table `{"columns": […], "rows": [{…}]}`) or `error`
/// members; every successful reply carries its final line's text as `message`. A table also
/// carries `types` (each column's kind of value, ``ReplyTable/columnTypes``) and `labels`
/// (each column's name in the domain's words, or null), and one page of a longer list
/// `next_after`, the `after=` of the next page.
public struct ReplyEncoder: Sendable {
    /// The zone timestamps are shown in.
    public var timeZone: TimeZone
    /// Column names in the domain's words by column key (`code` → `编码`), for JSON tables.
    public var columnLabels: [String: String]

    /// Creates an encoder.
    public init(timeZone: TimeZone, columnLabels: [String: String] = [:]) {
        self.timeZone = timeZone
        self.columnLabels = columnLabels
    }

    /// The reply as it goes on the wire, newline-terminated.
    public func encode(_ reply: Reply, format: ReplyFormat) -> String {
        switch format {
        case .text: encodeText(reply)
        case .json: "\(reply.status.code) " + encodeJSON(reply) + "\n"
        }
    }

    /// The error as it goes on the wire: always one line.
    public func encode(_ error: WorkbenchError, format: ReplyFormat) -> String {
        switch format {
        case .text:
            return "\(error.status.code) \(error.code): \(ReplyEscaping.oneLine(error.message))\n"
        case .json:
            var writer = JSONWriter()
            var members: [(String, (inout JSONWriter) -> Void)] = [
                ("code", { $0.string(error.code) }), ("message", { $0.string(error.message) }),
            ]
            if let argument = error.argument { members.append(("argument", { $0.string(argument) })) }
            writer.object([("error", { $0.object(members) })])
            return "\(error.status.code) \(writer.output)\n"
        }
    }

    /// The final line's text for a reply.
    public static func summary(of reply: Reply) -> String {
        if let summary = reply.summary { return summary }
        switch reply.body {
        case .message(let text): return text
        case .record, .document: return reply.status == .created ? "created" : "ok"
        case .table(let table): return table.rows.count == 1 ? "1 row" : "\(table.rows.count) rows"
        case .text(let lines): return lines.count == 1 ? "1 line" : "\(lines.count) lines"
        }
    }

    // MARK: Text

    private func encodeText(_ reply: Reply) -> String {
        let status = reply.status.code
        var output = ""
        func line(_ text: String) {
            output += "\(status)-"
            output += text
            output += "\n"
        }
        switch reply.body {
        case .message:
            break
        case .record(let fields):
            for field in fields {
                line("\(ReplyEscaping.escape(field.name)): \(ReplyEscaping.escape(textValue(field.value)))")
            }
        case .table(let table):
            tableLines(table, line)
        case .document(let fields, let sections):
            for field in fields {
                line("\(ReplyEscaping.escape(field.name)): \(ReplyEscaping.escape(textValue(field.value)))")
            }
            for section in sections {
                line("[\(section.name)]")
                tableLines(section.table, line)
            }
        case .text(let lines):
            // A line that holds a value (a case's description in its timeline) keeps the value's
            // newlines escaped, so the value cannot add a line of its own.
            for text in lines { line(ReplyEscaping.escape(text)) }
        }
        output += "\(status) \(ReplyEscaping.oneLine(Self.summary(of: reply)))\n"
        return output
    }

    /// A table's TSV lines: the header, then each row.
    private func tableLines(_ table: ReplyTable, _ line: (String) -> Void) {
        line(table.columns.map(Self.escapeCell).joined(separator: "\t"))
        for row in table.rows {
            line(row.map { Self.escapeCell(textValue($0)) }.joined(separator: "\t"))
        }
    }

    /// A value in text form.
    public func textValue(_ value: ReplyValue) -> String {
        switch value {
        case .null: ""
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .decimal(let value): value
        case .double(let value): Self.formatDouble(value)
        case .string(let value): value
        case .date(let value): value.description
        case .timestamp(let value): PostgresTimestamp.format(value, offsetSeconds: timeZone.secondsFromGMT(for: value))
        case .list(let values): values.map(textValue).joined(separator: ",")
        }
    }

    static func escapeCell(_ text: String) -> String {
        ReplyEscaping.escape(text)
    }

    /// Whether `text` is a number JSON accepts (a numeric NaN is not).
    static func isJSONNumber(_ text: String) -> Bool {
        text.range(of: #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$"#, options: .regularExpression) != nil
    }

    static func formatDouble(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    // MARK: JSON

    private func encodeJSON(_ reply: Reply) -> String {
        var writer = JSONWriter()
        var members: [(String, (inout JSONWriter) -> Void)] = []
        switch reply.body {
        case .message(let text):
            members.append(("message", { $0.string(text) }))
        case .record(let fields):
            if reply.status == .created, let id = fields.first(where: { $0.name == "id" }) {
                members.append(("id", { writer in self.jsonValue(id.value, &writer) }))
            }
            members.append(
                (
                    "record",
                    { writer in writer.object(fields.map { field in (field.name, { self.jsonValue(field.value, &$0) }) }) }
                ))
            members.append(("message", { $0.string(Self.summary(of: reply)) }))
        case .table(let table):
            members += jsonTableMembers(table)
            if let next = table.nextAfter { members.append(("next_after", { $0.raw(String(next)) })) }
            members.append(("message", { $0.string(Self.summary(of: reply)) }))
        case .document(let fields, let sections):
            members.append(
                (
                    "record",
                    { writer in writer.object(fields.map { field in (field.name, { self.jsonValue(field.value, &$0) }) }) }
                ))
            members.append(
                (
                    "tables",
                    { writer in
                        writer.object(
                            sections.map { section in
                                (
                                    section.name,
                                    { writer in writer.object(self.jsonTableMembers(section.table)) }
                                )
                            }
                        )
                    }
                ))
            members.append(("message", { $0.string(Self.summary(of: reply)) }))
        case .text(let lines):
            members.append(("lines", { $0.array(lines) { $0.string($1) } }))
            members.append(("message", { $0.string(Self.summary(of: reply)) }))
        }
        writer.object(members)
        return writer.output
    }

    /// A table's `columns`, `types`, `labels` and `rows`.
    private func jsonTableMembers(_ table: ReplyTable) -> [(String, (inout JSONWriter) -> Void)] {
        [
            ("columns", { $0.array(table.columns) { $0.string($1) } }),
            ("types", { $0.array(table.columnTypes) { $0.string($1) } }),
            (
                "labels",
                { writer in
                    writer.array(table.columns) { writer, column in
                        if let label = self.columnLabels[column] { writer.string(label) } else { writer.raw("null") }
                    }
                }
            ),
            ("rows", { self.jsonRows(table, &$0) }),
        ]
    }

    /// A table's rows as objects keyed by column.
    private func jsonRows(_ table: ReplyTable, _ writer: inout JSONWriter) {
        writer.array(table.rows) { writer, row in
            writer.object(zip(table.columns, row).map { column, value in (column, { self.jsonValue(value, &$0) }) })
        }
    }

    private func jsonValue(_ value: ReplyValue, _ writer: inout JSONWriter) {
        switch value {
        case .null: writer.raw("null")
        case .bool(let value): writer.raw(value ? "true" : "false")
        case .int(let value): writer.raw(String(value))
        case .decimal(let value): Self.isJSONNumber(value) ? writer.raw(value) : writer.raw("null")
        case .double(let value): value.isFinite ? writer.raw(Self.formatDouble(value)) : writer.raw("null")
        case .string(let value): writer.string(value)
        case .date, .timestamp: writer.string(textValue(value))
        case .list(let values): writer.array(values) { jsonValue($1, &$0) }
        }
    }
}
