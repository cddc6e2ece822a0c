import NIOCore
import NIOEmbedded
import Testing
import WorkbenchControl

@Suite("Request line framing")
struct RequestLineDecoderTests {
    private func frames(_ chunks: [String], maximumBytes: Int = 16, close: Bool = true) throws -> [RequestFrame] {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(RequestLineDecoder(maximumBytes: maximumBytes)))
        for chunk in chunks {
            try channel.writeInbound(ByteBuffer(string: chunk))
        }
        if close { channel.pipeline.fireChannelInactive() }
        var result: [RequestFrame] = []
        while let frame = try channel.readInbound(as: RequestFrame.self) { result.append(frame) }
        _ = try? channel.finish()
        return result
    }

    @Test func linesSplitAcrossChunks() throws {
        #expect(try frames(["pi", "ng\nhel", "p\n"]) == [.line("ping"), .line("help")])
    }

    @Test func pipelinedLinesInOneChunk() throws {
        #expect(try frames(["a\nb\nc\n"]) == [.line("a"), .line("b"), .line("c")])
    }

    @Test func aLongLineIsReplacedAndTheNextOneServed() throws {
        let long = String(repeating: "x", count: 40)
        #expect(try frames([long + "\nping\n"]) == [.tooLong(bytes: 40), .line("ping")])
        // Delivered in pieces, never buffered beyond the limit.
        #expect(try frames([String(long.prefix(20)), String(long.suffix(20)), "\nping\n"]) == [.tooLong(bytes: 40), .line("ping")])
    }

    @Test func aLineOfExactlyTheLimitIsAccepted() throws {
        let exact = String(repeating: "y", count: 16)
        #expect(try frames([exact + "\n"]) == [.line(exact)])
        #expect(try frames([exact + "y\n"]) == [.tooLong(bytes: 17)])
    }

    @Test func aLastLineWithoutNewlineIsDeliveredAtEOF() throws {
        #expect(try frames(["ping\nstatus"]) == [.line("ping"), .line("status")])
    }

    @Test func invalidUTF8IsReported() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(RequestLineDecoder(maximumBytes: 100)))
        var buffer = ByteBuffer()
        buffer.writeBytes([0x70, 0xff, 0xfe, 0x0a])
        try channel.writeInbound(buffer)
        #expect(try channel.readInbound(as: RequestFrame.self) == .invalidUTF8)
        _ = try? channel.finish()
    }

    @Test func chineseTextIsKept() throws {
        #expect(try frames(["网格 上报\n"], maximumBytes: 100) == [.line("网格 上报")])
    }
}
