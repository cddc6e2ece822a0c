import NIOCore

/// Closes a connection when `IdleStateHandler` reports no reads for the idle timeout,
/// unless a command is running (a client waiting for a slow reply is not idle).
final class IdleConnectionCloser: ChannelInboundHandler, Sendable {
    typealias InboundIn = RequestFrame
    typealias InboundOut = RequestFrame

    private let activity: SessionActivity

    init(activity: SessionActivity) {
        self.activity = activity
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read, !activity.isBusy {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }
}
