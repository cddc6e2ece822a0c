/// One statement a backend executed, as the server logged it.
struct LoggedStatement: Equatable, Sendable {
    /// The backend's process id.
    var pid: Int32
    /// The statement as the client sent it, with `$n` where values were bound.
    var sql: String
    /// The prepared statement's name (`<unnamed>` for the unnamed statement) when it came
    /// through the extended protocol; nil for a simple query.
    var preparedName: String?
    /// The bound values in order (`$1` first); nil for SQL NULL.
    var parameters: [String?] = []
    /// Whether the server reported an error for it.
    var failed = false
}
