public import NIOCore

/// Splits the inbound byte stream into request lines of at most ``maximumBytes`` bytes.
///
/// A longer line is not buffered: its bytes are dropped as they arrive until the next
/// newline, and a single ``RequestFrame/tooLong(bytes:)`` takes its place, so the
/// connection goes on with the following line. Bytes left without a newline when the client
/// closes its side form a last line.
public struct RequestLineDecoder: ByteToMessageDecoder {
    public typealias InboundOut = RequestFrame

    /// The longest line accepted, newline excluded.
    public let maximumBytes: Int
    private var discarding: Int?

    /// Creates a decoder.
    public init(maximumBytes: Int) {
        self.maximumBytes = maximumBytes
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        if let newline = view.firstIndex(of: UInt8(ascii: "\n")) {
            let length = newline - view.startIndex
            if let discarded = discarding {
                buffer.moveReaderIndex(forwardBy: length + 1)
                discarding = nil
                context.fireChannelRead(wrapInboundOut(.tooLong(bytes: discarded + length)))
                return .continue
            }
            if length > maximumBytes {
                buffer.moveReaderIndex(forwardBy: length + 1)
                context.fireChannelRead(wrapInboundOut(.tooLong(bytes: length)))
                return .continue
            }
            let line = buffer.readSlice(length: length)!
            buffer.moveReaderIndex(forwardBy: 1)
            context.fireChannelRead(wrapInboundOut(Self.frame(line)))
            return .continue
        }
        if let discarded = discarding {
            discarding = discarded + buffer.readableBytes
            buffer.moveReaderIndex(to: buffer.writerIndex)
        } else if buffer.readableBytes > maximumBytes {
            discarding = buffer.readableBytes
            buffer.moveReaderIndex(to: buffer.writerIndex)
        }
        return .needMoreData
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        if let discarded = discarding {
            discarding = nil
            context.fireChannelRead(wrapInboundOut(.tooLong(bytes: discarded + buffer.readableBytes)))
            buffer.moveReaderIndex(to: buffer.writerIndex)
        } else if buffer.readableBytes > 0 {
            let line = buffer.readSlice(length: buffer.readableBytes)!
            context.fireChannelRead(wrapInboundOut(Self.frame(line)))
        }
        return .needMoreData
    }

    private static func frame(_ line: ByteBuffer) -> RequestFrame {
        guard let text = line.getString(at: line.readerIndex, length: line.readableBytes),
            line.readableBytesView.elementsEqual(text.utf8)
        else { return .invalidUTF8 }
        return .line(text)
    }
}
