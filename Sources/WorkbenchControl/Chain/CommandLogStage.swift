import Logging
public import WorkbenchKit
import WorkbenchPostgres

/// Gives the request's logger the command's metadata (`command`, `peer.uid`, `request.id`)
/// and logs how each command ended and how long it took: a change at info, a read at debug,
/// a refusal at info, a 5xx at warning.
public struct CommandLogStage: CommandMiddleware {
    /// Creates the stage.
    public init() {}

    /// Passes the request on with the command's logger and logs the outcome.
    public func handle(_ request: CommandRequest, context: CommandContext, next: @escaping CommandResponder) async throws -> Reply {
        let command = try request.resolvedCommand(in: "command log")
        var context = context
        context.logger[metadataKey: "command"] = "\(command.qualifiedName)"
        context.logger[metadataKey: "peer.uid"] = "\(request.caller.uid)"
        if let requestID = request.requestID { context.logger[metadataKey: "request.id"] = "\(requestID)" }
        do {
            let reply = try await next(request, context)
            context.logger.log(
                level: command.mutates ? .info : .debug, "Command answered",
                metadata: ["reply.status": "\(reply.status.code)", "duration.ms": "\((ContinuousClock.now - context.started).milliseconds)"]
            )
            return reply
        } catch {
            let status = (error as? WorkbenchError)?.status.code ?? ReplyStatus.internalError.code
            let code = (error as? WorkbenchError)?.code ?? "internal"
            context.logger.log(
                level: status >= 500 ? .warning : .info, "Command refused",
                metadata: [
                    "reply.status": "\(status)", "reply.code": "\(code)",
                    "duration.ms": "\((ContinuousClock.now - context.started).milliseconds)",
                ]
            )
            throw error
        }
    }
}
