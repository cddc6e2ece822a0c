public import Foundation
public import WorkbenchKit

/// The end of the chain: runs the command's handler, with the session the transaction stage
/// opened for a database command, or without any for a local one.
public struct CommandRunner: Sendable {
    private let table: CommandTable
    private let timeZone: TimeZone

    /// Creates the runner; local commands see `table`, database commands `timeZone`.
    public init(table: CommandTable, timeZone: TimeZone) {
        self.table = table
        self.timeZone = timeZone
    }

    /// Runs the request's command.
    public func respond(to request: CommandRequest, context: CommandContext) async throws -> Reply {
        let command = try request.resolvedCommand(in: "runner")
        switch command.execution {
        case .local(let run):
            return try await run(
                LocalInvocation(
                    command: command, arguments: request.arguments, operands: request.operands, caller: request.caller, table: table,
                    connection: context.connection, logger: context.logger, now: request.now
                )
            )
        case .database(let run):
            guard let database = context.database else {
                throw ChainOrderError(stage: "runner", missing: "database session (the transaction stage must come first)")
            }
            return try await run(
                Invocation(
                    command: command, arguments: request.arguments, caller: request.caller, database: database,
                    requestID: request.requestID, logger: context.logger, now: request.now, timeZone: timeZone, rows: request.rows
                )
            )
        }
    }
}
