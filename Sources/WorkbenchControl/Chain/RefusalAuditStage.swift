import CoreModule
public import WorkbenchKit
public import WorkbenchPostgres

/// Records refusals: when a mutating command is answered 403, 404, 409 or 422, its
/// transaction rolled back with its audit row, so this stage writes the refusal's row (with
/// the redacted arguments and the `request_id`) on a connection of its own. A 403 is
/// recorded for every command, a read included: a command's own permission check (an
/// operator's `cascade=true`) is an attempt the log must show, like the access stage's.
public struct RefusalAuditStage: CommandMiddleware {
    /// The statuses whose refusals of a change are audited.
    public static let auditedStatuses: Set<Int> = [403, 404, 409, 422]
    private let pool: PostgresPool

    /// Creates the stage; rows are written through `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// Passes the request on and audits a refused change.
    public func handle(_ request: CommandRequest, context: CommandContext, next: @escaping CommandResponder) async throws -> Reply {
        let command = try request.resolvedCommand(in: "refusal audit")
        do {
            return try await next(request, context)
        } catch let error as WorkbenchError
            where (command.mutates && Self.auditedStatuses.contains(error.status.code)) || (!command.isLocal && error.status == .forbidden)
        {
            await AuditLog.appendRefusal(
                of: command, caller: request.caller, arguments: AuditRecord.redactedArguments(request.arguments, of: command),
                requestID: request.requestID, error: error, started: context.started, pool: pool, logger: context.logger
            )
            throw error
        }
    }
}
