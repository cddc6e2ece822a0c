/// The kinds of Party organisation the tree holds, with their Chinese names, and the rule
/// table of which kind may sit directly under which.
///
/// The territorial spine is city 市委 → district 区委 → street 街道党工委 ("大工委") →
/// community 社区党委 ("大党委") → grid branch 网格党支部 → building group 楼栋党小组
/// (Zaozhuang: "街道'大工委'—社区'大党委'—网格党支部—楼栋党小组"). The other kinds are the
/// organisations that practice shows hanging off that spine: regional organisations in
/// office buildings, parks and business districts, industry committees such as the
/// food-delivery committee, resident units' organisations, "two new" organisations, joint
/// organisations and network branches, each with ordinary branches 党支部 below them.
public enum OrganizationKind: String, CaseIterable, Sendable, Comparable {
    /// City Party committee 市委.
    case city
    /// District Party committee 区委.
    case district
    /// Street Party working committee 街道党工委, the "大工委".
    case street
    /// Community Party committee 社区党委, the "大党委".
    case community
    /// Grid Party branch 网格党支部.
    case gridBranch = "grid_branch"
    /// Building Party group 楼栋党小组.
    case buildingGroup = "building_group"
    /// Regional organisation 区域性党组织 in an office building, park or business district
    /// (see ``RegionalSubtype``).
    case regional
    /// Industry Party committee 行业性党组织 (e.g. 外卖送餐行业综合党委).
    case industry
    /// A resident unit's organisation 驻区单位党组织 (government body, state firm, school,
    /// hospital).
    case residentUnit = "resident_unit"
    /// A "two new" organisation 两新组织党组织 (non-public firm or social organisation).
    case twoNew = "two_new"
    /// Joint Party organisation 联合党组织 of several small units.
    case joint
    /// Network Party branch 网络党支部.
    case networkBranch = "network_branch"
    /// An ordinary Party branch 党支部 inside one of the organisations above.
    case branch

    /// The name used in Chinese.
    public var chineseName: String {
        switch self {
        case .city: "市委"
        case .district: "区委"
        case .street: "街道党工委"
        case .community: "社区党委"
        case .gridBranch: "网格党支部"
        case .buildingGroup: "楼栋党小组"
        case .regional: "区域性党组织"
        case .industry: "行业性党组织"
        case .residentUnit: "驻区单位党组织"
        case .twoNew: "两新组织党组织"
        case .joint: "联合党组织"
        case .networkBranch: "网络党支部"
        case .branch: "党支部"
        }
    }

    /// `street (街道党工委)`: how errors and help name a kind.
    public var label: String { "\(rawValue) (\(chineseName))" }

    /// Kinds that may stand at the top of a tree, with no parent.
    public static let roots: Set<OrganizationKind> = [.city, .district]

    /// The rule table: the kinds allowed directly under each kind. Nothing else decides
    /// placement; ``mayContain(_:)`` reads only this.
    public static let allowedChildren: [OrganizationKind: Set<OrganizationKind>] = [
        .city: [.district, .industry, .residentUnit, .twoNew, .joint, .regional, .networkBranch],
        .district: [.street, .industry, .residentUnit, .twoNew, .joint, .regional, .networkBranch],
        .street: [.community, .regional, .industry, .residentUnit, .twoNew, .joint, .networkBranch],
        .community: [.gridBranch, .regional, .twoNew, .joint, .networkBranch, .branch],
        .gridBranch: [.buildingGroup],
        .buildingGroup: [],
        .regional: [.twoNew, .joint, .networkBranch, .branch],
        .industry: [.twoNew, .joint, .networkBranch, .branch],
        .residentUnit: [.branch],
        .twoNew: [.branch],
        .joint: [.branch],
        .networkBranch: [],
        .branch: [],
    ]

    /// Whether a unit of this kind may have a direct child of `child`'s kind.
    public func mayContain(_ child: OrganizationKind) -> Bool {
        Self.allowedChildren[self, default: []].contains(child)
    }

    /// Committees on which part-time members (兼职委员) sit: the street "大工委" and the
    /// community "大党委".
    public var hasPartTimeSeats: Bool { self == .street || self == .community }

    /// Kinds that take part in co-building, double reporting and part-time seats from the
    /// unit side (驻区单位 in the wide sense): organisations outside the territorial spine.
    public var isUnitSide: Bool {
        switch self {
        case .residentUnit, .twoNew, .joint, .regional, .industry: true
        default: false
        }
    }

    /// The order kinds are listed in: the spine first, top down.
    public static func < (lhs: OrganizationKind, rhs: OrganizationKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
