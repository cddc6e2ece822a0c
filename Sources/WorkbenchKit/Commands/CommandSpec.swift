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
public struct CommandSpec: Sendable {
    /// What the command does when the arguments are valid.
    public typealias Handler = @Sendable (Invocation) async throws -> Reply

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
    /// The handler.
    public var run: Handler

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
        self.run = run
    }

    /// The full command as typed, module first (`grids case report`).
    public var qualifiedName: String {
        ([module].filter { !$0.isEmpty } + path).joined(separator: " ")
    }

    /// The usage line: `grids case report grid=<id> [note=<text>]`.
    public var usage: String {
        var parts = [qualifiedName]
        for argument in arguments {
            let part = "\(argument.name)=\(argument.type.placeholder)"
            parts.append(argument.isRequired ? part : "[\(part)]")
        }
        if mutates { parts.append("[request_id=<text>]") }
        return parts.joined(separator: " ")
    }
}
