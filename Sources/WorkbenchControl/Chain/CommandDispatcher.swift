public import Foundation
public import Logging
public import WorkbenchKit

/// Turns one request line into one reply by running it through the ``CommandChain``, and
/// writes the reply in the connection's format.
///
/// Every outcome is a reply; nothing a client sends can make this throw. The stages do the
/// work: statistics, session (framing, `--json`), lookup, access, argument binding, command
/// log, refusal audit, time limit, error mapping, transaction; see ``WorkbenchBuilder`` for
/// the order.
public final class CommandDispatcher: Sendable {
    /// The command table.
    public let table: CommandTable
    private let chain: CommandChain
    private let encoder: ReplyEncoder
    private let clock: any WorkbenchClock
    private let logger: Logger

    /// Creates a dispatcher over a composed chain.
    ///
    /// - Parameters:
    ///   - timeZone: The zone timestamps in replies are written in.
    ///   - clock: Gives each request its "now".
    ///   - columnLabels: Column names in the domain's words, for JSON tables' `labels`
    ///     (``ColumnLabels/vocabulary(of:)``).
    public init(
        table: CommandTable, chain: CommandChain, timeZone: TimeZone, clock: any WorkbenchClock = SystemClock(),
        columnLabels: [String: String] = [:], logger: Logger
    ) {
        self.table = table
        self.chain = chain
        self.encoder = ReplyEncoder(timeZone: timeZone, columnLabels: columnLabels)
        self.clock = clock
        self.logger = logger
    }

    /// Answers one request. Returns the reply text (newline-terminated lines), or nil for a
    /// blank line, which gets no reply. What `format` and `quit` change is written back to
    /// `session`.
    public func respond(to frame: RequestFrame, in session: inout SessionState) async -> String? {
        let handle = SessionHandle(session)
        let request = CommandRequest(frame: frame, caller: session.caller, now: clock.now)
        let context = CommandContext(logger: logger, connection: handle)
        let text: String?
        do {
            let reply = try await chain.responder(request, context)
            text = encoder.encode(reply, format: handle.replyFormat)
        } catch is NoReply {
            text = nil
        } catch let error as WorkbenchError {
            text = encoder.encode(error, format: handle.replyFormat)
        } catch {
            // Only a chain put together in the wrong order gets here: every stage after the
            // session answers with WorkbenchError.
            let reference = String(UInt32.random(in: 0x1000_0000...UInt32.max), radix: 16)
            logger.error("Request failed outside the command", metadata: ["error": "\(error)", "error.reference": "\(reference)"])
            text = encoder.encode(WorkbenchError.internalError(reference: reference), format: handle.replyFormat)
        }
        session = handle.session
        return text
    }
}
