/// A place whose coverage is measured: a grid's centroid or a cell of the hexagon lattice.
public struct CoveragePlace: Sendable, Equatable {
    /// What the place is.
    public enum Kind: String, Sendable {
        /// A leaf grid 网格 (its centroid).
        case grid
        /// A cell of the generated hexagon lattice (its centre).
        case hexagon
    }

    /// Grid or hexagon.
    public var kind: Kind
    /// The grid's code, or the cell's `H<row>-<column>`.
    public var code: String
    /// The grid's name; empty for cells.
    public var name: String
    /// The point measured.
    public var point: GeoPoint
    /// Households (grids; 0 for cells).
    public var households: Int
    /// The outline to draw on the map: a grid's boundary or the cell's hexagon; empty when
    /// the grid has none.
    public var outline: [GeoPoint]

    /// Creates a place.
    public init(kind: Kind, code: String, name: String = "", point: GeoPoint, households: Int = 0, outline: [GeoPoint] = []) {
        self.kind = kind
        self.code = code
        self.name = name
        self.point = point
        self.households = households
        self.outline = outline
    }
}
