/// A `modules.property` configuration value the module cannot use; start-up stops with it.
public struct PropertySettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The key under `modules.property` (`complaint_deadlines.major`).
    public var key: String
    /// What is wrong with its value.
    public var problem: String

    /// The message start-up prints.
    public var description: String { "modules.property.\(key): \(problem)" }
}
