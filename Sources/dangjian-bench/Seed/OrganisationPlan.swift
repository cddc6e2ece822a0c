/// The generated organisation tree and grids, held in memory (50,000 units and 6,000 grids at
/// scale 1) so members and cases can point into them.
///
/// Ids are assigned here, from the first free id of each table, so parents are known before
/// the rows reach the database. Units come in depth order (``levels``): each level is one COPY,
/// and the path trigger of `organizations.units` finds every parent in an earlier one.
struct OrganisationPlan: Sendable {
    /// One organisation row.
    struct Unit: Sendable {
        var id: Int64
        var code: String
        var name: String
        var kind: String
        var parentID: Int64?
        var secretary: String?
    }

    /// One grid row: a basic grid in its community, led by its grid Party branch.
    struct Grid: Sendable {
        var id: Int64
        var code: String
        var name: String
        var communityID: Int64
        var branchID: Int64
        var latitude: Double
        var longitude: Double
        var households: Int
    }

    /// The city's code: its presence means a dataset is loaded.
    static let cityCode = "BENCH"

    /// Units by depth: city, districts, streets, communities and resident units, then grid
    /// branches, "two new" organisations and resident-unit branches, then building groups.
    private(set) var levels: [[Unit]] = []
    private(set) var grids: [Grid] = []
    /// Where members sit: building groups with the community each belongs to.
    private(set) var buildingGroups: [(id: Int64, communityID: Int64)] = []
    /// Grid branches and the Party branches of resident units, which also have members.
    private(set) var gridBranchIDs: [Int64] = []
    private(set) var unitBranchIDs: [Int64] = []
    private(set) var communityIDs: [Int64] = []

    var unitCount: Int { levels.reduce(0) { $0 + $1.count } }

    init(shape: DatasetShape, seed: UInt64, firstUnitID: Int64, firstGridID: Int64) {
        var random = SeedRandom(seed: seed, stream: "organisations")
        var nextUnitID = firstUnitID
        var nextGridID = firstGridID
        func unit(_ code: String, _ name: String, _ kind: String, parent: Int64?, level: Int) -> Int64 {
            defer { nextUnitID += 1 }
            while levels.count <= level { levels.append([]) }
            let secretary = kind == "building_group" ? nil : ChineseNames.person(&random)
            levels[level].append(Unit(id: nextUnitID, code: code, name: name, kind: kind, parentID: parent, secretary: secretary))
            return nextUnitID
        }
        let city = unit(Self.cityCode, "基准测试市委", "city", parent: nil, level: 0)
        let streetsPerDistrict = Self.split(shape.streets, into: shape.districts)
        let communitiesPerStreet = Self.split(shape.communities, into: shape.streets)
        let gridsPerCommunity = Self.split(shape.grids, into: shape.communities)
        let groupsPerGridBranch = Self.split(shape.buildingGroups, into: shape.grids)
        var streetIndex = 0
        var communityIndex = 0
        var gridIndex = 0
        var gridBranches: [(id: Int64, code: String, communityID: Int64)] = []
        for districtNumber in 1...shape.districts {
            let districtCode = "\(Self.cityCode)-D\(districtNumber)"
            let district = unit(districtCode, "第\(districtNumber)区委", "district", parent: city, level: 1)
            let districtLatitude = 34.86 + Double(districtNumber - 1) * 0.25
            let districtLongitude = 117.55
            for streetNumber in 1...streetsPerDistrict[districtNumber - 1] {
                let streetCode = districtCode + "-S" + Self.twoDigits(streetNumber)
                let street = unit(streetCode, ChineseNames.place(streetIndex) + "街道党工委", "street", parent: district, level: 2)
                for residentNumber in 1...DatasetShape.residentUnitsPerStreet {
                    let name = ChineseNames.place(streetIndex + residentNumber) + random.pick(ChineseNames.residentUnitKinds) + "党委"
                    let resident = unit(streetCode + "-R" + Self.twoDigits(residentNumber), name, "resident_unit", parent: street, level: 3)
                    unitBranchIDs.append(
                        unit(streetCode + "-R" + Self.twoDigits(residentNumber) + "-P", "机关党支部", "branch", parent: resident, level: 4)
                    )
                }
                for communityNumber in 1...communitiesPerStreet[streetIndex] {
                    let communityCode = streetCode + "-C" + Self.twoDigits(communityNumber)
                    let community = unit(communityCode, ChineseNames.place(communityIndex * 3 + 1) + "社区党委", "community", parent: street, level: 3)
                    communityIDs.append(community)
                    for twoNewNumber in 1...DatasetShape.twoNewPerCommunity {
                        _ = unit(
                            communityCode + "-N\(twoNewNumber)", ChineseNames.place(communityIndex + twoNewNumber) + "商贸公司党支部", "two_new",
                            parent: community, level: 4)
                    }
                    // Communities sit on a lattice about 1.3 km apart around the district's centre.
                    let side = 18
                    let row = communityIndex % (side * side) / side
                    let column = communityIndex % side
                    let communityLatitude = districtLatitude + Double(row - side / 2) * 0.012
                    let communityLongitude = districtLongitude + Double(column - side / 2) * 0.014
                    for gridNumber in 1...gridsPerCommunity[communityIndex] {
                        let code = communityCode + "-G" + Self.twoDigits(gridNumber)
                        let branch = unit(code, "第\(gridNumber)网格党支部", "grid_branch", parent: community, level: 4)
                        gridBranches.append((branch, code, community))
                        gridBranchIDs.append(branch)
                        grids.append(
                            Grid(
                                id: nextGridID, code: code, name: "第\(gridNumber)网格", communityID: community, branchID: branch,
                                latitude: communityLatitude + (random.unit() - 0.5) * 0.01,
                                longitude: communityLongitude + (random.unit() - 0.5) * 0.012,
                                households: random.within(80...400)
                            )
                        )
                        nextGridID += 1
                        gridIndex += 1
                    }
                    communityIndex += 1
                }
                streetIndex += 1
            }
        }
        for (index, branch) in gridBranches.enumerated() where groupsPerGridBranch[index] > 0 {
            for groupNumber in 1...groupsPerGridBranch[index] {
                let id = unit(branch.code + "-B\(groupNumber)", "\(groupNumber)号楼党小组", "building_group", parent: branch.id, level: 5)
                buildingGroups.append((id, branch.communityID))
            }
        }
    }

    /// `total` split into `parts` counts that differ by at most one.
    static func split(_ total: Int, into parts: Int) -> [Int] {
        (0..<parts).map { total / parts + ($0 < total % parts ? 1 : 0) }
    }

    private static func twoDigits(_ number: Int) -> String {
        number < 10 ? "0\(number)" : "\(number)"
    }
}
