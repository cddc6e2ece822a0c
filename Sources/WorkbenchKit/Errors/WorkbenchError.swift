/// An error a command answers with: a reply status, a stable dotted code and a message that
/// tells the operator what to do.
///
/// Codes are part of the protocol: scripts match on them, so a code never changes meaning
/// once released. Modules define their own under their id
/// (`grids.case.transition_not_allowed`); the core uses `syntax`, `command.*`, `argument.*`,
/// `access.*`, `database.*`, `request.*` and `internal`.
///
/// ```swift
/// throw WorkbenchError(
///     status: .conflict, code: "grids.case.transition_not_allowed",
///     message: "case 42 is closed; reopen it with 'grid case reopen id=42' first"
/// )
/// ```
public struct WorkbenchError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// The reply status (4xx or 5xx).
    public var status: ReplyStatus
    /// The stable dotted code.
    public var code: String
    /// What went wrong and what to do, in one line.
    public var message: String
    /// The argument at fault, when one is.
    public var argument: String?

    /// Creates an error.
    public init(status: ReplyStatus, code: String, message: String, argument: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.argument = argument
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    // MARK: Core errors

    /// 400: the line cannot be split into words.
    public static func syntax(_ message: String) -> WorkbenchError {
        WorkbenchError(status: .badRequest, code: WorkbenchErrorCode.syntax, message: message)
    }

    /// 401: no such command.
    public static func unknownCommand(_ message: String) -> WorkbenchError {
        WorkbenchError(status: .unknownCommand, code: WorkbenchErrorCode.commandUnknown, message: message)
    }

    /// 400: an argument is missing, unknown, repeated or malformed.
    public static func invalidArgument(_ name: String, code: String = WorkbenchErrorCode.argumentInvalid, _ message: String) -> WorkbenchError {
        WorkbenchError(status: .badRequest, code: code, message: message, argument: name)
    }

    /// 403: the caller's role may not run the command.
    public static func forbidden(_ message: String) -> WorkbenchError {
        WorkbenchError(status: .forbidden, code: WorkbenchErrorCode.accessDenied, message: message)
    }

    /// 404: a record the command names does not exist.
    public static func notFound(_ code: String, _ message: String) -> WorkbenchError {
        WorkbenchError(status: .notFound, code: code, message: message)
    }

    /// 409: a duplicate, or a state transition that is not allowed.
    public static func conflict(_ code: String, _ message: String) -> WorkbenchError {
        WorkbenchError(status: .conflict, code: code, message: message)
    }

    /// 409: a duplicate of the value an argument gave (a code or a name that must be unique);
    /// the message names the argument, as a 400 does.
    public static func conflict(_ code: String, argument: String, _ message: String) -> WorkbenchError {
        WorkbenchError(status: .conflict, code: code, message: "\(argument): \(message)", argument: argument)
    }

    /// 422: the input is well-formed but a business rule refuses it.
    public static func ruleRefused(_ code: String, _ message: String) -> WorkbenchError {
        WorkbenchError(status: .unprocessable, code: code, message: message)
    }

    /// 500: a fault in the daemon; details are in its log, never in the reply.
    public static func internalError(reference: String) -> WorkbenchError {
        WorkbenchError(
            status: .internalError, code: WorkbenchErrorCode.internal,
            message: "internal error (reference \(reference)); the daemon's log has the details"
        )
    }
}
