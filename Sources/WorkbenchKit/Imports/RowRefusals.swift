/// What an import's rules refused, row by row: every refused row is named with its column
/// and the message the single command would give, and the import changes nothing.
public struct RowRefusals: Sendable {
    /// One refused row.
    public struct Refusal: Sendable, Equatable {
        /// The data row, from 1.
        public var row: Int
        /// The column (the argument the error named), when one is to blame.
        public var column: String?
        /// The single command's answer.
        public var error: WorkbenchError

        /// `row 3, column kind: …`.
        public var description: String {
            "row \(row)" + (column.map { ", column \($0)" } ?? "") + ": " + error.message
        }
    }

    /// How many refusals the reply names; the rest are counted.
    public static let named = 20

    /// The refusals, in row order as they were found.
    public private(set) var refusals: [Refusal] = []
    /// The rows refused, for ``refused(_:)`` in constant time.
    private var rows: Set<Int> = []

    /// No refusals yet.
    public init() {}

    /// Whether nothing was refused.
    public var isEmpty: Bool { refusals.isEmpty }

    /// Whether `row` was refused.
    public func refused(_ row: Int) -> Bool { rows.contains(row) }

    /// Records that `row` was refused with `error` (its argument is the column).
    public mutating func add(row: Int, _ error: WorkbenchError) {
        refusals.append(Refusal(row: row, column: error.argument, error: error))
        rows.insert(row)
    }

    /// Records that `row` was refused for `column` with `message` (422).
    public mutating func add(row: Int, column: String?, code: String, _ message: String) {
        add(row: row, WorkbenchError(status: .unprocessable, code: code, message: message, argument: column))
    }

    /// The reply for an import with refusals, out of `total` rows: the highest status among
    /// them (422 over 409 over 400), code `rows.refused`, and each refused row named with its
    /// column and message (the first ``named`` of them).
    public func error(total: Int) -> WorkbenchError {
        let sorted = refusals.sorted { $0.row < $1.row }
        let status = sorted.map(\.error.status).max { $0.code < $1.code } ?? .badRequest
        var message =
            "\(sorted.count) of \(total) row\(total == 1 ? "" : "s") refused, nothing imported: "
            + sorted.prefix(Self.named).map(\.description).joined(separator: "; ")
        if sorted.count > Self.named { message += "; and \(sorted.count - Self.named) more" }
        return WorkbenchError(status: status, code: WorkbenchErrorCode.rowsRefused, message: message, argument: sorted.first?.column)
    }
}
