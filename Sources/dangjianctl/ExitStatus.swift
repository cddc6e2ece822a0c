/// The process's exit code: the worst outcome among the replies and the connection.
///
/// - 0: every reply was 2xx;
/// - 1: the worst reply was 4xx (the request's fault), or a request was refused before
///   sending (too long);
/// - 2: a reply was 5xx, or the daemon could not be reached, closed the connection before a
///   final reply, sent something that is not a reply, or did not answer in time.
enum ExitStatus: Int32, Comparable, Sendable {
    /// Every reply was 2xx.
    case success = 0
    /// The worst reply was 4xx.
    case requestFailed = 1
    /// A 5xx reply or a connection failure.
    case serverFailed = 2

    /// The status a reply with `code` leads to. Codes outside 2xx and 4xx (5xx, and the
    /// 1xx and 3xx that the protocol does not use) count as server failures.
    init(replyStatus code: Int) {
        switch code {
        case 200..<300: self = .success
        case 400..<500: self = .requestFailed
        default: self = .serverFailed
        }
    }

    /// The worse of two statuses.
    func worsened(by other: ExitStatus) -> ExitStatus {
        Swift.max(self, other)
    }

    /// Orders statuses from best to worst.
    static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
