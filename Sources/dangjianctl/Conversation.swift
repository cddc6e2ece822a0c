import WorkbenchKit

/// One request at a time over a connection: send a line, read its reply. Used for a
/// request given on the command line and for the interactive prompt.
final class Conversation {
    /// The connection.
    let connection: ControlConnection
    /// How long to wait for a reply.
    let timeout: Duration
    /// Bytes received and not yet part of a reply.
    private var reader = ReplyReader()

    /// Starts a conversation on `connection`.
    init(connection: ControlConnection, timeout: Duration) {
        self.connection = connection
        self.timeout = timeout
    }

    /// Sends `line` (checked against the length limit) and returns its reply.
    func ask(_ line: String) throws(ClientError) -> ReceivedReply {
        try ask(line, rows: nil)
    }

    /// Sends `line` with `rows` in the rows form (`line <<N`, then a header and the data rows,
    /// each already tab-separated and escaped) and returns the one reply.
    func ask(_ line: String, rows: [String]?) throws(ClientError) -> ReceivedReply {
        var lines = [line]
        if let rows {
            lines = [line + " " + RequestRows.marker(lines: rows.count)] + rows
        }
        var bytes: [UInt8] = []
        for line in lines {
            try RequestBuilder.check(line)
            bytes += Array(line.utf8) + [UInt8(ascii: "\n")]
        }
        try connection.send(bytes)
        let deadline = ContinuousClock.now + timeout
        while true {
            if let reply = reader.nextReply() { return reply }
            let bytes = try connection.receive(until: deadline, timeout: timeout)
            if bytes.isEmpty { throw .connectionClosed(path: connection.path, unanswered: 1) }
            reader.append(bytes)
        }
    }
}
