/// What the `NNN-` lines of a text-form reply hold, recognised from their layout.
enum ReplyBodyShape: Equatable, Sendable {
    /// No body lines: a message reply such as `200 pong`.
    case empty
    /// A record: `key: value` lines.
    case record([(key: String, value: String)])
    /// A table: the header's cells, then each row's cells, still escaped.
    case table(header: [String], rows: [[String]])
    /// Anything else, such as help text: printed as it is.
    case text([String])
    /// A record with named tables: `key: value` lines, then for each table a `[name]` line,
    /// its header and its rows.
    case document(fields: [(key: String, value: String)], sections: [Section])

    /// One named table of a document.
    struct Section: Equatable, Sendable {
        /// The table's name (`timeline`).
        var name: String
        /// The header's cells.
        var header: [String]
        /// Each row's cells, still escaped.
        var rows: [[String]]
    }

    /// Recognises the shape of `body`; `summary` is the final line's text.
    ///
    /// - A record has every line of the form `key: value`, the key without blanks.
    /// - A table has every line with the same number of tab-separated cells: two or more,
    ///   or one when the summary counts the rows (`0 rows`, `1 row`, `12 rows`).
    /// - Otherwise the lines are text.
    /// - A document has `key: value` lines, then one or more tables each opened by a
    ///   `[name]` line (a lower-case word in brackets) and followed by its TSV lines.
    static func recognise(body: [String], summary: String) -> ReplyBodyShape {
        guard !body.isEmpty else { return .empty }
        if let document = document(body) { return document }
        let fields = body.compactMap(recordField)
        if fields.count == body.count { return .record(fields) }
        let cells = body.map { line in line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let width = cells[0].count
        if cells.allSatisfy({ $0.count == width }), width >= 2 || rowCount(in: summary) == body.count - 1 {
            return .table(header: cells[0], rows: Array(cells.dropFirst()))
        }
        return .text(body)
    }

    /// A document's fields and tables, nil when `body` is not one.
    private static func document(_ body: [String]) -> ReplyBodyShape? {
        guard let first = body.firstIndex(where: isSectionHeader) else { return nil }
        let fields = body[..<first].compactMap(recordField)
        guard fields.count == first else { return nil }
        var sections: [Section] = []
        for line in body[first...] {
            if isSectionHeader(line) {
                sections.append(Section(name: String(line.dropFirst().dropLast()), header: [], rows: []))
                continue
            }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if sections[sections.count - 1].header.isEmpty {
                sections[sections.count - 1].header = cells
            } else {
                guard cells.count == sections[sections.count - 1].header.count else { return nil }
                sections[sections.count - 1].rows.append(cells)
            }
        }
        guard sections.allSatisfy({ !$0.header.isEmpty }) else { return nil }
        return .document(fields: fields, sections: sections)
    }

    /// Whether `line` opens a document's table: `[timeline]`.
    private static func isSectionHeader(_ line: String) -> Bool {
        line.count > 2 && line.first == "[" && line.last == "]"
            && line.dropFirst().dropLast().allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }
    }

    /// The key and value of a `key: value` line, nil when the line is not one.
    private static func recordField(_ line: String) -> (key: String, value: String)? {
        guard let colon = line.firstIndex(of: ":"), colon > line.startIndex else { return nil }
        let key = line[..<colon]
        guard !key.contains(where: { $0.isWhitespace || $0 == "\t" }) else { return nil }
        let rest = line[line.index(after: colon)...]
        if rest.isEmpty { return (String(key), "") }
        guard rest.first == " " else { return nil }
        return (String(key), String(rest.dropFirst()))
    }

    /// The n of a summary `n rows` or `1 row`; nil for any other summary.
    private static func rowCount(in summary: String) -> Int? {
        let words = summary.split(separator: " ")
        guard words.count == 2, words[1] == "rows" || words[1] == "row" else { return nil }
        return Int(words[0])
    }

    /// Compares shapes field by field (tuples are not `Equatable`).
    static func == (lhs: ReplyBodyShape, rhs: ReplyBodyShape) -> Bool {
        switch (lhs, rhs) {
        case (.empty, .empty): true
        case (.record(let left), .record(let right)):
            left.count == right.count && zip(left, right).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.table(let leftHeader, let leftRows), .table(let rightHeader, let rightRows)):
            leftHeader == rightHeader && leftRows == rightRows
        case (.text(let left), .text(let right)): left == right
        case (.document(let leftFields, let leftSections), .document(let rightFields, let rightSections)):
            leftFields.count == rightFields.count && zip(leftFields, rightFields).allSatisfy { $0.key == $1.key && $0.value == $1.value }
                && leftSections == rightSections
        default: false
        }
    }
}
