/// Keyset paging for list commands: `limit=` and `after=`.
///
/// A list command adds ``arguments(defaultLimit:maximum:)`` to its specs, reads the request
/// with ``init(_:)``, asks the database for ``fetchLimit`` rows whose key is greater than
/// ``after`` (ordered by that key), and answers with ``reply(columns:rows:key:)``, which
/// drops the extra row and tells the operator how to ask for the next page:
///
/// ```swift
/// let page = try Page(invocation.arguments)
/// let rows = try await invocation.database.query(Queries.list, [page.after ?? 0, page.fetchLimit])
/// return page.reply(columns: ["id", "name"], rows: try rows.map { ... }, key: { $0.id })
/// ```
///
/// Keys rather than offsets keep every page as fast as the first and never skip or repeat
/// a row when rows are added between pages.
public struct Page: Sendable, Equatable {
    /// The most rows to answer.
    public var limit: Int
    /// Answer only rows whose key is greater than this (the last key of the previous page).
    public var after: Int64?

    /// Creates a page request.
    public init(limit: Int, after: Int64? = nil) {
        self.limit = limit
        self.after = after
    }

    /// Reads `limit=` and `after=` from bound arguments.
    public init(_ arguments: Arguments) throws {
        self.init(limit: Int(try arguments.int("limit")), after: arguments.optionalID("after"))
    }

    /// The `limit=` and `after=` argument specs.
    public static func arguments(defaultLimit: Int = 50, maximum: Int = 1000) -> [ArgumentSpec] {
        [
            .optional(
                "limit", .int(1...Int64(maximum)), default: String(defaultLimit),
                help: "Answer at most this many rows (1–\(maximum))"
            ),
            .optional("after", .id, help: "Start after this id: the 'after=' the previous page's last line names"),
        ]
    }

    /// One more than ``limit``: the extra row tells whether another page follows.
    public var fetchLimit: Int { limit + 1 }

    /// The key to bind for "greater than": ``after``, or 0 for the first page.
    public var afterKey: Int64 { after ?? 0 }

    /// A table of at most ``limit`` rows whose last line says whether more follow.
    ///
    /// - Parameters:
    ///   - rows: Up to ``fetchLimit`` rows, ordered by their key, each with its key.
    public func reply(columns: [String], rows: [(key: Int64, values: [ReplyValue])]) -> Reply {
        let shown = rows.prefix(limit)
        let summary: String
        var next: Int64?
        if rows.count > limit, let last = shown.last {
            summary = "\(shown.count) rows; more with after=\(last.key)"
            next = last.key
        } else {
            summary = shown.count == 1 ? "1 row" : "\(shown.count) rows"
        }
        return .table(columns: columns, rows: shown.map(\.values), summary: summary, nextAfter: next)
    }
}
