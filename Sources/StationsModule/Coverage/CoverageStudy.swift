public import OrganizationsModule

/// A coverage analysis of one scope, with what it was measured over: what `station coverage`
/// reports and `station map` draws.
public struct CoverageStudy: Sendable {
    /// The organisation whose area was measured.
    public var scope: OrganizationDirectory.Organization
    /// The figures.
    public var analysis: CoverageAnalysis
    /// The box of the places measured (grid centroids and boundaries, or the lattice's box).
    public var box: GeoBox
    /// Grids, hexagons or households.
    public var kind: CoveragePlace.Kind
    /// Which stations count (`serving=`): nil for every open station.
    public var serving: ServiceAudience? = nil

    /// `grids`, `hexagon cells` or `households`.
    public var placeNoun: String {
        switch kind {
        case .grid: "grids"
        case .hexagon: "hexagon cells"
        case .household: "households"
        }
    }

    /// `station`, or `Party-mass service centre` when only those count.
    public var stationNoun: String {
        switch serving {
        case .residents: "Party-mass service centre"
        case .workers: "workers' station"
        case nil: "station"
        }
    }

    /// `coverage 81.3 %: 13 of 16 grids within 15 min walk (1000 m) of an open station, 3 uncovered`
    /// with the household share and unlocated grids when there are any.
    public var summary: String {
        var text =
            "coverage \(Self.percent(analysis.share)): \(analysis.coveredCount) of \(analysis.places.count) \(placeNoun) within "
            + "\(analysis.circle.description) of an open \(stationNoun), \(analysis.places.count - analysis.coveredCount) uncovered"
        if kind == .grid, let households = analysis.householdShare { text += "; households covered \(Self.percent(households))" }
        if analysis.unlocated > 0 {
            text +=
                kind == .household
                ? "; \(analysis.unlocated) households without a position not counted" : "; \(analysis.unlocated) grids without a centroid not counted"
        }
        return text
    }

    /// `81.3 %`.
    static func percent(_ share: Double) -> String { String(format: "%.1f %%", share * 100) }
}
