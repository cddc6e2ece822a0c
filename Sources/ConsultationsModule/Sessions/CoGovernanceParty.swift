public import WorkbenchPostgres

/// The "六位一体" parties of Fuding's consultation: the community Party
/// organisation leads; the residents' committee, resident units, the owners' committee, the
/// property company and residents take part.
public enum CoGovernanceParty: String, CaseIterable, Sendable, PostgresDecodable, PostgresEncodable {
    /// 社区党组织.
    case communityParty = "community_party"
    /// 居委会.
    case residentsCommittee = "residents_committee"
    /// 辖区单位.
    case residentUnit = "resident_unit"
    /// 业委会.
    case ownersCommittee = "owners_committee"
    /// 物业公司.
    case propertyCompany = "property_company"
    /// 居民.
    case resident

    /// 社区党组织, 居委会, …
    public var chinese: String {
        switch self {
        case .communityParty: "社区党组织"
        case .residentsCommittee: "居委会"
        case .residentUnit: "辖区单位"
        case .ownersCommittee: "业委会"
        case .propertyCompany: "物业公司"
        case .resident: "居民"
        }
    }

    /// The words `party=` accepts: the English names and the Chinese ones.
    public static let argumentWords = allCases.map(\.rawValue) + allCases.map(\.chinese)

    /// The party `party=` names, in English or Chinese.
    public init?(argument: String) {
        guard let party = Self.allCases.first(where: { $0.rawValue == argument || $0.chinese == argument }) else { return nil }
        self = party
    }
}
