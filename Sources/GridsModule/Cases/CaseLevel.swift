/// The four levels of "吹哨报到" (街道吹哨、部门报到): a case the lower level cannot close goes up to
/// the next, each with its own deadline.
public enum CaseLevel: String, CaseIterable, Sendable, Comparable, CustomStringConvertible {
    /// The residential complex 小区 (property company, building leaders).
    case complex
    /// The community 社区 (residents' committee and community Party committee).
    case community
    /// The street 街道 (the street office "blows the whistle").
    case street
    /// A functional department 职能部门, named on the case.
    case department

    /// Position from the bottom, 0 to 3.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    /// The level above, or nil at the top.
    public var next: CaseLevel? { rank + 1 < Self.allCases.count ? Self.allCases[rank + 1] : nil }

    /// 小区, 社区, 街道, 职能部门.
    public var label: String {
        switch self {
        case .complex: "小区"
        case .community: "社区"
        case .street: "街道"
        case .department: "职能部门"
        }
    }

    /// The raw value (`street`).
    public var description: String { rawValue }

    /// Lower levels first.
    public static func < (lhs: CaseLevel, rhs: CaseLevel) -> Bool { lhs.rank < rhs.rank }
}
