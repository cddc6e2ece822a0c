public import Foundation
public import WorkbenchKit
public import WorkbenchPostgres

/// What `audit tail` looks for: the newest rows that match every filter given, oldest first,
/// a page at a time (`before=` the smallest id shown reaches the older ones).
public struct AuditTail: Sendable, Equatable {
    /// How many rows a page holds.
    public var count: Int64
    /// A module id (`grids`), `workbench` for the core's own commands, or the first word of
    /// a core command (`calendar`, `audit`, `migrations`).
    public var module: String?
    /// A user name or a uid.
    public var user: String?
    /// The command as the tail shows it (`grids case report`, `calendar set`), or its words
    /// after the module (`case report`).
    public var command: String?
    /// The lowest and highest reply status shown (`403`, or a class such as `4xx`).
    public var statuses: ClosedRange<Int>?
    /// The period: from the start of its first day to the end of its last.
    public var period: Range<Date>?
    /// Only rows older than this id (the next page).
    public var before: Int64?

    /// Creates a query.
    public init(
        count: Int64 = 20, module: String? = nil, user: String? = nil, command: String? = nil,
        statuses: ClosedRange<Int>? = nil, period: Range<Date>? = nil, before: Int64? = nil
    ) {
        self.count = count
        self.module = module
        self.user = user
        self.command = command
        self.statuses = statuses
        self.period = period
        self.before = before
    }

    /// `403` is that status; `4xx` every status from 400 to 499; nil for anything else.
    public static func statuses(_ text: String) -> ClosedRange<Int>? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 3, let first = Int(String(scalars[0])), (1...5).contains(first) else { return nil }
        let rest = String(String.UnicodeScalarView(scalars[1...]))
        if rest == "xx" || rest == "XX" { return (first * 100)...(first * 100 + 99) }
        guard rest.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }), let status = Int(text) else { return nil }
        return status...status
    }

    /// The rows, oldest first, and the id to give as `before=` for older rows (nil when
    /// there are none).
    public func run(on session: PostgresSession) async throws -> Reply {
        let module = self.module.map { $0 == "workbench" ? "" : $0 }
        let rows = try await session.query(
            Self.query,
            [
                count + 1, module, user, command, statuses.map { Int64($0.lowerBound) }, statuses.map { Int64($0.upperBound) },
                period?.lowerBound, period?.upperBound, before,
            ]
        )
        let shown = rows.prefix(Int(count))
        var table: [[ReplyValue]] = []
        var oldest: Int64?
        for row in shown.reversed() {
            let id = try row.decode("id", as: Int64.self)
            oldest = oldest.map { min($0, id) } ?? id
            let module: String = try row.decode("module")
            let command: String = try row.decode("command")
            table.append([
                .int(id),
                .timestamp(try row.decode("at", as: Date.self)),
                .string(try row.decode("peer_user", as: String.self)),
                .int(try row.decode("peer_uid", as: Int64.self)),
                .string(try row.decode("role", as: String?.self)),
                .string(module.isEmpty ? command : "\(module) \(command)"),
                .string(try row.decode("arguments", as: String.self)),
                .string(try row.decode("request_id", as: String?.self)),
                .int(try row.decode("reply_status", as: Int64.self)),
                .string(try row.decode("reply_code", as: String?.self)),
                .string(try row.decode("summary", as: String?.self)),
                .decimal(try row.decode("duration_ms", as: String.self)),
            ])
        }
        let counted = table.count == 1 ? "1 row" : "\(table.count) rows"
        let summary = rows.count > shown.count ? "\(counted); older rows: before=\(oldest ?? 0)" : counted
        return .table(columns: Self.columns, rows: table, summary: summary)
    }

    /// The reply's columns.
    public static let columns = ["id", "at", "user", "uid", "role", "command", "arguments", "request_id", "status", "code", "summary", "ms"]

    /// A core command is stored with an empty module (`calendar set`); `module=workbench`
    /// finds them all, `module=calendar` those whose first word is `calendar`.
    static let query = PostgresStatement(
        "workbench.audit.tail",
        """
        SELECT id, at, peer_user, peer_uid, role, module, command, arguments::text AS arguments, request_id,
               reply_status, reply_code, summary, duration_ms::text AS duration_ms
        FROM workbench.audit_log
        WHERE ($2::text IS NULL OR module = $2 OR (module = '' AND split_part(command, ' ', 1) = $2))
          AND ($3::text IS NULL OR peer_user = $3 OR peer_uid::text = $3)
          AND ($4::text IS NULL OR command = $4 OR concat_ws(' ', nullif(module, ''), command) = $4)
          AND ($5::int IS NULL OR reply_status BETWEEN $5 AND $6)
          AND ($7::timestamptz IS NULL OR (at >= $7 AND at < $8))
          AND ($9::bigint IS NULL OR id < $9)
        ORDER BY id DESC LIMIT $1
        """
    )
}
