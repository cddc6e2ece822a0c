/// The three tiers of grids (Nanjing: 10 level-1, 156 level-2, 1,786 basic grids).
public enum GridLevel: String, CaseIterable, Sendable {
    /// 一级网格: the top tier, under no other grid.
    case level1
    /// 二级网格: under a level-1 grid.
    case level2
    /// 基础网格: the basic grid a grid worker patrols, under a level-2 grid or directly in
    /// its community.
    case basic

    /// 一级网格, 二级网格, 基础网格.
    public var label: String {
        switch self {
        case .level1: "一级网格"
        case .level2: "二级网格"
        case .basic: "基础网格"
        }
    }
}
