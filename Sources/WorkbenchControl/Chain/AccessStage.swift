import CoreModule
import Logging
public import WorkbenchKit
public import WorkbenchPostgres

/// Refuses a command the caller's role may not run (403 `access.denied`).
///
/// The refusal of a database command is written to the audit log, with the arguments as the
/// caller wrote them (secrets redacted), on a connection of its own
/// (a failure to write it is logged, and the reply is still the 403). A local command (a
/// built-in) writes no audit row, so that its refusal never waits on the database; its
/// message points a peer without a role to `whoami`.
public struct AccessStage: CommandMiddleware {
    private let pool: PostgresPool

    /// Creates the stage; refusals are audited through `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// Checks the caller's role against the command's and passes the request on.
    public func handle(_ request: CommandRequest, context: CommandContext, next: @escaping CommandResponder) async throws -> Reply {
        let command = try request.resolvedCommand(in: "access")
        let caller = request.caller
        guard command.allows(caller) else {
            let noRole = command.isLocal ? "no role; 'whoami' shows your credentials" : "no role"
            let error = WorkbenchError.forbidden(
                "'\(command.qualifiedName)' needs role \(command.role); you (user \(caller.userName), uid \(caller.uid)) have "
                    + (caller.role.map { "role \($0)" } ?? noRole)
            )
            if !command.isLocal {
                // The arguments are not checked yet: the row keeps them as written (secrets redacted).
                let attempt = AuditRecord.attemptedArguments(request.wordsAfterCommand, of: command)
                await AuditLog.appendRefusal(
                    of: command, caller: caller, arguments: attempt.arguments, requestID: attempt.requestID, error: error,
                    started: context.started,
                    pool: pool, logger: context.logger
                )
            }
            throw error
        }
        return try await next(request, context)
    }
}
