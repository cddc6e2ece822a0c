import WorkbenchKit

/// One complete reply as read from the socket: its `NNN-` lines and its final `NNN ` line.
struct ReceivedReply: Equatable, Sendable {
    /// The lines as received, without newlines: what `--raw` prints.
    var rawLines: [String]
    /// The text of every line but the last, after `NNN-`. A line that does not start with
    /// a status (which the daemon never sends) is kept whole.
    var body: [String]
    /// The final line.
    var final: ReplyLine

    /// Builds a reply from its raw lines; the last one must be a final reply line.
    init?(rawLines: [String]) {
        guard let last = rawLines.last, let final = ReplyLine(parsing: last[...]), final.isFinal else { return nil }
        self.rawLines = rawLines
        self.final = final
        self.body = rawLines.dropLast().map { line in
            ReplyLine(parsing: line[...])?.text ?? line
        }
    }

    /// The three-digit status of the final line.
    var status: Int { final.status }

    /// The final line's text after the status: `3 rows`, `created`, or `code: message`.
    var summary: String { final.text }

    /// Whether the status is 2xx.
    var isSuccess: Bool { (200..<300).contains(status) }

    /// The exit status this reply leads to on its own.
    var exitStatus: ExitStatus { ExitStatus(replyStatus: status) }
}
