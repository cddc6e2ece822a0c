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

        /// Creates a column.
        public init(_ name: String, required: Bool = true, help: String) {
            self.name = name
            self.required = required
            self.help = help
        }
    }

    /// The columns, in the order help lists them (a request may send them in any order).
    public var columns: [Column]
    /// The most data rows one request may carry.
    public var maximumRows: Int

    /// Creates a spec.
    public init(columns: [Column], maximumRows: Int = RequestRows.maximumLines - 1) {
        self.columns = columns
        self.maximumRows = maximumRows
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
