public import WorkbenchPostgres

/// Where a topic came from (as Zaozhuang and Shenzhen list the sources).
public enum TopicSource: String, CaseIterable, Sendable, PostgresDecodable, PostgresEncodable {
    /// 群众提: raised by residents.
    case resident
    /// 上级点: assigned from above.
    case assigned
    /// 网格发现: found in a grid, linked to the grid case when the grids module is loaded.
    case grid
    /// 人民建议: a people's suggestion (Shenzhen's 人民建议征集).
    case suggestion

    /// 群众提, 上级点, 网格发现, 人民建议.
    public var chinese: String {
        switch self {
        case .resident: "群众提"
        case .assigned: "上级点"
        case .grid: "网格发现"
        case .suggestion: "人民建议"
        }
    }

    /// The words `source=` accepts: the English names and the Chinese ones.
    public static let argumentWords = allCases.map(\.rawValue) + allCases.map(\.chinese)

    /// The source `source=` names, in English or Chinese.
    public init?(argument: String) {
        guard let source = Self.allCases.first(where: { $0.rawValue == argument || $0.chinese == argument }) else { return nil }
        self = source
    }
}
