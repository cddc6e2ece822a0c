/// A reply's three-digit status, as in SMTP or BIRD: 2xx success, 4xx the request's fault,
/// 5xx the daemon's or the database's.
public struct ReplyStatus: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The three-digit code.
    public var code: Int
    public var rawValue: Int { code }

    /// Wraps a code.
    public init(rawValue: Int) { self.code = rawValue }
    /// Wraps a code.
    public init(_ code: Int) { self.code = code }

    public var description: String { String(code) }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(code) }

    /// 200: done (or read).
    public static let ok = ReplyStatus(200)
    /// 201: a record was created.
    public static let created = ReplyStatus(201)
    /// 400: syntax or argument error.
    public static let badRequest = ReplyStatus(400)
    /// 401: unknown command.
    public static let unknownCommand = ReplyStatus(401)
    /// 403: not allowed for the caller's role.
    public static let forbidden = ReplyStatus(403)
    /// 404: not found.
    public static let notFound = ReplyStatus(404)
    /// 409: conflict: a duplicate, or a state transition that is not allowed.
    public static let conflict = ReplyStatus(409)
    /// 413: the request line is longer than 64 KiB.
    public static let lineTooLong = ReplyStatus(413)
    /// 422: a business rule refused the request.
    public static let unprocessable = ReplyStatus(422)
    /// 500: internal error.
    public static let internalError = ReplyStatus(500)
    /// 503: the database (or the daemon) is unavailable right now.
    public static let unavailable = ReplyStatus(503)
    /// 504: the command ran out of time.
    public static let timedOut = ReplyStatus(504)
}
