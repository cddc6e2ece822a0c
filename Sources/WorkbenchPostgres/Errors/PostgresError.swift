/// An error from the database layer: a failed connection, a statement the server refused,
/// a pool that could not hand out a connection in time, or a value that did not decode.
///
/// Modelled on postgres-nio's `PSQLError`: a struct with an extensible ``Code`` rather than
/// a closed enum, carrying every diagnostic field the server sent so that callers can map
/// errors precisely (``sqlState``, ``constraint``) and operators can read what happened
/// (``message``, ``detail``, ``hint``).
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is. Extensible: new codes may be added in later versions.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// A new connection could not be opened (server down, bad conninfo, authentication).
        public static let connectionFailed = Code("connectionFailed")
        /// An open connection broke while in use (server restart, network failure).
        public static let connectionLost = Code("connectionLost")
        /// The server executed the statement and answered with an error; see ``sqlState``.
        public static let server = Code("server")
        /// No pooled connection became free within the pool's acquire timeout.
        public static let poolTimeout = Code("poolTimeout")
        /// The pool is shut down and hands out no more connections.
        public static let poolClosed = Code("poolClosed")
        /// A result value could not be decoded into the requested Swift type.
        public static let decoding = Code("decoding")
        /// A result had an unexpected shape (missing column, no rows where one was required).
        public static let unexpectedResult = Code("unexpectedResult")
        /// libpq failed in a way not covered above.
        public static let client = Code("client")
    }

    /// What kind of failure this is.
    public var code: Code
    /// The server's SQLSTATE, when the server sent one.
    public var sqlState: SQLState?
    /// The primary message (libpq's or the server's).
    public var message: String
    /// The server's DETAIL field.
    public var detail: String?
    /// The server's HINT field.
    public var hint: String?
    /// The constraint that was violated, for integrity-constraint errors.
    public var constraint: String?
    /// The schema of the table involved, when the server names one.
    public var schema: String?
    /// The table involved, when the server names one.
    public var table: String?
    /// The column involved, when the server names one.
    public var column: String?
    /// The statement's name (or the start of its SQL) for the log; never shown to clients.
    public var statement: String?

    /// Creates an error.
    public init(
        code: Code,
        message: String,
        sqlState: SQLState? = nil,
        detail: String? = nil,
        hint: String? = nil,
        constraint: String? = nil,
        schema: String? = nil
    ) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.schema = schema
    }

    /// True when the connection this error came from can no longer be used, or the server is
    /// not accepting connections: the caller should answer "database unavailable" and the pool
    /// will reconnect.
    public var isUnavailable: Bool {
        code == .connectionFailed || code == .connectionLost || code == .poolClosed
            || (sqlState?.meansConnectionLost ?? false) || sqlState == .tooManyConnections
    }

    public var description: String {
        var text = "\(code): \(message)"
        if let sqlState { text += " (SQLSTATE \(sqlState))" }
        if let constraint { text += " [constraint \(constraint)]" }
        if let detail { text += " DETAIL: \(detail)" }
        if let hint { text += " HINT: \(hint)" }
        return text
    }
}
