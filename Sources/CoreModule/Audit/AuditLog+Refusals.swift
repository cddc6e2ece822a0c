public import Logging
public import WorkbenchKit
public import WorkbenchPostgres

extension AuditLog {
    /// The longest a refusal waits for its audit row to be written.
    public static let refusalBudget: Duration = .seconds(2)

    /// Writes the audit row of a refused command on a connection of its own (the command's
    /// transaction, if it had one, rolled back). A failure to write it is logged, not thrown:
    /// the caller still gets the refusal, within ``refusalBudget`` even when the database
    /// does not answer.
    public static func appendRefusal(
        of command: CommandSpec, caller: Caller, arguments: [String: String], requestID: String?, error: WorkbenchError,
        started: ContinuousClock.Instant, pool: PostgresPool, logger: Logger
    ) async {
        let record = AuditRecord(
            caller: caller, module: command.module, command: command.path.joined(separator: " "), arguments: arguments,
            requestID: requestID, status: error.status, errorCode: error.code, summary: error.message,
            duration: ContinuousClock.now - started
        )
        do {
            try await withBudget(refusalBudget) {
                try await pool.withConnection { session in try append(record, on: session) }
            }
        } catch {
            logger.warning("Could not write the audit row of a refused command", metadata: ["error": "\(error)"])
        }
    }
}
