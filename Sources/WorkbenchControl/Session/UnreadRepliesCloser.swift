import Logging
import NIOCore

/// Closes a connection whose client does not read its replies.
///
/// The channel turns unwritable when more than `control.output_buffer_kib` of replies wait
/// for the client; from then on the server's writer waits, so no further request is read from
/// the connection (NIO's back-pressure). If the channel is still unwritable after the write
/// timeout, this handler closes it: the client loses its unread replies and its slot goes to
/// someone else. A client that reads slowly but reads keeps its connection: every return to
/// writable starts the clock again.
final class UnreadRepliesCloser: ChannelInboundHandler {
    typealias InboundIn = RequestFrame
    typealias InboundOut = RequestFrame

    private let timeout: TimeAmount
    private let statistics: ControlStatistics
    private let logger: Logger
    private var pending: Scheduled<Void>?

    init(timeout: TimeAmount, statistics: ControlStatistics, logger: Logger) {
        self.timeout = timeout
        self.statistics = statistics
        self.logger = logger
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            pending?.cancel()
            pending = nil
        } else if pending == nil {
            let loopBound = NIOLoopBound((context, self), eventLoop: context.eventLoop)
            pending = context.eventLoop.scheduleTask(in: timeout) {
                let (context, closer) = loopBound.value
                closer.pending = nil
                guard !context.channel.isWritable, context.channel.isActive else { return }
                closer.statistics.writeTimedOut()
                closer.logger.notice(
                    "Closed a connection whose client did not read its replies",
                    metadata: ["control.write_timeout": "\(closer.timeout)"]
                )
                context.close(promise: nil)
            }
        }
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        pending?.cancel()
        pending = nil
        context.fireChannelInactive()
    }
}
