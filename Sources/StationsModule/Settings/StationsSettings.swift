public import Configuration
import WorkbenchKit

/// The module's configuration (`modules.stations` in dangjian.yaml). Every key is optional.
///
/// ```yaml
/// modules:
///   stations:
///     platforms: [美团, 饿了么, 顺丰, 京东, 闪送, 达达, 其他]
///     speeds: { walk_kmh: 5, ebike_kmh: 15, detour_factor: 1.25 }
///     lattice_cell_metres: 250
/// ```
///
/// A value that cannot be read stops start-up with a message naming the key
/// (``ModuleSettingsError``).
public struct StationsSettings: Sendable, Equatable {
    /// The platforms a visiting worker may work for (as visits record them).
    public var platforms: [String]
    /// Travel speeds and the detour factor that turn distances into minutes.
    public var speeds: TravelSpeeds
    /// The default distance between the centres of neighbouring cells of the hexagon
    /// lattice `station coverage of=hexagons` lays over a scope, in metres.
    public var latticeCellMetres: Double

    /// The platforms of Zaozhuang's riders and couriers, and "other".
    public static let defaultPlatforms = ["美团", "饿了么", "顺丰", "京东", "闪送", "达达", "其他"]

    /// Creates settings.
    public init(platforms: [String] = defaultPlatforms, speeds: TravelSpeeds = TravelSpeeds(), latticeCellMetres: Double = 250) {
        self.platforms = platforms
        self.speeds = speeds
        self.latticeCellMetres = latticeCellMetres
    }

    /// Reads the settings, with defaults for missing keys.
    ///
    /// - Throws: ``ModuleSettingsError`` naming the key whose value cannot be used.
    public init(config: ConfigReader) throws {
        var settings = StationsSettings()
        if let platforms = config.wordList(forKey: "platforms") {
            guard platforms.allSatisfy({ (1...20).contains($0.count) && !$0.contains(where: \.isWhitespace) }) else {
                throw ModuleSettingsError(module: "stations", key: "platforms", problem: "give platform names of 1 to 20 characters without blanks")
            }
            guard Set(platforms).count == platforms.count else {
                throw ModuleSettingsError(module: "stations", key: "platforms", problem: "a platform is listed twice")
            }
            settings.platforms = platforms
        }
        func number(_ key: String, in range: ClosedRange<Double>, _ meaning: String) throws -> Double? {
            guard let value = config.double(forKey: ConfigKey(key)) else { return nil }
            guard value.isFinite, range.contains(value) else {
                throw ModuleSettingsError(
                    module: "stations", key: key, problem: "\(value) is not \(meaning) from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        settings.speeds.walkKilometresPerHour =
            try number("speeds.walk_kmh", in: 1...10, "a walking speed in km/h") ?? settings.speeds.walkKilometresPerHour
        settings.speeds.ebikeKilometresPerHour =
            try number("speeds.ebike_kmh", in: 5...25, "an e-bike speed in km/h (GB 17761 caps e-bikes at 25)")
            ?? settings.speeds.ebikeKilometresPerHour
        settings.speeds.detourFactor =
            try number("speeds.detour_factor", in: 1...3, "a detour factor (route ÷ straight line)")
            ?? settings.speeds.detourFactor
        settings.latticeCellMetres = try number("lattice_cell_metres", in: 50...5000, "a cell size in metres") ?? settings.latticeCellMetres
        self = settings
    }
}
