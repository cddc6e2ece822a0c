/// One command sent through the control socket during a capture and the statements the
/// daemon executed for it, in order.
struct CapturedInvocation: Equatable, Sendable {
    var kind: RequestKind
    /// The request line as sent.
    var line: String
    var status: Int
    /// The fields of the reply's record (`id`, `code`, …), as the daemon printed them.
    var fields: [String: String]
    var statements: [LoggedStatement]
}
