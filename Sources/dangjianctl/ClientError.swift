#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failure on the client's side of the conversation: the request could not be sent or
/// its reply could not be read. Each has a message for the operator and an exit status.
enum ClientError: Error, Equatable, Sendable {
    /// The socket path does not fit in `sockaddr_un`.
    case socketPathTooLong(path: String, limit: Int)
    /// `socket(2)` or `connect(2)` failed with `errno`.
    case cannotConnect(path: String, errno: Int32)
    /// The daemon closed the connection while `unanswered` requests had no final line.
    case connectionClosed(path: String, unanswered: Int)
    /// No final line arrived within `seconds`.
    case timedOut(path: String, seconds: Double)
    /// Reading from or writing to `what` failed with `errno`.
    case io(what: String, errno: Int32)
    /// A request line is longer than the daemon accepts.
    case requestTooLong(bytes: Int, limit: Int)
    /// The reply cannot be exported as asked (not a table, not JSON, the workbook failed).
    case export(String)

    /// What went wrong and what to do, for standard error.
    var message: String {
        switch self {
        case .socketPathTooLong(let path, let limit):
            return "dangjianctl: the socket path \(path) is longer than \(limit) bytes; use a shorter --socket path"
        case .cannotConnect(let path, let code):
            let reason: String
            switch code {
            case ENOENT: reason = "there is no socket at \(path)"
            case ECONNREFUSED: reason = "nothing is listening on \(path)"
            case EACCES, EPERM: reason = "permission denied on \(path) (is your account in the daemon's control group?)"
            default: reason = "cannot connect to \(path): \(SystemError.describe(code))"
            }
            return "dangjianctl: \(reason)\n"
                + "dangjianctl: is the daemon running? Check with 'systemctl status dangjiand', "
                + "or point at another socket with --socket PATH or DANGJIAN_SOCKET"
        case .connectionClosed(let path, let unanswered):
            let what = unanswered == 1 ? "a request" : "\(unanswered) requests"
            return "dangjianctl: the daemon closed the connection on \(path) before answering \(what); "
                + "see 'journalctl -u dangjiand' for why"
        case .timedOut(let path, let seconds):
            return "dangjianctl: no reply from \(path) within \(Self.format(seconds)) s; "
                + "the command may still be running in the daemon (raise the limit with --timeout)"
        case .io(let what, let code):
            return "dangjianctl: \(what): \(SystemError.describe(code))"
        case .requestTooLong(let bytes, let limit):
            return "dangjianctl: the request is \(bytes) bytes long; the daemon accepts at most \(limit) bytes per line"
        case .export(let reason):
            return "dangjianctl: \(reason)"
        }
    }

    /// The exit status the failure leads to: a request refused before sending counts like
    /// the daemon's 413, everything else like a 5xx.
    var exitStatus: ExitStatus {
        switch self {
        case .requestTooLong, .export: .requestFailed
        default: .serverFailed
        }
    }

    /// Seconds as written in messages: `60`, or `0.25`.
    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e9 ? String(Int(seconds)) : String(seconds)
    }
}
