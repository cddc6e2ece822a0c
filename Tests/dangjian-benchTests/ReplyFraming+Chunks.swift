@testable import dangjian_bench

extension ReplyFraming {
    /// Feeds `stream` in chunks of `size` bytes, as reads off a socket would deliver it, and
    /// returns the replies found.
    mutating func feed(_ stream: String, inChunksOf size: Int) -> [ReplyScanner.Reply] {
        let bytes = Array(stream.utf8)
        var replies: [ReplyScanner.Reply] = []
        for start in stride(from: 0, to: bytes.count, by: size) {
            let chunk = Array(bytes[start..<min(bytes.count, start + size)])
            replies += chunk.withUnsafeBytes { feed($0) }
        }
        return replies
    }
}
