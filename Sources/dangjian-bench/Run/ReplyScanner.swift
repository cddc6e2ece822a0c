/// Splits the daemon's reply stream into replies without decoding more than it must.
///
/// A reply's last line starts with three digits and a space (`200 ok`, `404 grids.case.not_found: …`);
/// every other line has a dash after the digits. The scanner keeps the status, the error code
/// of a refusal (the text before the first `:` of the last line) and the id of a created record
/// (its `201-id: N` line), which is all the load driver needs.
struct ReplyScanner: Sendable {
    /// One reply as the load driver sees it.
    struct Reply: Equatable, Sendable {
        var status: Int
        /// The error code of a 4xx/5xx reply (`grids.case.not_found`).
        var errorCode: String?
        /// The id a 201 reply created.
        var createdID: Int64?
        /// The record's `key: value` lines, when the scanner keeps them.
        var fields: [String: String] = [:]
    }

    /// Whether replies carry their record's fields (the capture needs them; the load does not).
    var keepsFields = false
    private var line: [UInt8] = []
    private var createdID: Int64?
    private var fields: [String: String] = [:]

    /// A scanner; `keepsFields` keeps each reply's `key: value` lines.
    init(keepsFields: Bool = false) {
        self.keepsFields = keepsFields
    }

    /// Adds received bytes and returns the replies they complete, in order.
    mutating func feed(_ bytes: UnsafeRawBufferPointer) -> [Reply] {
        var replies: [Reply] = []
        for byte in bytes {
            if byte != UInt8(ascii: "\n") {
                line.append(byte)
                continue
            }
            if let reply = endLine() { replies.append(reply) }
            line.removeAll(keepingCapacity: true)
        }
        return replies
    }

    /// Whether part of a reply has arrived but not its last line.
    var isMidReply: Bool { !line.isEmpty || createdID != nil }

    private mutating func endLine() -> Reply? {
        guard line.count >= 4, let status = Self.status(line) else { return nil }
        if line[3] == UInt8(ascii: "-") {
            // `201-id: 123`: the created record's id.
            let prefix: [UInt8] = Array("-id: ".utf8)
            if status == 201, line.count > 3 + prefix.count, Array(line[3..<(3 + prefix.count)]) == prefix {
                createdID = Int64(String(decoding: line[(3 + prefix.count)...], as: UTF8.self))
            }
            if keepsFields {
                let text = String(decoding: line[4...], as: UTF8.self)
                if let separator = text.range(of: ": ") {
                    fields[String(text[..<separator.lowerBound])] = String(text[separator.upperBound...])
                }
            }
            return nil
        }
        guard line[3] == UInt8(ascii: " ") else { return nil }
        defer {
            createdID = nil
            fields.removeAll()
        }
        var reply = Reply(status: status, createdID: createdID, fields: fields)
        if status >= 400 {
            let text = line[4...]
            let end = text.firstIndex(of: UInt8(ascii: ":")) ?? text.endIndex
            reply.errorCode = String(decoding: text[..<end], as: UTF8.self)
        }
        return reply
    }

    private static func status(_ line: [UInt8]) -> Int? {
        var value = 0
        for byte in line[0..<3] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
