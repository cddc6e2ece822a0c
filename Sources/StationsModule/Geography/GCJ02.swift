import Foundation

/// The GCJ-02 datum 国测局坐标 used by maps published in mainland China.
///
/// GCJ-02 is WGS-84 shifted by a published-by-reverse-engineering polynomial on the
/// Krasovsky ellipsoid; outside China the two are the same. The forward shift is exact; the
/// inverse is found by fixed-point iteration to within 10⁻⁹° (about 0.1 mm).
public enum GCJ02 {
    private static let semiMajorAxis = 6_378_245.0
    private static let eccentricitySquared = 0.006_693_421_622_965_943_23

    /// Whether the shift applies: points outside China's rough bounding box are unshifted.
    public static func isShifted(_ point: GeoPoint) -> Bool {
        (72.004...137.8347).contains(point.longitude) && (0.8293...55.8271).contains(point.latitude)
    }

    /// The GCJ-02 coordinates of a WGS-84 point.
    public static func gcj02(fromWGS84 point: GeoPoint) -> GeoPoint {
        guard isShifted(point) else { return point }
        let offset = shift(point)
        return GeoPoint(latitude: point.latitude + offset.latitude, longitude: point.longitude + offset.longitude)
    }

    /// The WGS-84 point whose GCJ-02 coordinates are `point`.
    public static func wgs84(fromGCJ02 point: GeoPoint) -> GeoPoint {
        guard isShifted(point) else { return point }
        var guess = point
        for _ in 0..<30 {
            let shifted = gcj02(fromWGS84: guess)
            let errorLatitude = shifted.latitude - point.latitude, errorLongitude = shifted.longitude - point.longitude
            guess.latitude -= errorLatitude
            guess.longitude -= errorLongitude
            if abs(errorLatitude) < 1e-10, abs(errorLongitude) < 1e-10 { break }
        }
        return guess
    }

    private static func shift(_ point: GeoPoint) -> (latitude: Double, longitude: Double) {
        let x = point.longitude - 105, y = point.latitude - 35
        let ripple = (20 * sin(6 * x * .pi) + 20 * sin(2 * x * .pi)) * 2 / 3
        var latitude = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * abs(x).squareRoot() + ripple
        latitude += (20 * sin(y * .pi) + 40 * sin(y / 3 * .pi)) * 2 / 3
        latitude += (160 * sin(y / 12 * .pi) + 320 * sin(y * .pi / 30)) * 2 / 3
        var longitude = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * abs(x).squareRoot() + ripple
        longitude += (20 * sin(x * .pi) + 40 * sin(x / 3 * .pi)) * 2 / 3
        longitude += (150 * sin(x / 12 * .pi) + 300 * sin(x / 30 * .pi)) * 2 / 3
        let radians = point.latitude / 180 * .pi
        let magic = 1 - eccentricitySquared * sin(radians) * sin(radians)
        let root = magic.squareRoot()
        return (
            latitude * 180 / ((semiMajorAxis * (1 - eccentricitySquared)) / (magic * root) * .pi),
            longitude * 180 / (semiMajorAxis / root * cos(radians) * .pi)
        )
    }
}
