/// A `modules.grids` configuration value the module cannot use; start-up stops with it.
public struct GridsSettingsError: Error, CustomStringConvertible {
    /// The key under `modules.grids`.
    public var key: String
    /// What is wrong and what to write instead.
    public var problem: String

    /// `modules.grids.<key>: <problem>`.
    public var description: String { "modules.grids.\(key): \(problem)" }
}
