import Foundation

/// A lattice of hexagonal cells laid over a box, for coverage where no grids are known: each
/// cell stands for the area around its centre.
///
/// Centres are `spacing` metres apart along rows; rows are `spacing × √3/2` apart and every
/// other row is shifted by half a spacing, so each cell is a pointy-topped regular hexagon of
/// equal area. Positions use a local flat projection around the box's middle latitude, exact
/// enough for a district.
public struct HexLattice: Sendable, Equatable {
    /// The most cells a lattice may have; a finer lattice is refused (``cellCount``).
    public static let maximumCells = 20_000

    /// The box covered.
    public var box: GeoBox
    /// Distance between neighbouring centres in metres.
    public var spacing: Double

    /// Creates a lattice over `box`.
    public init(box: GeoBox, spacing: Double) {
        self.box = box
        self.spacing = spacing
    }

    private var rowStep: Double { spacing * 3.0.squareRoot() / 2 }
    private var rows: Int { Int((box.heightMetres / rowStep).rounded(.down)) + 1 }
    private var columns: Int { Int((box.widthMetres / spacing).rounded(.down)) + 1 }

    /// How many cells the lattice has.
    public var cellCount: Int { rows * columns }

    /// The smallest spacing in whole tens of metres, not below this one, that keeps the box
    /// within ``maximumCells``.
    public var smallestAllowedSpacing: Double {
        var spacing = (self.spacing / 10).rounded(.up) * 10
        while HexLattice(box: box, spacing: spacing).cellCount > Self.maximumCells { spacing += 10 }
        return spacing
    }

    /// Every cell, row by row from the south-west, as places named `H<row>-<column>`.
    public var cells: [CoveragePlace] {
        let perLatitude = GeoBox.metresPerDegree, perLongitude = box.metresPerDegreeOfLongitude
        // Centre the lattice in the box.
        let xOffset = (box.widthMetres - Double(columns - 1) * spacing) / 2
        let yOffset = (box.heightMetres - Double(rows - 1) * rowStep) / 2
        let circumradius = spacing / 3.0.squareRoot()
        var cells: [CoveragePlace] = []
        cells.reserveCapacity(cellCount)
        for row in 0..<rows {
            for column in 0..<columns {
                let x = xOffset + Double(column) * spacing + (row.isMultiple(of: 2) ? 0 : spacing / 2)
                let y = yOffset + Double(row) * rowStep
                func point(_ x: Double, _ y: Double) -> GeoPoint {
                    GeoPoint(latitude: box.south + y / perLatitude, longitude: box.west + x / perLongitude)
                }
                let outline = (0..<6).map { corner in
                    let angle = Double(60 * corner + 30) * .pi / 180
                    return point(x + circumradius * cos(angle), y + circumradius * sin(angle))
                }
                cells.append(
                    CoveragePlace(kind: .hexagon, code: String(format: "H%02d-%02d", row, column), point: point(x, y), outline: outline)
                )
            }
        }
        return cells
    }
}
