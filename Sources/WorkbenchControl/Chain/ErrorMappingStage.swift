public import Logging
public import WorkbenchKit
import WorkbenchPostgres

/// Turns whatever the command threw into a ``WorkbenchError`` reply: a module's own errors
/// pass through; a ``PostgresError`` becomes its `database.*` error (or the module's friendly
/// error for a named constraint); cancellation becomes 503 `command.cancelled`; anything else
/// is a 500 `internal` whose reference is logged with the details. No reply shows a
/// database row or internals.
public struct ErrorMappingStage: CommandMiddleware {
    private let constraintErrors: [String: [String: WorkbenchError]]

    /// Creates the stage.
    ///
    /// - Parameter constraintErrors: Per module id, its friendly errors for named constraints.
    public init(constraintErrors: [String: [String: WorkbenchError]] = [:]) {
        self.constraintErrors = constraintErrors
    }

    /// Passes the request on and maps what it throws.
    public func handle(_ request: CommandRequest, context: CommandContext, next: @escaping CommandResponder) async throws -> Reply {
        do {
            return try await next(request, context)
        } catch {
            throw map(error, module: request.command?.module ?? "", logger: context.logger)
        }
    }

    /// The reply for `error`, thrown by a command of `module`.
    public func map(_ error: any Error, module: String, logger: Logger) -> WorkbenchError {
        switch error {
        case let error as WorkbenchError:
            if error.status == .internalError { logger.error("Command failed", metadata: ["error": "\(error)"]) }
            return error
        case let error as PostgresError:
            if let mapped = WorkbenchError(error, constraintErrors: constraintErrors[module] ?? [:]) {
                if mapped.status.code >= 500 { logger.warning("Database error", metadata: ["error": "\(error)"]) }
                return mapped
            }
            return internalError(error, logger: logger)
        case is CancellationError:
            return WorkbenchError(
                status: .unavailable, code: "command.cancelled", message: "the command was cancelled (the daemon is stopping); nothing was changed"
            )
        default:
            return internalError(error, logger: logger)
        }
    }

    private func internalError(_ error: any Error, logger: Logger) -> WorkbenchError {
        let reference = String(UInt32.random(in: 0x1000_0000...UInt32.max), radix: 16)
        logger.error("Command failed with an unexpected error", metadata: ["error": "\(error)", "error.reference": "\(reference)"])
        return .internalError(reference: reference)
    }
}
