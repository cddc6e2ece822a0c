/// The datum of coordinates an operator gives.
///
/// Stations are stored in WGS-84, the GPS datum. Chinese web and phone maps (高德 Amap,
/// 腾讯 Tencent) show GCJ-02 coordinates ("火星坐标"), shifted by up to several hundred
/// metres; `crs=gcj02` converts them (``GCJ02``).
public enum CoordinateSystem: String, Sendable, CaseIterable {
    /// WGS-84, as GPS receivers and OpenStreetMap give.
    case wgs84
    /// GCJ-02, as Amap and Tencent maps give inside China.
    case gcj02

    /// The WGS-84 point for coordinates given in this system.
    public func wgs84(_ point: GeoPoint) -> GeoPoint {
        switch self {
        case .wgs84: point
        case .gcj02: GCJ02.wgs84(fromGCJ02: point)
        }
    }
}
