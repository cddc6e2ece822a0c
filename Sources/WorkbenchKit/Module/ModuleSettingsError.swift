/// A `modules.<id>` configuration value a module cannot use; start-up (or the module's
/// initialiser) stops with it, naming the full key and what to write instead.
public struct ModuleSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The module's id.
    public var module: String
    /// The key under `modules.<id>`.
    public var key: String
    /// What is wrong and what to write instead.
    public var problem: String

    /// Creates the error.
    public init(module: String, key: String, problem: String) {
        self.module = module
        self.key = key
        self.problem = problem
    }

    /// `modules.<id>.<key>: <problem>`.
    public var description: String { "modules.\(module).\(key): \(problem)" }
}
