/// Splits a server's reply stream into replies: ``ReplyScanner`` for the daemon's line
/// protocol, ``RedisReplyScanner`` for RESP.
protocol ReplyFraming: Sendable {
    /// Adds received bytes and returns the replies they complete, in order.
    mutating func feed(_ bytes: UnsafeRawBufferPointer) -> [ReplyScanner.Reply]
}

extension ReplyScanner: ReplyFraming {}
