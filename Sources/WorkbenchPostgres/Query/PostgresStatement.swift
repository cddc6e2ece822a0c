/// One SQL statement with `$1`, `$2`, … placeholders, optionally named.
///
/// A named statement is prepared once per connection (`PQprepare`) and executed by name
/// afterwards (`PQexecPrepared`); an unnamed one is sent each time with its parameters
/// (`PQexecParams`). Either way values travel as bound parameters, never spliced into the
/// SQL text. Modules keep their statements as static constants next to the code that uses
/// them:
///
/// ```swift
/// extension UnitQueries {
///     static let byCode = PostgresStatement(
///         "organizations.unit.by_code",
///         "SELECT id, code, name FROM organizations.units WHERE code = $1"
///     )
/// }
/// ```
public struct PostgresStatement: Sendable, Hashable, CustomStringConvertible {
    /// The prepared-statement name, or nil for an unnamed statement.
    public let name: String?
    /// The SQL text.
    public let sql: String

    /// A named statement, prepared on first use on each connection.
    ///
    /// - Parameters:
    ///   - name: A stable dotted name, unique in the process (`grids.case.by_id`).
    ///   - sql: The SQL with `$n` placeholders.
    public init(_ name: String, _ sql: String) {
        self.name = name
        self.sql = sql
    }

    /// An unnamed statement: parsed by the server on every execution.
    public init(unnamed sql: String) {
        self.name = nil
        self.sql = sql
    }

    /// The name libpq sees: PostgreSQL truncates identifiers at 63 bytes, so longer names
    /// are shortened with a hash suffix to keep them distinct.
    var preparedName: String? {
        guard let name else { return nil }
        guard name.utf8.count > 63 else { return name }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let suffix = String(hash, radix: 16)
        return String(decoding: name.utf8.prefix(62 - suffix.utf8.count), as: UTF8.self) + "_" + suffix
    }

    public var description: String { name ?? String(sql.prefix(60)) }
}
