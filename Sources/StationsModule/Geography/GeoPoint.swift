import Foundation
import WorkbenchKit

/// A place on the earth: WGS-84 latitude and longitude in degrees.
public struct GeoPoint: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The radius of the sphere the database's earthdistance functions use, in metres, so
    /// that distances computed here and in SQL agree.
    public static let earthRadius = 6_378_168.0

    /// Degrees north (negative: south), −90…90.
    public var latitude: Double
    /// Degrees east (negative: west), −180…180.
    public var longitude: Double

    /// Creates a point.
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// The great-circle distance to `other` in metres.
    public func metres(to other: GeoPoint) -> Double {
        let φ1 = latitude * .pi / 180, φ2 = other.latitude * .pi / 180
        let Δφ = φ2 - φ1, Δλ = (other.longitude - longitude) * .pi / 180
        let h = sin(Δφ / 2) * sin(Δφ / 2) + cos(φ1) * cos(φ2) * sin(Δλ / 2) * sin(Δλ / 2)
        return 2 * Self.earthRadius * asin(min(1, h.squareRoot()))
    }

    /// Degrees as a reply value with six decimals (about 0.1 m).
    static func degrees(_ value: Double) -> ReplyValue { .decimal(String(format: "%.6f", value)) }

    /// `34.864120,117.556610` (six decimals, about 0.1 m).
    public var description: String { String(format: "%.6f,%.6f", latitude, longitude) }
}
