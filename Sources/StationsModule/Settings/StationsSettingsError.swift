/// A `modules.stations` configuration value the module cannot use; start-up stops with it.
public struct StationsSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The key under `modules.stations` (`speeds.walk_kmh`).
    public var key: String
    /// What is wrong with its value.
    public var problem: String

    /// The message start-up prints.
    public var description: String { "modules.stations.\(key): \(problem)" }
}
