/// Turns a reply into what the operator sees, split into standard output and error.
///
/// In ``OutputMode/text``:
/// - a 2xx reply's body goes to standard output as an aligned table
///   (``TableFormatter``), an aligned record (``RecordFormatter``), a record followed by its
///   named tables (each after a blank line and `name:`) or text as it came, then the final
///   line's text (`3 rows`, `created`, `pong`);
/// - a 4xx or 5xx reply goes to standard error, its final line with the status
///   (`404 grids.case.not_found: no case with id 42 …`).
///
/// In ``OutputMode/json`` a 2xx reply's JSON (the final line without `NNN `) goes to
/// standard output as is, a failed reply whole to standard error. In ``OutputMode/raw``
/// every line goes to standard output exactly as received.
struct ReplyRenderer: Sendable {
    /// What to print for one reply. Each string is empty or ends in a newline.
    struct Output: Equatable, Sendable {
        /// For standard output.
        var standardOutput = ""
        /// For standard error.
        var standardError = ""
    }

    /// How replies are printed.
    var mode: OutputMode

    /// Creates a renderer.
    init(mode: OutputMode) {
        self.mode = mode
    }

    /// What to print for `reply`.
    func render(_ reply: ReceivedReply) -> Output {
        switch mode {
        case .raw:
            return Output(standardOutput: Self.joined(reply.rawLines))
        case .json:
            if reply.isSuccess {
                return Output(standardOutput: Self.joined(reply.body + [reply.summary]))
            }
            return Output(standardError: Self.joined(reply.rawLines))
        case .text:
            if reply.isSuccess {
                var lines = Self.bodyLines(reply)
                if !reply.summary.isEmpty { lines.append(CellText.sanitized(reply.summary)) }
                return Output(standardOutput: Self.joined(lines))
            }
            let body = reply.body.map { CellText.sanitized($0) }
            return Output(standardError: Self.joined(body + ["\(reply.status) \(CellText.sanitized(reply.summary))"]))
        }
    }

    /// The body of a successful text-form reply, laid out by its shape.
    static func bodyLines(_ reply: ReceivedReply) -> [String] {
        switch ReplyBodyShape.recognise(body: reply.body, summary: reply.summary) {
        case .empty: []
        case .record(let fields): RecordFormatter.lines(fields)
        case .table(let header, let rows): TableFormatter.lines(header: header, rows: rows)
        case .text(let lines): lines.map { CellText.display($0) }
        case .document(let fields, let sections):
            RecordFormatter.lines(fields)
                + sections.flatMap { section in
                    ["", "\(section.name):"] + TableFormatter.lines(header: section.header, rows: section.rows)
                }
        }
    }

    /// The lines, each with its newline.
    private static func joined(_ lines: [String]) -> String {
        lines.map { $0 + "\n" }.joined()
    }
}
