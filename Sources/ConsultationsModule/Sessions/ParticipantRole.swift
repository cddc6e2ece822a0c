public import WorkbenchPostgres

/// The sides of the "好商量" platform (Zaozhuang: 问题召集方 + 利益相关方 + 协调处置方), and
/// observers 旁听 (Shenzhen's open meetings).
public enum ParticipantRole: String, CaseIterable, Sendable, PostgresDecodable, PostgresEncodable {
    /// 问题召集方: who convenes the matter.
    case convener
    /// 利益相关方: who is affected.
    case stakeholder
    /// 协调处置方: who coordinates and handles it.
    case coordinator
    /// 旁听: attends without a side.
    case observer

    /// 问题召集方, …
    public var chinese: String {
        switch self {
        case .convener: "问题召集方"
        case .stakeholder: "利益相关方"
        case .coordinator: "协调处置方"
        case .observer: "旁听"
        }
    }

    /// The three sides a session needs present before it closes.
    public static let sides: [ParticipantRole] = [.convener, .stakeholder, .coordinator]

    /// The words `role=` accepts: the English names and the Chinese ones.
    public static let argumentWords = allCases.map(\.rawValue) + allCases.map(\.chinese)

    /// The role `role=` names, in English or Chinese.
    public init?(argument: String) {
        guard let role = Self.allCases.first(where: { $0.rawValue == argument || $0.chinese == argument }) else { return nil }
        self = role
    }
}
