public import Configuration
import WorkbenchKit

/// The module's configuration (`modules.governance` in dangjian.yaml). Every key is optional.
///
/// ```yaml
/// modules:
///   governance:
///     default_cadence: quarterly     # or monthly: a new body's cadence when body add gives none
///     breakthroughs: 2               # how many of an organisation's weakest indicators become
///                                    # its breakthrough projects 突破项目 when a year is published
/// ```
///
/// A value that cannot be read stops start-up with a message naming the key
/// (``ModuleSettingsError``).
public struct GovernanceSettings: Sendable, Equatable {
    /// A new body's cadence when `gov body add` gives none (quarterly: one meeting a quarter).
    public var defaultCadence: Cadence
    /// How many of an assessed organisation's weakest indicators (below full marks) become its
    /// breakthrough projects for the next year when the year is published.
    public var breakthroughs: Int

    /// Creates settings.
    public init(defaultCadence: Cadence = .quarterly, breakthroughs: Int = 2) {
        self.defaultCadence = defaultCadence
        self.breakthroughs = breakthroughs
    }

    /// Reads the settings, with defaults for missing keys.
    ///
    /// - Throws: ``ModuleSettingsError`` naming the key whose value cannot be used.
    public init(config: ConfigReader) throws {
        var settings = GovernanceSettings()
        if let text = config.string(forKey: "default_cadence") {
            guard let cadence = Cadence(rawValue: text) else {
                throw ModuleSettingsError(module: "governance", key: "default_cadence", problem: "give quarterly or monthly, not '\(text)'")
            }
            settings.defaultCadence = cadence
        }
        if let count = config.int(forKey: "breakthroughs") {
            guard (1...5).contains(count) else {
                throw ModuleSettingsError(module: "governance", key: "breakthroughs", problem: "give 1 to 5, not \(count)")
            }
            settings.breakthroughs = count
        }
        self = settings
    }
}
