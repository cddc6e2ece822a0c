import WorkbenchKit

/// Splits a byte stream from the daemon into replies.
///
/// Bytes may arrive in any chunks: one byte at a time, or several pipelined replies at
/// once. A reply ends at the first line that matches `^[0-9]{3} `; replies come in request
/// order, so the n-th reply read belongs to the n-th request sent.
struct ReplyReader: Sendable {
    /// Received bytes split into lines.
    private var lines = LineBuffer()
    /// The `NNN-` lines of the reply being read.
    private var pending: [String] = []

    /// Creates a reader with nothing buffered.
    init() {}

    /// Whether part of a reply (a partial line or `NNN-` lines) has been read but its final
    /// line has not.
    var hasPartialReply: Bool { !pending.isEmpty || lines.hasPartialLine }

    /// Adds bytes read from the socket.
    mutating func append(_ bytes: some Sequence<UInt8>) {
        lines.append(bytes)
    }

    /// The next complete reply, or nil when its final line has not arrived yet.
    mutating func nextReply() -> ReceivedReply? {
        while let bytes = lines.nextLine() {
            let line = String(decoding: bytes, as: UTF8.self)
            pending.append(line)
            if let parsed = ReplyLine(parsing: line[...]), parsed.isFinal {
                defer { pending.removeAll(keepingCapacity: true) }
                return ReceivedReply(rawLines: pending)
            }
        }
        return nil
    }

    /// Adds `bytes` and returns every reply they complete, in order.
    mutating func replies(after bytes: some Sequence<UInt8>) -> [ReceivedReply] {
        append(bytes)
        var replies: [ReceivedReply] = []
        while let reply = nextReply() { replies.append(reply) }
        return replies
    }
}
