import Foundation

/// How to open a connection and how to set up each session.
///
/// ``conninfo`` is handed to libpq untouched, so operators get everything libpq offers:
/// `key=value` strings or `postgresql://` URIs, `PG*` environment variables, `.pgpass`,
/// service files, TLS options and multi-host failover (`target_session_attrs=read-write`).
public struct PostgresConnectionSettings: Sendable, Equatable {
    /// A libpq connection string or URI. Empty means "libpq defaults and `PG*` variables".
    public var conninfo: String
    /// `application_name` reported to the server (shown in `pg_stat_activity`) unless the
    /// conninfo sets one.
    public var applicationName: String
    /// Seconds libpq waits for a connection before giving up, unless the conninfo sets
    /// `connect_timeout`.
    public var connectTimeoutSeconds: Int
    /// The session's `statement_timeout`: the server cancels any statement running longer.
    /// Nil leaves the server's default.
    public var statementTimeout: Duration?
    /// The session's `TimeZone`, used for `date` arithmetic and `timestamptz` output.
    public var timeZone: String

    /// Creates settings.
    public init(
        conninfo: String,
        applicationName: String = "dangjiand",
        connectTimeoutSeconds: Int = 5,
        statementTimeout: Duration? = .seconds(30),
        timeZone: String = "Asia/Shanghai"
    ) {
        self.conninfo = conninfo
        self.applicationName = applicationName
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.statementTimeout = statementTimeout
        self.timeZone = timeZone
    }

    /// The conninfo with any password replaced by `***`, for logs and `status`.
    public var redactedConninfo: String {
        Self.redact(conninfo)
    }

    static func redact(_ conninfo: String) -> String {
        var text = conninfo
        // URI form: scheme://user:password@host
        if let schemeEnd = text.range(of: "://"), let at = text.range(of: "@", range: schemeEnd.upperBound..<text.endIndex),
            let colon = text.range(of: ":", range: schemeEnd.upperBound..<at.lowerBound)
        {
            text.replaceSubrange(colon.upperBound..<at.lowerBound, with: "***")
        }
        // key=value form, and `password=` query parameters in URIs.
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: "password=") {
            result += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            let end = rest.firstIndex(where: { $0 == " " || $0 == "&" }) ?? rest.endIndex
            result += "***"
            rest = rest[end...]
        }
        return result + rest
    }
}
