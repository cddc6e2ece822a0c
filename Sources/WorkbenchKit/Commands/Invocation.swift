public import Foundation
public import Logging
public import WorkbenchPostgres

/// Everything a command handler gets: checked arguments, the caller, a database session and
/// the command's clock reading.
///
/// For a mutating command, ``database`` is inside the transaction that will also hold the
/// command's audit row: the change and its audit commit together or not at all. Handlers
/// must not commit or roll back themselves; throwing a ``WorkbenchError`` rolls back.
public struct Invocation: Sendable {
    /// The command being run.
    public let command: CommandSpec
    /// Its checked arguments.
    public let arguments: Arguments
    /// Who asked.
    public let caller: Caller
    /// A database session (in a transaction for mutating commands).
    public let database: PostgresSession
    /// The caller's `request_id=`, if given.
    public let requestID: String?
    /// A logger with the command's metadata.
    public let logger: Logger
    /// The time the command started; handlers use this rather than reading a clock, so one
    /// command sees one "now".
    public let now: Date
    /// The daemon's time zone (for "today" and working-day arithmetic).
    public let timeZone: TimeZone
    /// The rows the request carried in the rows form, checked against the command's
    /// ``CommandSpec/rows``; nil for a command that takes none.
    public let rows: RequestRows?

    /// The date of ``now`` in the daemon's time zone: the "today" of `on=today`.
    public var today: CalendarDate { CalendarDate(containing: now, in: timeZone) }

    /// Creates an invocation (the dispatcher does this; tests may too).
    public init(
        command: CommandSpec, arguments: Arguments, caller: Caller, database: PostgresSession, requestID: String?,
        logger: Logger, now: Date, timeZone: TimeZone, rows: RequestRows? = nil
    ) {
        self.rows = rows
        self.command = command
        self.arguments = arguments
        self.caller = caller
        self.database = database
        self.requestID = requestID
        self.logger = logger
        self.now = now
        self.timeZone = timeZone
    }
}
