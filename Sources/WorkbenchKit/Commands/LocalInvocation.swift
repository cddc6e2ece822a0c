public import Foundation
public import Logging

/// Everything a local command's handler gets (``CommandSpec/init(local:synopsis:help:arguments:operands:role:isOpenToAnyone:examples:run:)``):
/// like ``Invocation`` but without a database session, plus its operands, the command
/// table and the connection it came on.
public struct LocalInvocation: Sendable {
    /// The command being run.
    public let command: CommandSpec
    /// Its checked `name=value` arguments (empty for a command that takes operands).
    public let arguments: Arguments
    /// The bare words after its name, for a command with ``CommandSpec/operands``.
    public let operands: [String]
    /// Who asked.
    public let caller: Caller
    /// Every command the daemon serves (for `help` and `modules`).
    public let table: CommandTable
    /// The connection the request came on (for `format` and `quit`).
    public let connection: any ConnectionControl
    /// A logger with the command's metadata.
    public let logger: Logger
    /// The time the command started.
    public let now: Date

    /// Creates an invocation (the dispatcher does this; tests may too).
    public init(
        command: CommandSpec, arguments: Arguments, operands: [String], caller: Caller, table: CommandTable,
        connection: any ConnectionControl, logger: Logger, now: Date
    ) {
        self.command = command
        self.arguments = arguments
        self.operands = operands
        self.caller = caller
        self.table = table
        self.connection = connection
        self.logger = logger
        self.now = now
    }
}
