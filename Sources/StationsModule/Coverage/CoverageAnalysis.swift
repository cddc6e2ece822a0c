/// How much of a scope lies within the service circle of an open station: each place with
/// its nearest open station, the share covered, and the gaps worst first.
public struct CoverageAnalysis: Sendable, Equatable {
    /// A place and what serves it.
    public struct MeasuredPlace: Sendable, Equatable {
        /// The place.
        public var place: CoveragePlace
        /// The nearest open station (`code name`), nil when no station is open anywhere.
        public var nearestStation: String?
        /// The straight-line distance to it in metres.
        public var metres: Double?
        /// Whether it lies within the circle.
        public var isCovered: Bool
    }

    /// The circle that counts.
    public var circle: ServiceCircle
    /// Every place measured, in the order given.
    public var places: [MeasuredPlace]
    /// Places of the scope that could not be measured (grids without a centroid).
    public var unlocated: Int

    /// Measures `places` against their nearest open stations (`nearest[i]` for `places[i]`,
    /// nil when no station is open anywhere).
    public init(circle: ServiceCircle, places: [CoveragePlace], nearest: [(station: String, metres: Double)?], unlocated: Int = 0) {
        precondition(places.count == nearest.count, "one nearest station per place")
        self.circle = circle
        self.unlocated = unlocated
        self.places = zip(places, nearest).map { place, nearest in
            MeasuredPlace(
                place: place, nearestStation: nearest?.station, metres: nearest?.metres,
                isCovered: nearest.map { $0.metres <= circle.radius } ?? false
            )
        }
    }

    /// How many places are covered.
    public var coveredCount: Int { places.count(where: \.isCovered) }

    /// The covered share of places, 0…1 (0 when there are none).
    public var share: Double { places.isEmpty ? 0 : Double(coveredCount) / Double(places.count) }

    /// The covered share of households (grids), nil when the places have none.
    public var householdShare: Double? {
        let total = places.reduce(0) { $0 + $1.place.households }
        guard total > 0 else { return nil }
        return Double(places.filter(\.isCovered).reduce(0) { $0 + $1.place.households }) / Double(total)
    }

    /// The uncovered places, worst first: farthest from any open station (none at all first),
    /// then by code.
    public var gaps: [MeasuredPlace] {
        places.filter { !$0.isCovered }.sorted { lhs, rhs in
            let left = lhs.metres ?? .infinity, right = rhs.metres ?? .infinity
            return left != right ? left > right : lhs.place.code < rhs.place.code
        }
    }
}
