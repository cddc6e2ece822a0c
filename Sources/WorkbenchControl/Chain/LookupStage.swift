public import WorkbenchKit

/// Finds the command the words name in the command table: a built-in, a module's command
/// (by module id or alias) or a top-level command; 401 when there is none.
public struct LookupStage: CommandMiddleware {
    private let table: CommandTable

    /// Creates the stage over `table`.
    public init(table: CommandTable) {
        self.table = table
    }

    /// Resolves the command and passes the request on.
    public func handle(_ request: CommandRequest, context: CommandContext, next: @escaping CommandResponder) async throws -> Reply {
        var request = request
        (request.command, request.commandWordCount) = try table.resolve(request.words)
        return try await next(request, context)
    }
}
