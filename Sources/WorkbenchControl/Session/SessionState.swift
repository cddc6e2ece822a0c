public import WorkbenchKit

/// What a connection remembers between requests.
public struct SessionState: Sendable {
    /// Who is connected.
    public var caller: Caller
    /// The connection's reply format (`format text|json`).
    public var format: ReplyFormat
    /// Set by `quit`: close after this reply.
    public var wantsClose: Bool

    /// Creates the state of a new connection.
    public init(caller: Caller, format: ReplyFormat = .text) {
        self.caller = caller
        self.format = format
        self.wantsClose = false
    }
}
