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
    /// Grids or hexagons.
    public var kind: CoveragePlace.Kind

    /// `grids` or `hexagon cells`.
    public var placeNoun: String { kind == .grid ? "grids" : "hexagon cells" }

    /// `coverage 81.3 %: 13 of 16 grids within 15 min walk (1000 m) of an open station, 3 uncovered`
    /// with the household share and unlocated grids when there are any.
    public var summary: String {
        var text =
            "coverage \(Self.percent(analysis.share)): \(analysis.coveredCount) of \(analysis.places.count) \(placeNoun) within "
            + "\(analysis.circle.description) of an open station, \(analysis.places.count - analysis.coveredCount) uncovered"
        if let households = analysis.householdShare { text += "; households covered \(Self.percent(households))" }
        if analysis.unlocated > 0 { text += "; \(analysis.unlocated) grids without a centroid not counted" }
        return text
    }

    /// `81.3 %`.
    static func percent(_ share: Double) -> String { String(format: "%.1f %%", share * 100) }
}
