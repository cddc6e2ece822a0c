public import Foundation
public import WorkbenchKit

/// Checks the words after the command's name against its spec (400 naming the argument and
/// the expected form): `name=value` arguments and `request_id=`, or the bare operands of a
/// command that takes them (`help grids`, `format json`), and the rows of a rows request
/// against the command's ``CommandSpec/rows``.
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
        request.rows = try Self.rows(request.rowLines, for: command)
        return try await next(request, context)
    }

    /// The rows of a rows request, read and checked; a 400 for rows a command does not take,
    /// or for a command that needs them sent without.
    static func rows(_ lines: [String]?, for command: CommandSpec) throws -> RequestRows? {
        switch (command.rows, lines) {
        case (nil, nil):
            return nil
        case (nil, .some):
            throw WorkbenchError(
                status: .badRequest, code: WorkbenchErrorCode.rowsUnexpected,
                message: "'\(command.qualifiedName)' takes no rows; send it without <<N and its lines"
            )
        case (let spec?, nil):
            throw WorkbenchError(
                status: .badRequest, code: WorkbenchErrorCode.rowsMissing,
                message: "'\(command.qualifiedName)' reads rows: end the line with <<N and send N lines after it, a header ("
                    + spec.columns.map(\.name).joined(separator: "\t") + ") and the rows, tab-separated"
            )
        case (let spec?, let lines?):
            return try spec.normalized(try RequestRows(lines: lines))
        }
    }
}
