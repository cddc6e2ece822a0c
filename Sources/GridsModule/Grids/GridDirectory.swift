public import WorkbenchKit
public import WorkbenchPostgres

/// What other modules may know about grids: a grid found by the id or code an operator
/// gives, as a small public snapshot, with this module's own 404. The property module files
/// complexes 小区 under a grid with it when the grids module is loaded; the stations module
/// measures coverage over the leaf grids of a scope (``leafGrids(under:in:)``); the
/// consultations module links a topic found in a grid (网格发现) to its case
/// (``gridCase(_:argument:in:)``).
public enum GridDirectory {
    /// A grid as other modules see it.
    public struct Grid: Sendable, Equatable {
        /// The grid's id.
        public var id: Int64
        /// Its code (`WG0101`).
        public var code: String
        /// Its name.
        public var name: String
        /// `level1`, `level2` or `basic`.
        public var level: String
        /// The community 社区 it belongs to.
        public var communityID: Int64
        /// The community's code.
        public var communityCode: String

        /// `WG0101 新华一网格`.
        public var label: String { "\(code) \(name)" }
    }

    /// A grid case (网格事件) as other modules see it.
    public struct GridCase: Sendable, Equatable {
        /// The case's id.
        public var id: Int64
        /// Its code (`GC-2026-000001`).
        public var code: String
        /// The grid it was reported in.
        public var gridCode: String
        /// The grid's community 社区.
        public var communityID: Int64
        /// Its category (乱停车…).
        public var category: String
        /// What was reported.
        public var description: String
        /// `reported`, `accepted`, `in_progress`, `resolved`, `closed` or `cancelled`.
        public var status: String

        /// `GC-2026-000001 乱停车 (WG0101)`.
        public var label: String { "\(code) \(category) (\(gridCode))" }
    }

    /// The case named by `reference` (an id or a `GC-…` code), or a 404 naming `argument`.
    public static func gridCase(_ reference: String, argument: String, in session: PostgresSession) async throws -> GridCase {
        let found = try await CaseWorkflow.find(RecordReference(reference), argument: argument, in: session)
        return GridCase(
            id: found.id, code: found.code, gridCode: found.gridCode, communityID: found.communityID, category: found.category,
            description: found.description, status: found.status.rawValue
        )
    }

    /// A grid with its place on the map: the centroid and boundary `grid add` recorded.
    public struct LocatedGrid: Sendable {
        /// The grid's id.
        public var id: Int64
        /// Its code.
        public var code: String
        /// Its name.
        public var name: String
        /// Households in the grid.
        public var households: Int
        /// The centroid's WGS-84 latitude and longitude, when recorded.
        public var centroid: (latitude: Double, longitude: Double)?
        /// The boundary's corners as (longitude, latitude), empty when none was recorded.
        public var boundary: [(longitude: Double, latitude: Double)]
    }

    /// The grids without sub-grids in the communities under the organisation path `scope`
    /// (an ltree of unit ids), by id: the finest division of the scope's area.
    public static func leafGrids(under scope: String, in session: PostgresSession) async throws -> [LocatedGrid] {
        try await session.query(GridStore.Queries.leafGrids, [scope]).map { row in
            let latitude: Double? = try row.decode("latitude")
            let longitude: Double? = try row.decode("longitude")
            let boundary: String? = try row.decode("boundary")
            return LocatedGrid(
                id: try row.decode("id"), code: try row.decode("code"), name: try row.decode("name"), households: try row.decode("households"),
                centroid: latitude.flatMap { latitude in longitude.map { (latitude, $0) } },
                boundary: boundary.flatMap(GridBoundary.init(postgres:))?.corners ?? []
            )
        }
    }

    /// A household with its position, for service-circle coverage.
    public struct LocatedHousehold: Sendable {
        /// The household file's id.
        public var id: Int64
        /// Its grid's code.
        public var gridCode: String
        /// Its address.
        public var address: String
        /// People in it.
        public var size: Int
        /// WGS-84 degrees.
        public var latitude: Double
        /// WGS-84 degrees.
        public var longitude: Double
    }

    /// The households in grids of communities under `scope` (a path) whose position is
    /// recorded, by id, and how many have none.
    public static func locatedHouseholds(
        under scope: String, in session: PostgresSession
    ) async throws -> (located: [LocatedHousehold], unlocated: Int) {
        let rows = try await session.query(GridStore.Queries.householdPositions, [scope])
        var located: [LocatedHousehold] = []
        var unlocated = 0
        for row in rows {
            guard let latitude = try row.decode("latitude", as: Double?.self), let longitude = try row.decode("longitude", as: Double?.self) else {
                unlocated += 1
                continue
            }
            located.append(
                LocatedHousehold(
                    id: try row.decode("id"), gridCode: try row.decode("code"), address: try row.decode("address"), size: try row.decode("size"),
                    latitude: latitude, longitude: longitude))
        }
        return (located, unlocated)
    }

    /// The argument spec for a grid named by id or code.
    public static func gridArgument(_ name: String, required: Bool = true, help: String) -> ArgumentSpec {
        GridsModule.gridArgument(name, required: required, help: help)
    }

    /// The grid named by `reference` (an id or a code), locked against changes until the
    /// transaction ends, or a 404 naming `argument`.
    public static func grid(_ reference: String, argument: String, in session: PostgresSession) async throws -> Grid {
        let grid = try await GridStore.find(GridReference(reference), argument: argument, lock: .share, in: session)
        return Grid(
            id: grid.id, code: grid.code, name: grid.name, level: grid.level.rawValue, communityID: grid.communityID,
            communityCode: grid.communityCode
        )
    }
}
