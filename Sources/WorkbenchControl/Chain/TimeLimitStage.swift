public import WorkbenchKit
import WorkbenchPostgres

/// Bounds how long a command may run (`control.command_timeout`): past the limit the command
/// is cancelled, which cancels its running statement and rolls its transaction back, and the
/// reply is 504 `command.timeout` (unless the command completed anyway).
///
/// The stage waits for the cancelled command to unwind before it answers, so that "nothing
/// was changed" is true when the reply says so. Local built-ins (no database) run without a
/// limit: they cannot hang, and `status` and `version` bound their own database questions.
public struct TimeLimitStage: CommandMiddleware {
    /// The longest a command may run.
    public let limit: Duration

    /// Creates the stage.
    public init(limit: Duration) {
        self.limit = limit
    }

    /// Runs the rest of the chain under the limit.
    public func handle(_ request: CommandRequest, context: CommandContext, next: @escaping CommandResponder) async throws -> Reply {
        // A built-in that needs no database (ping, whoami, help, status' counters) cannot
        // hang, and racing it against a timer would cost more than it does.
        let command = try request.resolvedCommand(in: "time limit")
        if command.isLocal { return try await next(request, context) }
        let limit = command.timeLimit ?? self.limit
        let outcome = await withTaskGroup(of: Result<Reply, any Error>?.self) { group in
            group.addTask {
                do {
                    return .success(try await next(request, context))
                } catch {
                    return .failure(error)
                }
            }
            group.addTask {
                // Not Task.sleep: its cancelled timers would hold memory for the whole limit.
                _ = await DeadlineTimer.shared.wait(for: limit)
                return nil
            }
            let first = await group.next()!
            group.cancelAll()
            if let first {
                await group.waitForAll()
                return first
            }
            // The time limit passed: wait for the cancelled command to unwind.
            let result = await group.next()!!
            if case .failure(let error) = result, Self.isCancellationOutcome(error) {
                return .failure(
                    WorkbenchError(
                        status: .timedOut, code: WorkbenchErrorCode.commandTimeout,
                        message: "the command took longer than \(limit) and was cancelled; nothing was changed"
                    )
                )
            }
            return result
        }
        return try outcome.get()
    }

    /// Whether `error` is what a command cancelled mid-way ends with (a 5xx, or the
    /// statement timeout), rather than an answer of its own.
    static func isCancellationOutcome(_ error: any Error) -> Bool {
        guard let error = error as? WorkbenchError else { return true }
        return error.status.code >= 500 || error.code == "database.timeout"
    }
}
