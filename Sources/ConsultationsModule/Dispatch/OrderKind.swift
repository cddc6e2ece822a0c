public import WorkbenchPostgres

/// What a resident orders: a volunteer service, or a micro-wish 微心愿 (Yubei, Chongqing: a small wish
/// a Party member fulfils).
public enum OrderKind: String, CaseIterable, Sendable, PostgresDecodable, PostgresEncodable {
    /// 志愿服务: a service of the "6+N" items.
    case service
    /// 微心愿: a micro-wish.
    case wish

    /// 志愿服务 or 微心愿.
    public var chinese: String { self == .service ? "志愿服务" : "微心愿" }
}
