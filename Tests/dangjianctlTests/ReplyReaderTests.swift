import Testing

@testable import dangjianctl

@Suite("Reading replies from a byte stream")
struct ReplyReaderTests {
    private let table = "200-id\tname\n200-1\t第一党支部\n200-2\tPipe\\tline\n200 2 rows\n"

    /// Feeds `text`'s bytes in chunks of `size` and collects every reply completed.
    private func read(_ text: String, chunkSize size: Int) -> (replies: [ReceivedReply], reader: ReplyReader) {
        var reader = ReplyReader()
        var replies: [ReceivedReply] = []
        let bytes = Array(text.utf8)
        for start in stride(from: 0, to: bytes.count, by: size) {
            replies += reader.replies(after: bytes[start..<min(start + size, bytes.count)])
        }
        return (replies, reader)
    }

    @Test(arguments: [1, 2, 3, 5, 7, 64, 4096])
    func multiLineReplyInAnyChunks(chunkSize: Int) {
        let (replies, reader) = read(table, chunkSize: chunkSize)
        #expect(replies.count == 1)
        #expect(replies.first?.status == 200)
        #expect(replies.first?.body == ["id\tname", "1\t第一党支部", "2\tPipe\\tline"])
        #expect(replies.first?.summary == "2 rows")
        #expect(replies.first?.rawLines == ["200-id\tname", "200-1\t第一党支部", "200-2\tPipe\\tline", "200 2 rows"])
        #expect(!reader.hasPartialReply)
    }

    @Test func oneByteChunksSplitMultiByteCharacters() {
        // 第 is three bytes in UTF-8; a one-byte split must not corrupt it.
        var reader = ReplyReader()
        var replies: [ReceivedReply] = []
        for byte in "200-name: 第一\n200 ok\n".utf8 { replies += reader.replies(after: [byte]) }
        #expect(replies.map(\.body) == [["name: 第一"]])
    }

    @Test func twoPipelinedRepliesInOneChunk() {
        var reader = ReplyReader()
        let replies = reader.replies(after: Array("200 pong\n404 grids.case_not_found: case 42 does not exist\n".utf8))
        #expect(replies.count == 2)
        #expect(replies.map(\.status) == [200, 404])
        #expect(replies.map(\.summary) == ["pong", "grids.case_not_found: case 42 does not exist"])
        #expect(!reader.hasPartialReply)
    }

    @Test func aChunkEndingInsideTheSecondReplyKeepsTheRest() {
        var reader = ReplyReader()
        var replies = reader.replies(after: Array("200 pong\n200-id: 1\n20".utf8))
        #expect(replies.map(\.summary) == ["pong"])
        #expect(reader.hasPartialReply)
        replies = reader.replies(after: Array("0 ok\n".utf8))
        #expect(replies.map(\.body) == [["id: 1"]])
        #expect(replies.map(\.summary) == ["ok"])
        #expect(!reader.hasPartialReply)
    }

    @Test func aFinalLineIsThreeDigitsAndASpace() {
        var reader = ReplyReader()
        // "200-" continues, "20 " and "2000 " are not status lines, so only "201 " ends it.
        let replies = reader.replies(after: Array("200-a\n20 b\n2000 c\n201 done\n".utf8))
        #expect(replies.count == 1)
        #expect(replies.first?.body == ["a", "20 b", "2000 c"])
        #expect(replies.first?.status == 201)
    }

    @Test func carriageReturnsBeforeNewlinesAreDropped() {
        var reader = ReplyReader()
        #expect(reader.replies(after: Array("200-x: 1\r\n200 ok\r\n".utf8)).first?.rawLines == ["200-x: 1", "200 ok"])
    }

    @Test func nothingCompleteYet() {
        var reader = ReplyReader()
        #expect(reader.replies(after: Array("200-id\tname\n200-1\tx".utf8)).isEmpty)
        #expect(reader.hasPartialReply)
    }

    @Test func receivedReplyNeedsAFinalLastLine() {
        #expect(ReceivedReply(rawLines: ["200-x"]) == nil)
        #expect(ReceivedReply(rawLines: []) == nil)
        #expect(ReceivedReply(rawLines: ["hello", "200 ok"])?.body == ["hello"])
    }
}

@Suite("Line buffer")
struct LineBufferTests {
    @Test func linesComeOutWholeAndTheRemainderStays() {
        var buffer = LineBuffer()
        buffer.append(Array("one\ntw".utf8))
        #expect(buffer.nextLine() == Array("one".utf8))
        #expect(buffer.nextLine() == nil)
        #expect(buffer.hasPartialLine)
        buffer.append(Array("o\n\nthree".utf8))
        #expect(buffer.nextLine() == Array("two".utf8))
        #expect(buffer.nextLine() == [])
        #expect(buffer.nextLine() == nil)
        #expect(buffer.takeRemainder() == Array("three".utf8))
        #expect(!buffer.hasPartialLine)
        #expect(buffer.takeRemainder() == nil)
    }

    @Test func manyLinesSurviveCompaction() {
        var buffer = LineBuffer()
        var seen: [String] = []
        for number in 0..<5000 {
            buffer.append(Array("line \(number)\n".utf8))
            if number % 3 == 0 {
                while let line = buffer.nextLine() { seen.append(String(decoding: line, as: UTF8.self)) }
            }
        }
        while let line = buffer.nextLine() { seen.append(String(decoding: line, as: UTF8.self)) }
        #expect(seen == (0..<5000).map { "line \($0)" })
    }
}
