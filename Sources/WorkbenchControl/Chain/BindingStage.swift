public import Foundation
public import WorkbenchKit

/// Checks the words after the command's name against its spec (400 naming the argument and
/// the expected form): `name=value` arguments and `request_id=`, or the bare operands of a
/// command that takes them (`help grids`, `format json`).
public struct BindingStage: CommandMiddleware {
    private let timeZone: TimeZone

    /// Creates the stage; relative dates (`today`) are read in `timeZone`.
    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// Binds the arguments and passes the request on.
    public func handle(_ request: CommandRequest, context: CommandContext, next: @escaping CommandResponder) async throws -> Reply {
        let command = try request.resolvedCommand(in: "binding")
        var request = request
        if command.operands != nil {
            request.operands = try ArgumentBinder.operands(request.wordsAfterCommand, of: command)
        } else {
            (request.arguments, request.requestID) = try ArgumentBinder.bind(
                request.wordsAfterCommand, to: command, now: request.now, timeZone: timeZone
            )
        }
        return try await next(request, context)
    }
}
