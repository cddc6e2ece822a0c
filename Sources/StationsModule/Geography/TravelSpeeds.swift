/// How straight-line distance becomes travel time.
///
/// Minutes = metres × detour factor ÷ speed: streets are not straight lines, and the detour
/// factor is the usual ratio of the route to the straight line. With the defaults (5 km/h on
/// foot, 15 km/h by e-bike, detour 1.25), 15 minutes on foot reach 1,000 m in a straight
/// line: the radius GB 50180-2018 gives the "15-minute life circle" 15分钟生活圈.
public struct TravelSpeeds: Sendable, Equatable {
    /// Walking speed in km/h.
    public var walkKilometresPerHour: Double
    /// E-bike speed in km/h, stops included.
    public var ebikeKilometresPerHour: Double
    /// Route length ÷ straight-line distance, at least 1.
    public var detourFactor: Double

    /// Creates speeds.
    public init(walkKilometresPerHour: Double = 5, ebikeKilometresPerHour: Double = 15, detourFactor: Double = 1.25) {
        self.walkKilometresPerHour = walkKilometresPerHour
        self.ebikeKilometresPerHour = ebikeKilometresPerHour
        self.detourFactor = detourFactor
    }

    /// The speed of `mode` in metres per minute.
    public func metresPerMinute(_ mode: TravelMode) -> Double {
        (mode == .walk ? walkKilometresPerHour : ebikeKilometresPerHour) * 1000 / 60
    }

    /// Minutes to cover a straight-line distance.
    public func minutes(forMetres metres: Double, by mode: TravelMode) -> Double {
        metres * detourFactor / metresPerMinute(mode)
    }

    /// The straight-line radius reached in `minutes`.
    public func metres(inMinutes minutes: Double, by mode: TravelMode) -> Double {
        minutes * metresPerMinute(mode) / detourFactor
    }
}
