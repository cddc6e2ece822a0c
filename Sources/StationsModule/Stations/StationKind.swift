public import WorkbenchPostgres

/// What kind of station it is.
public enum StationKind: String, Sendable, CaseIterable, PostgresDecodable, PostgresEncodable {
    /// 红色驿站: a station run by a Party organisation for couriers and riders.
    case redStation = "red_station"
    /// 红·暖之家: a "red warm home" (Zaozhuang counts 16 of them).
    case warmHome = "warm_home"
    /// Another kind of rest point.
    case other
    /// 党群服务中心: a Party-mass service centre open to residents (district or street level).
    case serviceCentre = "service_centre"
    /// 党群服务站: a Party-mass service station open to residents (community level).
    case serviceStation = "service_station"

    /// 红色驿站, 红·暖之家, 其他驿站.
    public var chinese: String {
        switch self {
        case .redStation: "红色驿站"
        case .warmHome: "红·暖之家"
        case .other: "其他驿站"
        case .serviceCentre: "党群服务中心"
        case .serviceStation: "党群服务站"
        }
    }

    /// Whom it serves: residents at Party-mass service centres and stations, new employment
    /// workers at the others.
    public var audience: ServiceAudience { self == .serviceCentre || self == .serviceStation ? .residents : .workers }

    /// The kind an argument names: its code or its Chinese name.
    public init?(argument: String) {
        guard let kind = Self.allCases.first(where: { $0.rawValue == argument || $0.chinese == argument }) ?? (argument == "其他" ? .other : nil)
        else { return nil }
        self = kind
    }

    /// The words `kind=` accepts.
    static let argumentWords = allCases.map(\.rawValue) + allCases.map(\.chinese) + ["其他"]
}
