/// Splits a Redis (RESP2) reply stream into replies, for the transport reference.
///
/// `+OK` and `:1` are status 200, `-ERR …` status 500 with its first word as the error
/// code; bulk strings (`$n`, `$-1`) and arrays (`*n`, whose elements may be any of these)
/// are one reply each. Nothing is decoded beyond what splitting needs.
struct RedisReplyScanner: ReplyFraming {
    private var line: [UInt8] = []
    /// Bytes of a bulk string still to skip, its CRLF included.
    private var bulkRemaining = 0
    /// Elements still expected by each open array, innermost last.
    private var arrays: [Int] = []
    private var error: String?

    /// A scanner at the start of a stream.
    init() {}

    /// Adds received bytes and returns the replies they complete, in order.
    mutating func feed(_ bytes: UnsafeRawBufferPointer) -> [ReplyScanner.Reply] {
        var replies: [ReplyScanner.Reply] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bulkRemaining > 0 {
                let skipped = min(bulkRemaining, bytes.endIndex - index)
                bulkRemaining -= skipped
                index += skipped
                if bulkRemaining == 0, let reply = elementEnded() { replies.append(reply) }
                continue
            }
            let byte = bytes[index]
            index += 1
            if byte != UInt8(ascii: "\n") {
                line.append(byte)
                continue
            }
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            if let reply = endLine() { replies.append(reply) }
            line.removeAll(keepingCapacity: true)
        }
        return replies
    }

    /// Whether part of a reply has arrived but not its end.
    var isMidReply: Bool { !line.isEmpty || bulkRemaining > 0 || !arrays.isEmpty }

    private mutating func endLine() -> ReplyScanner.Reply? {
        guard let type = line.first else { return nil }
        let rest = line.dropFirst()
        switch type {
        case UInt8(ascii: "-"):
            if error == nil {
                let text = String(decoding: rest, as: UTF8.self)
                error = String(text.prefix { $0 != " " })
            }
            return elementEnded()
        case UInt8(ascii: "$"):
            let length = Int(String(decoding: rest, as: UTF8.self)) ?? -1
            if length < 0 { return elementEnded() }
            bulkRemaining = length + 2
            return nil
        case UInt8(ascii: "*"):
            let count = Int(String(decoding: rest, as: UTF8.self)) ?? -1
            if count <= 0 { return elementEnded() }
            arrays.append(count)
            return nil
        default:
            // `+…`, `:…` and anything else on one line.
            return elementEnded()
        }
    }

    /// One element is complete: it ends the reply unless an array still expects more.
    private mutating func elementEnded() -> ReplyScanner.Reply? {
        while let last = arrays.last {
            if last > 1 {
                arrays[arrays.count - 1] = last - 1
                return nil
            }
            arrays.removeLast()
        }
        defer { error = nil }
        return error.map { ReplyScanner.Reply(status: 500, errorCode: $0) } ?? ReplyScanner.Reply(status: 200)
    }
}
