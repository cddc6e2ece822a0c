/// A `modules.consultations` configuration value the module cannot use; start-up stops with it.
public struct ConsultationsSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The key under `modules.consultations` (`volunteer_points.per_hour`).
    public var key: String
    /// What is wrong with its value.
    public var problem: String

    /// The message start-up prints.
    public var description: String { "modules.consultations.\(key): \(problem)" }
}
