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
    private let catalog: ConstraintCatalog

    /// Creates the stage.
    ///
    /// - Parameters:
    ///   - constraintErrors: Per module id, its friendly errors for named constraints.
    ///   - catalog: The rules the constraints' comments state, for the constraints a module
    ///     does not map itself (in any schema: a command may break another module's rule).
    public init(constraintErrors: [String: [String: WorkbenchError]] = [:], catalog: ConstraintCatalog = ConstraintCatalog(rules: [])) {
        self.constraintErrors = constraintErrors
        self.catalog = catalog
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
            var friendly = constraintErrors[module] ?? [:]
            if let constraint = error.constraint, friendly[constraint] == nil,
                let rule = catalog.rule(schema: error.schema, constraint: constraint)
            {
                friendly[constraint] = rule.error
            }
            if let mapped = WorkbenchError(error, constraintErrors: friendly) {
                if mapped.status.code >= 500 { logger.warning("Database error", metadata: ["error": "\(error)"]) }
                return mapped
            }
            return internalError(error, logger: logger)
        case is CancellationError:
            return WorkbenchError(
                status: .unavailable, code: WorkbenchErrorCode.commandCancelled,
                message: "the command was cancelled (the daemon is stopping); nothing was changed"
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
