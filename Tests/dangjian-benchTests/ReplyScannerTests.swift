import Testing

@testable import dangjian_bench

@Suite("Reply scanner")
struct ReplyScannerTests {
    typealias Reply = ReplyScanner.Reply

    static let cases: [(name: String, stream: String, replies: [Reply])] = [
        ("a plain ok", "200 ok\n", [Reply(status: 200)]),
        ("a record", "200-id: 7\n200-code: BENCH\n200 ok\n", [Reply(status: 200)]),
        (
            "a created record keeps its id",
            "201-id: 10001\n201-code: GC-2026-010001\n201 case GC-2026-010001 reported\n",
            [Reply(status: 201, createdID: 10001)]
        ),
        ("a refusal keeps its code", "404 grids.case.not_found: no case 9 (case=)\n", [Reply(status: 404, errorCode: "grids.case.not_found")]),
        (
            "pipelined replies come in order",
            "200-a\n200 ok\n409 grids.case.transition_not_allowed: no\n201-id: 5\n201 created\n",
            [Reply(status: 200), Reply(status: 409, errorCode: "grids.case.transition_not_allowed"), Reply(status: 201, createdID: 5)]
        ),
        ("an id line of a 200 reply is not a created id", "200-id: 3\n200 ok\n", [Reply(status: 200)]),
        ("a table's data lines never end a reply", "200-id\tcode\n200-1\tX\n200 1 row\n", [Reply(status: 200)]),
        (
            "a 503 refusal of a full daemon", "503 control.too_many_connections: try later\n",
            [Reply(status: 503, errorCode: "control.too_many_connections")]
        ),
    ]

    @Test("Replies are found in any chunking", arguments: cases.indices)
    func repliesInAnyChunking(index: Int) {
        let (name, stream, expected) = Self.cases[index]
        let bytes = Array(stream.utf8)
        for chunkSize in [1, 2, 3, 7, bytes.count] {
            var scanner = ReplyScanner()
            let replies = scanner.feed(stream, inChunksOf: chunkSize)
            #expect(replies == expected, "\(name), chunks of \(chunkSize)")
            #expect(!scanner.isMidReply, "\(name), chunks of \(chunkSize)")
        }
    }

    @Test("A reply cut off before its last line is not reported")
    func partialReply() {
        var scanner = ReplyScanner()
        let replies = Array("200-id: 1\n200-code".utf8).withUnsafeBytes { scanner.feed($0) }
        #expect(replies.isEmpty)
        #expect(scanner.isMidReply)
    }
}
