import Synchronization
public import WorkbenchKit

/// A connection's state while one of its requests runs through the chain: the format this
/// reply goes out in, and what `format` and `quit` change for the requests after it.
public final class SessionHandle: ConnectionControl, Sendable {
    private struct State {
        var session: SessionState
        var replyFormat: ReplyFormat
    }

    private let state: Mutex<State>

    /// Starts from the connection's state; the reply format is the connection's until
    /// `--json` or `format` changes it.
    public init(_ session: SessionState) {
        state = Mutex(State(session: session, replyFormat: session.format))
    }

    /// The connection's state, with what this request changed.
    public var session: SessionState { state.withLock { $0.session } }

    /// The format this request's reply is written in.
    public var replyFormat: ReplyFormat { state.withLock { $0.replyFormat } }

    /// Writes this request's reply (only) in `format` (`--json`).
    public func useForThisReply(_ format: ReplyFormat) {
        state.withLock { $0.replyFormat = format }
    }

    /// Switches the connection, this reply included, to `format` (`format json`).
    public func switchFormat(to format: ReplyFormat) {
        state.withLock {
            $0.session.format = format
            $0.replyFormat = format
        }
    }

    /// Closes the connection after this reply (`quit`).
    public func closeAfterReply() {
        state.withLock { $0.session.wantsClose = true }
    }
}
