/// The rows a command takes in the protocol's rows form (``RequestRows``): its columns, which
/// of them every row must fill, and how many rows it accepts.
public struct RowsSpec: Sendable {
    /// One column a command reads.
    public struct Column: Sendable {
        /// Its name in the header.
        public var name: String
        /// Whether the header must name it and every row fill it.
        public var required: Bool
        /// What it holds, for help.
        public var help: String
        /// Its name in the domain's words (`编码`), which a header may use instead.
        public var label: String?
        /// What a valid value looks like (the argument type's form), for templates.
        public var form: String?
        /// The words it takes, for a column of listed values.
        public var allowed: [String]
        /// A value from the command's first example, for a template's example row.
        public var example: String?

        /// Creates a column.
        public init(
            _ name: String, required: Bool = true, help: String, label: String? = nil, form: String? = nil, allowed: [String] = [],
            example: String? = nil
        ) {
            self.name = name
            self.required = required
            self.help = help
            self.label = label
            self.form = form
            self.allowed = allowed
            self.example = example
        }
    }

    /// The columns, in the order help lists them (a request may send them in any order).
    public var columns: [Column]
    /// The most data rows one request may carry.
    public var maximumRows: Int
    /// Columns a header may name and the command ignores: what the register's own list
    /// export carries beside the columns it reads (`id`, counts), so an exported file goes
    /// back in as it is.
    public var ignoredColumns: Set<String>

    /// Creates a spec.
    public init(columns: [Column], maximumRows: Int = RequestRows.maximumLines - 1, ignoring ignoredColumns: Set<String> = []) {
        self.columns = columns
        self.maximumRows = maximumRows
        self.ignoredColumns = ignoredColumns
    }

    /// A register's columns: the arguments of its single `add` command, each required as
    /// the command requires it, with its help and its label.
    public init(columnsOf command: CommandSpec, maximumRows: Int = RequestRows.maximumLines - 1, ignoring ignoredColumns: Set<String> = []) {
        var example: [String: String] = [:]
        if let line = command.examples.first, let words = try? CommandLineTokenizer.tokenize(line[...]) {
            for word in words {
                guard let equals = word.assignmentIndex else { continue }
                example[String(word.text[..<equals])] = String(word.text[word.text.index(after: equals)...])
            }
        }
        self.init(
            columns: command.arguments.map { argument in
                var allowed: [String] = []
                if case .enumeration(let values) = argument.type.kind { allowed = values }
                return Column(
                    argument.name, required: argument.isRequired, help: argument.help, label: argument.label,
                    form: argument.type.expectedForm, allowed: allowed, example: example[argument.name]
                )
            },
            maximumRows: maximumRows, ignoring: ignoredColumns
        )
    }

    /// The columns as a table: `column`, `label`, `required`, `form`, `allowed`, `example`,
    /// `help` (the built-in `columns` answers it; dangjianctl's templates are made from it).
    public var table: Reply {
        .table(
            columns: ["column", "label", "required", "form", "allowed", "example", "help"],
            rows: columns.map { column in
                [
                    .string(column.name), .string(column.label), .bool(column.required), .string(column.form),
                    .string(column.allowed.isEmpty ? nil : column.allowed.joined(separator: ", ")), .string(column.example),
                    .string(column.help),
                ]
            },
            summary: "\(columns.count) columns"
        )
    }

    /// The column a header cell names: its name (`code`), its label (`编码`), or both as an
    /// exported spreadsheet writes them (`编码 code`); nil for a column the command ignores.
    ///
    /// - Throws: 400 `rows.unknown_column` for a header cell naming no column.
    public func column(named header: String) throws(WorkbenchError) -> String? {
        let cell = header.trimmingCharacters(in: .whitespaces)
        let last = cell.split(separator: " ").last.map(String.init) ?? cell
        for candidate in [cell, last] {
            if let column = columns.first(where: { $0.name == candidate || $0.label == candidate }) { return column.name }
            if ignoredColumns.contains(candidate) { return nil }
        }
        throw WorkbenchError(
            status: .badRequest, code: WorkbenchErrorCode.rowsUnknownColumn,
            message: "the header names column \(cell), which this command does not read; its columns are "
                + columns.map { column in column.label.map { "\($0) \(column.name)" } ?? column.name }.joined(separator: ", "),
            argument: cell
        )
    }

    /// `rows` with each header cell read as its column (``column(named:)``), the ignored
    /// columns left out, then checked (``check(_:)``).
    public func normalized(_ rows: RequestRows) throws(WorkbenchError) -> RequestRows {
        var kept: [(index: Int, name: String)] = []
        for (index, header) in rows.columns.enumerated() {
            guard let name = try column(named: header) else { continue }
            guard !kept.contains(where: { $0.name == name }) else {
                throw WorkbenchError(
                    status: .badRequest, code: WorkbenchErrorCode.rowsUnknownColumn,
                    message: "the header names column \(name) twice; name each column once", argument: name
                )
            }
            kept.append((index, name))
        }
        let normalized = RequestRows(columns: kept.map(\.name), rows: rows.rows.map { row in kept.map { row[$0.index] } })
        try check(normalized)
        return normalized
    }

    /// Checks `rows` against the spec: every column known, the required ones named and
    /// filled, not too many rows. A 400 names the column and the row.
    public func check(_ rows: RequestRows) throws(WorkbenchError) {
        let known = Set(columns.map(\.name))
        if let unknown = rows.columns.first(where: { !known.contains($0) }) {
            throw WorkbenchError(
                status: .badRequest, code: WorkbenchErrorCode.rowsUnknownColumn,
                message: "the header names column \(unknown), which this command does not read; its columns are "
                    + columns.map(\.name).joined(separator: ", "),
                argument: unknown
            )
        }
        for column in columns where column.required {
            guard let index = rows.columns.firstIndex(of: column.name) else {
                throw WorkbenchError(
                    status: .badRequest, code: WorkbenchErrorCode.rowsMissingColumn,
                    message: "the header needs column \(column.name) (\(column.help))",
                    argument: column.name
                )
            }
            if let blank = rows.rows.firstIndex(where: { $0[index].allSatisfy(\.isWhitespace) }) {
                throw WorkbenchError(
                    status: .badRequest, code: WorkbenchErrorCode.rowsMissingValue,
                    message: "row \(blank + 1), column \(column.name): a value is needed",
                    argument: column.name
                )
            }
        }
        guard rows.rows.count <= maximumRows else {
            throw WorkbenchError(
                status: .lineTooLong, code: WorkbenchErrorCode.rowsTooMany,
                message: "\(rows.rows.count) rows, more than the \(maximumRows) this command takes at once; send them in parts"
            )
        }
    }
}
