public import WorkbenchKit

/// Turns a frame into words: refuses a line that is not UTF-8 (400) or too long (413), splits
/// it into words (400 on an unbalanced quote), drops a blank line (``NoReply``), and takes a
/// trailing unquoted `--json` as "this reply in JSON". A rows request (``RequestRows``) loses
/// its `<<N` here and keeps its lines for the binding stage.
///
/// What `format` and `quit` change about the connection is kept in the context's
/// ``SessionHandle`` and applied by the dispatcher after the reply.
public struct SessionStage: CommandMiddleware {
    /// Creates the stage.
    public init() {}

    /// Splits the frame into the request's words and passes it on.
    public func handle(_ request: CommandRequest, context: CommandContext, next: @escaping CommandResponder) async throws -> Reply {
        var line: String
        var rows: [String]?
        switch request.frame {
        case .line(let text):
            line = text
        case .withRows(let text, let lines):
            line = RequestRows.announced(in: text).map { String($0.line) } ?? text
            rows = lines
        case .refused(let error):
            throw error
        case .invalidUTF8:
            throw WorkbenchError.syntax("the line is not valid UTF-8; nothing was run")
        case .tooLong(let bytes):
            throw WorkbenchError(
                status: .lineTooLong, code: WorkbenchErrorCode.requestLineTooLong,
                message: "the request line has \(bytes) bytes, more than the \(ReplyLine.maximumRequestBytes) allowed; nothing was run"
            )
        }
        var words = try CommandLineTokenizer.tokenize(line[...])
        guard !words.isEmpty else { throw NoReply() }
        if let last = words.last, last.text == "--json", !last.wasQuoted {
            context.connection.useForThisReply(.json)
            words.removeLast()
            guard !words.isEmpty else { throw WorkbenchError.syntax("--json needs a command before it") }
        }
        var request = request
        request.words = words
        request.rowLines = rows
        return try await next(request, context)
    }
}
