import Testing

@testable import dangjian_bench

@Suite("Redis reply scanner")
struct RedisReplyScannerTests {
    typealias Reply = ReplyScanner.Reply

    static let cases: [(name: String, stream: String, replies: [Reply])] = [
        ("a PONG", "+PONG\r\n", [Reply(status: 200)]),
        ("an error keeps its first word", "-ERR unknown command 'PINGG'\r\n", [Reply(status: 500, errorCode: "ERR")]),
        ("an integer", ":42\r\n", [Reply(status: 200)]),
        ("a bulk string with CRLF inside", "$6\r\na\r\nb\r\n\r\n", [Reply(status: 200)]),
        ("a null bulk string", "$-1\r\n", [Reply(status: 200)]),
        ("an array of mixed elements, nested", "*3\r\n$1\r\na\r\n*2\r\n:1\r\n+x\r\n*0\r\n", [Reply(status: 200)]),
        ("an empty array", "*0\r\n", [Reply(status: 200)]),
        (
            "pipelined replies in order", "+PONG\r\n-WRONGTYPE no\r\n$2\r\nok\r\n+PONG\r\n",
            [Reply(status: 200), Reply(status: 500, errorCode: "WRONGTYPE"), Reply(status: 200), Reply(status: 200)]
        ),
    ]

    @Test("Replies are found in any chunking", arguments: cases.indices)
    func repliesInAnyChunking(index: Int) {
        let (name, stream, expected) = Self.cases[index]
        let bytes = Array(stream.utf8)
        for chunkSize in [1, 2, 3, 5, bytes.count] {
            var scanner = RedisReplyScanner()
            let replies = scanner.feed(stream, inChunksOf: chunkSize)
            #expect(replies == expected, "\(name), chunks of \(chunkSize)")
            #expect(!scanner.isMidReply, "\(name), chunks of \(chunkSize)")
        }
    }

    @Test("An array missing elements is not reported")
    func partialArray() {
        var scanner = RedisReplyScanner()
        let replies = Array("*2\r\n+a\r\n".utf8).withUnsafeBytes { scanner.feed($0) }
        #expect(replies.isEmpty)
        #expect(scanner.isMidReply)
    }
}
