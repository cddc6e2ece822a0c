public import WorkbenchPostgres

/// Whom a station's services are for: the new employment groups 新就业群体 at red stations, or
/// residents at Party-mass service centres 党群服务中心(站). Each has its own catalogue of
/// standard services; `station coverage serving=` counts only the stations serving one.
public enum ServiceAudience: String, CaseIterable, Sendable, PostgresDecodable, PostgresEncodable {
    /// Couriers, riders and other new employment workers.
    case workers
    /// Residents (the 500-metre red service circle).
    case residents

    /// The station kinds that serve this audience.
    public var kinds: [StationKind] { StationKind.allCases.filter { $0.audience == self } }
}
