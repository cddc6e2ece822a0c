/// How many rows of each kind a scale asks for.
///
/// Scale 1 is the district of the benchmark issue: one district, 20 streets, 300 communities,
/// 6,000 grids each led by its grid Party branch, 50,000 organisations, 500,000 members and
/// 1,000,000 grid cases. Scale N multiplies every count (N districts at N ≥ 1); a scale below 1
/// shrinks one district, which the tests use.
struct DatasetShape: Codable, Equatable, Sendable {
    var scale: Double
    var districts: Int
    var streets: Int
    var communities: Int
    var grids: Int
    /// Every organisation: city, districts, streets, communities, grid branches, building
    /// groups, resident units and their branches, "two new" organisations.
    var organisations: Int
    var members: Int
    var cases: Int

    /// Resident units (驻区单位) per street, each with one Party branch of its own.
    static let residentUnitsPerStreet = 50
    /// "Two new" organisations (两新组织) per community.
    static let twoNewPerCommunity = 2

    init(scale: Double) {
        precondition(scale > 0, "the scale must be positive")
        func count(_ base: Double, atLeast minimum: Int) -> Int { max(minimum, Int((base * scale).rounded())) }
        self.scale = scale
        districts = max(1, Int(scale.rounded(.down)))
        streets = count(20, atLeast: districts)
        communities = count(300, atLeast: streets)
        grids = count(6_000, atLeast: communities)
        let spine = 1 + districts + streets + communities + grids
        let sideUnits = streets * Self.residentUnitsPerStreet * 2 + communities * Self.twoNewPerCommunity
        // The rest are building groups (楼栋党小组), at least one per grid branch.
        organisations = max(spine + sideUnits + grids, count(50_000, atLeast: 0))
        members = count(500_000, atLeast: 10)
        cases = count(1_000_000, atLeast: 10)
    }

    /// Building groups: what is left of the organisations after the spine and the side units.
    var buildingGroups: Int {
        organisations - (1 + districts + streets + communities + grids)
            - streets * Self.residentUnitsPerStreet * 2 - communities * Self.twoNewPerCommunity
    }
}
