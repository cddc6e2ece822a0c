/// A statement with its parameters already in PostgreSQL's text form, ready to send.
struct BoundStatement: Sendable {
    /// The statement.
    var statement: PostgresStatement
    /// Its parameters as text; nil is SQL NULL.
    var values: [String?]

    init(_ statement: PostgresStatement, _ binds: [any PostgresEncodable]) {
        self.statement = statement
        self.values = binds.map(\.postgresText)
    }
}

/// What one round trip sends.
enum PostgresBatch: Sendable {
    /// Statements sent together in pipeline mode (extended protocol, one sync at the end):
    /// the server runs them in order, and after the first error skips the rest.
    case pipeline([BoundStatement])
    /// A parameterless script of `;`-separated statements (simple protocol, outside
    /// pipeline mode), such as a migration.
    case script(String)

    /// How many outcomes the batch has.
    var statementCount: Int {
        switch self {
        case .pipeline(let statements): statements.count
        case .script: 1
        }
    }

    /// Each statement's name (or the start of its SQL), for errors and logs.
    var statementNames: [String] {
        switch self {
        case .pipeline(let statements): statements.map(\.statement.description)
        case .script(let sql): [String(sql.prefix(60))]
        }
    }
}

/// A statement queued on a session to travel with the next round trip, with an optional
/// check of its result (see ``PostgresSession/send(_:_:expecting:)``).
struct DeferredStatement: Sendable {
    var bound: BoundStatement
    var check: (@Sendable (PostgresRows) throws -> Void)?
}
