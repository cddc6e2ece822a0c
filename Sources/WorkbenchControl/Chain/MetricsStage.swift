import Metrics
public import WorkbenchKit

/// Counts and times every command that was found, by module, command and reply status:
/// `dangjian_commands_total{module, command, status}` and
/// `dangjian_command_duration_seconds{module, command}` (from arrival, waits included).
/// Built-ins and the core's commands are module `workbench`. A line that names no command
/// is counted only in `dangjian_requests_total`, by ``StatisticsStage``.
///
/// It sits right after ``LookupStage``, so refusals by access and binding are counted with
/// the command they refused.
public struct MetricsStage: CommandMiddleware {
    /// Creates the stage.
    public init() {}

    /// Passes the request on and records its outcome.
    public func handle(_ request: CommandRequest, context: CommandContext, next: @escaping CommandResponder) async throws -> Reply {
        let command = try request.resolvedCommand(in: "metrics")
        let module = command.module.isEmpty ? "workbench" : command.module
        let name = command.path.joined(separator: " ")
        let status: Int
        do {
            let reply = try await next(request, context)
            status = reply.status.code
            Self.record(module: module, command: name, status: status, started: context.started)
            return reply
        } catch is NoReply {
            throw NoReply()
        } catch {
            Self.record(
                module: module, command: name, status: (error as? WorkbenchError)?.status.code ?? ReplyStatus.internalError.code,
                started: context.started
            )
            throw error
        }
    }

    private static func record(module: String, command: String, status: Int, started: ContinuousClock.Instant) {
        Counter(label: "dangjian_commands_total", dimensions: [("module", module), ("command", command), ("status", String(status))])
            .increment()
        Metrics.Timer(label: "dangjian_command_duration_seconds", dimensions: [("module", module), ("command", command)])
            .record(duration: ContinuousClock.now - started)
    }
}
