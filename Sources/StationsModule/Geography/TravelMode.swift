/// How a courier or rider gets to a station: on foot or by e-bike 电动自行车.
public enum TravelMode: String, Sendable, CaseIterable {
    /// On foot 步行.
    case walk
    /// By e-bike 电动车.
    case ebike

    /// 步行 / 电动车.
    public var chinese: String {
        switch self {
        case .walk: "步行"
        case .ebike: "电动车"
        }
    }
}
