/// What a local command may change about the connection its request came on.
public protocol ConnectionControl: Sendable {
    /// Switches the connection's replies to `format`, starting with the reply to this
    /// request (`format json`).
    func switchFormat(to format: ReplyFormat)
    /// Closes the connection once this request's reply is sent (`quit`).
    func closeAfterReply()
}
