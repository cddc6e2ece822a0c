/// One command a module offers: its words, its arguments, who may run it, and what it does.
///
/// The line `grids case report grid=12 kind=parking` runs the `grids` module's command whose
/// ``path`` is `["case", "report"]`. Arguments are checked against ``arguments`` before
/// ``run`` is called, so `run` never parses raw text. `help` is generated from these specs.
///
/// ```swift
/// CommandSpec(
///     "unit show", synopsis: "Show one organisation", role: .viewer,
///     arguments: [.required("code", .string(maxLength: 32), help: "The unit's code")]
/// ) { invocation in
///     try await UnitStore.show(code: invocation.arguments.string("code"), in: invocation.database)
/// }
/// ```
///
/// A command runs in one of two ways (``Execution``): with a database session (every module
/// command), or locally, without touching the database at all (the daemon's built-ins:
/// `ping`, `whoami`, `help`…), so that it answers even when the database does not.
public struct CommandSpec: Sendable {
    /// What the command does when the arguments are valid.
    public typealias Handler = @Sendable (Invocation) async throws -> Reply
    /// What a local command does: no database session is opened for it.
    public typealias LocalHandler = @Sendable (LocalInvocation) async throws -> Reply

    /// How a command runs.
    public enum Execution: Sendable {
        /// With a pooled database session: one transaction with its audit row when the
        /// command mutates, a plain session otherwise.
        case database(Handler)
        /// Without the database: the dispatcher opens no session and writes no audit row,
        /// not even for a refusal.
        case local(LocalHandler)
    }

    /// The owning module's id; empty for the daemon's top-level commands. Filled in by the
    /// command table from the module that lists the spec.
    public internal(set) var module: String
    /// The words after the module name (`["case", "report"]`).
    public var path: [String]
    /// One line for command lists.
    public var synopsis: String
    /// Longer help: what it does, the rules it applies, what it answers.
    public var help: String
    /// The `name=value` arguments it takes.
    public var arguments: [ArgumentSpec]
    /// The least role that may run it.
    public var role: Role
    /// Whether it changes data. Mutating commands run in one transaction with their audit row
    /// and accept `request_id=` for safe retries.
    public var mutates: Bool
    /// Example lines shown in help.
    public var examples: [String]
    /// The bare words the command takes after its name instead of `name=value` arguments
    /// (`help grids case`, `format json`), or nil for a command that takes arguments.
    public var operands: OperandSpec?
    /// The rows it takes in the rows form (``RequestRows``), nil when it takes none; set with
    /// ``takingRows(_:)``.
    public var rows: RowsSpec?
    /// How long it may run, when not the daemon's command time limit (an import of a whole
    /// register); set with ``withTimeLimit(_:)``.
    public var timeLimit: Duration?
    /// Whether a peer mapped to no role may run it too (`help`, `ping`, `whoami`, `quit`);
    /// ``role`` is then what help files it under.
    public var isOpenToAnyone: Bool
    /// The handler.
    public var execution: Execution

    /// Creates a spec.
    ///
    /// - Parameters:
    ///   - path: The words after the module name, separated by spaces (`"case report"`).
    ///   - role: The least role that may run it; mutating commands need at least `operator`.
    public init(
        _ path: String,
        synopsis: String,
        help: String = "",
        arguments: [ArgumentSpec] = [],
        role: Role = .viewer,
        mutates: Bool = false,
        examples: [String] = [],
        run: @escaping Handler
    ) {
        self.module = ""
        self.path = path.split(separator: " ").map(String.init)
        self.synopsis = synopsis
        self.help = help
        self.arguments = arguments
        self.role = mutates ? max(role, .operator) : role
        self.mutates = mutates
        self.examples = examples
        self.operands = nil
        self.isOpenToAnyone = false
        self.execution = .database(run)
    }

    /// Creates a local command: one that never touches the database (the built-ins).
    ///
    /// - Parameters:
    ///   - path: The words of its name, separated by spaces.
    ///   - operands: The bare words it takes after its name, or nil when it takes
    ///     `name=value` arguments.
    ///   - isOpenToAnyone: Whether a peer mapped to no role may run it.
    public init(
        local path: String,
        synopsis: String,
        help: String = "",
        arguments: [ArgumentSpec] = [],
        operands: OperandSpec? = nil,
        role: Role = .viewer,
        isOpenToAnyone: Bool = false,
        examples: [String] = [],
        run: @escaping LocalHandler
    ) {
        self.module = ""
        self.path = path.split(separator: " ").map(String.init)
        self.synopsis = synopsis
        self.help = help
        self.arguments = arguments
        self.role = role
        self.mutates = false
        self.examples = examples
        self.operands = operands
        self.isOpenToAnyone = isOpenToAnyone
        self.execution = .local(run)
    }

    /// Whether the command runs without the database.
    public var isLocal: Bool {
        if case .local = execution { return true }
        return false
    }

    /// Whether `caller` may run it: the caller's role is at least ``role``, or the command
    /// is open to anyone.
    public func allows(_ caller: Caller) -> Bool {
        isOpenToAnyone || caller.may(role)
    }

    /// This command, allowed to run for `limit` instead of the daemon's command time limit.
    public func withTimeLimit(_ limit: Duration) -> CommandSpec {
        var command = self
        command.timeLimit = limit
        return command
    }

    /// This command, taking rows in the rows form: `calendar import <<N` then the rows.
    public func takingRows(_ spec: RowsSpec) -> CommandSpec {
        var command = self
        command.rows = spec
        return command
    }

    /// The full command as typed, module first (`grids case report`).
    public var qualifiedName: String {
        ([module].filter { !$0.isEmpty } + path).joined(separator: " ")
    }

    /// The usage line: `grids case report grid=<id> [note=<text>]`.
    public var usage: String {
        var parts = [qualifiedName]
        if let operands, !operands.usage.isEmpty { parts.append(operands.usage) }
        for argument in arguments {
            let part = "\(argument.name)=\(argument.type.placeholder)"
            parts.append(argument.isRequired ? part : "[\(part)]")
        }
        if mutates { parts.append("[request_id=<text>]") }
        if rows != nil { parts.append("<<N") }
        return parts.joined(separator: " ")
    }
}
