public import WorkbenchKit

/// Counts every answered request by its status for `status` (requests, 4xx, 5xx). A blank
/// line, which gets no reply, is not counted.
public struct StatisticsStage: CommandMiddleware {
    private let statistics: ControlStatistics

    /// Creates the stage.
    public init(statistics: ControlStatistics) {
        self.statistics = statistics
    }

    /// Passes the request on and counts the reply or refusal that comes back.
    public func handle(_ request: CommandRequest, context: CommandContext, next: @escaping CommandResponder) async throws -> Reply {
        do {
            let reply = try await next(request, context)
            statistics.answered(status: reply.status.code)
            return reply
        } catch is NoReply {
            throw NoReply()
        } catch {
            statistics.answered(status: (error as? WorkbenchError)?.status.code ?? ReplyStatus.internalError.code)
            throw error
        }
    }
}
