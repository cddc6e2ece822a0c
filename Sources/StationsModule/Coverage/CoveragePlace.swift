/// A place whose coverage is measured: a grid's centroid or a cell of the hexagon lattice.
public struct CoveragePlace: Sendable, Equatable {
    /// What the place is.
    public enum Kind: String, Sendable {
        /// A leaf grid 网格 (its centroid).
        case grid
        /// A cell of the generated hexagon lattice (its centre).
        case hexagon
        /// A household 住户 where its position is recorded (the 500-metre red service circle).
        case household
    }

    /// Grid or hexagon.
    public var kind: Kind
    /// The grid's code, the cell's `H<row>-<column>`, or the household file's `#<id>`.
    public var code: String
    /// The grid's name, the household's address; empty for cells.
    public var name: String
    /// The point measured.
    public var point: GeoPoint
    /// Households (grids; 1 for a household; 0 for cells).
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
