public import WorkbenchKit

/// One row of `workbench.audit_log`: who ran what, with which arguments, and how it ended.
public struct AuditRecord: Sendable, Equatable {
    /// Who ran it.
    public var caller: Caller
    /// The module id (empty for top-level commands).
    public var module: String
    /// The command's words after the module (`case report`).
    public var command: String
    /// The arguments as the caller wrote them, secrets replaced by `***`.
    public var arguments: [String: String]
    /// The caller's `request_id`, if any.
    public var requestID: String?
    /// The reply's status.
    public var status: ReplyStatus
    /// The error code, for refusals.
    public var errorCode: String?
    /// The reply's summary line or the error message.
    public var summary: String
    /// How long the command took until its audit row was written.
    public var duration: Duration

    /// Creates a record.
    public init(
        caller: Caller, module: String, command: String, arguments: [String: String], requestID: String?,
        status: ReplyStatus, errorCode: String?, summary: String, duration: Duration
    ) {
        self.caller = caller
        self.module = module
        self.command = command
        self.arguments = arguments
        self.requestID = requestID
        self.status = status
        self.errorCode = errorCode
        self.summary = summary
        self.duration = duration
    }

    /// The arguments a command was given, secrets redacted.
    public static func redactedArguments(_ arguments: Arguments, of command: CommandSpec) -> [String: String] {
        let secrets = Set(command.arguments.filter(\.isSecret).map(\.name))
        var result: [String: String] = [:]
        for (name, text) in arguments.given {
            result[name] = secrets.contains(name) ? "***" : text
        }
        return result
    }
}
