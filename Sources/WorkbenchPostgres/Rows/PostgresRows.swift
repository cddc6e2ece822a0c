/// The rows a statement returned, read completely into memory, in text format.
///
/// ```swift
/// let rows = try await session.query(UnitQueries.children, [parentID])
/// for row in rows {
///     let id: Int64 = try row.decode("id")
///     let name: String = try row.decode("name")
/// }
/// ```
public struct PostgresRows: Sendable, RandomAccessCollection {
    /// Column names, in result order.
    public let columns: [String]
    /// Column type OIDs, in result order.
    public let columnTypes: [UInt32]
    /// The command tag's row count (`INSERT 0 3` → 3); for SELECT, the number of rows.
    public let affectedRows: Int
    let values: [String?]
    let columnIndex: [String: Int]

    init(columns: [String], columnTypes: [UInt32], values: [String?], affectedRows: Int) {
        self.columns = columns
        self.columnTypes = columnTypes
        self.values = values
        self.affectedRows = affectedRows
        var index: [String: Int] = [:]
        for (position, name) in columns.enumerated() where index[name] == nil {
            index[name] = position
        }
        self.columnIndex = index
    }

    /// An empty result (for commands that return no rows).
    static let empty = PostgresRows(columns: [], columnTypes: [], values: [], affectedRows: 0)

    public var startIndex: Int { 0 }
    public var endIndex: Int { columns.isEmpty ? 0 : values.count / columns.count }

    public subscript(position: Int) -> PostgresRow {
        PostgresRow(rows: self, row: position)
    }

    /// The only row; throws when there are none or several.
    public func single() throws -> PostgresRow {
        guard count == 1 else {
            throw PostgresError(
                code: .unexpectedResult,
                message: "expected exactly one row, got \(count)"
            )
        }
        return self[0]
    }
}

/// One row of ``PostgresRows``.
public struct PostgresRow: Sendable {
    let rows: PostgresRows
    let row: Int

    /// The raw text of a column, nil for SQL NULL.
    public func text(_ column: String) throws -> String? {
        try rows.values[rows.columns.count * row + position(of: column)]
    }

    /// Decodes the named column.
    public func decode<Value: PostgresDecodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        try decode(at: position(of: column), as: type)
    }

    /// Decodes the column at a zero-based position.
    public func decode<Value: PostgresDecodable>(at position: Int, as type: Value.Type = Value.self) throws -> Value {
        guard position >= 0, position < rows.columns.count else {
            throw PostgresError(code: .unexpectedResult, message: "no column at position \(position)")
        }
        do {
            return try Value.decode(postgresText: rows.values[rows.columns.count * row + position])
        } catch {
            let column = rows.columns[position]
            switch error {
            case .unexpectedNull:
                throw PostgresError(code: .decoding, message: "column \(column) is NULL, expected \(Value.self)")
            case .invalid(let text, let expected):
                throw PostgresError(
                    code: .decoding,
                    message: "column \(column) holds \"\(text)\", which is not a valid \(expected)"
                )
            }
        }
    }

    private func position(of column: String) throws -> Int {
        guard let position = rows.columnIndex[column] else {
            throw PostgresError(
                code: .unexpectedResult,
                message: "no column \(column) in result (columns: \(rows.columns.joined(separator: ", ")))"
            )
        }
        return position
    }
}
