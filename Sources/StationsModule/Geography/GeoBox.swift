import Foundation

/// A latitude-longitude box: the extent of a scope, a lattice or a map.
public struct GeoBox: Sendable, Equatable, CustomStringConvertible {
    /// Southern edge, degrees.
    public var south: Double
    /// Western edge, degrees.
    public var west: Double
    /// Northern edge, degrees.
    public var north: Double
    /// Eastern edge, degrees.
    public var east: Double

    /// Metres per degree of latitude on the database's sphere.
    static let metresPerDegree = GeoPoint.earthRadius * .pi / 180

    /// Creates a box from its edges.
    public init(south: Double, west: Double, north: Double, east: Double) {
        self.south = south
        self.west = west
        self.north = north
        self.east = east
    }

    /// The smallest box holding `points`; nil when there are none.
    public init?(containing points: [GeoPoint]) {
        guard let first = points.first else { return nil }
        self.init(south: first.latitude, west: first.longitude, north: first.latitude, east: first.longitude)
        for point in points.dropFirst() {
            south = min(south, point.latitude)
            north = max(north, point.latitude)
            west = min(west, point.longitude)
            east = max(east, point.longitude)
        }
    }

    /// Reads `south,west,north,east` in degrees (`34.80,117.50,34.90,117.62`); nil when
    /// malformed, out of range or empty.
    public init?(parsing text: String) {
        let numbers = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == 4, let south = numbers[0], let west = numbers[1], let north = numbers[2], let east = numbers[3],
            -90 <= south, south < north, north <= 90, -180 <= west, west < east, east <= 180
        else { return nil }
        self.init(south: south, west: west, north: north, east: east)
    }

    /// The middle.
    public var centre: GeoPoint { GeoPoint(latitude: (south + north) / 2, longitude: (west + east) / 2) }

    /// Metres per degree of longitude at the box's middle latitude.
    var metresPerDegreeOfLongitude: Double { Self.metresPerDegree * cos(centre.latitude * .pi / 180) }

    /// East-west size in metres (at the middle latitude).
    public var widthMetres: Double { (east - west) * metresPerDegreeOfLongitude }

    /// North-south size in metres.
    public var heightMetres: Double { (north - south) * Self.metresPerDegree }

    /// The smallest box holding this one and `other`.
    public func union(_ other: GeoBox) -> GeoBox {
        GeoBox(south: min(south, other.south), west: min(west, other.west), north: max(north, other.north), east: max(east, other.east))
    }

    /// The box grown by `metres` on every side.
    public func padded(byMetres metres: Double) -> GeoBox {
        let latitude = metres / Self.metresPerDegree
        let longitude = metres / max(metresPerDegreeOfLongitude, 1)
        return GeoBox(
            south: max(-90, south - latitude), west: max(-180, west - longitude), north: min(90, north + latitude), east: min(180, east + longitude)
        )
    }

    /// Whether `point` lies inside or on the edge.
    public func contains(_ point: GeoPoint) -> Bool {
        (south...north).contains(point.latitude) && (west...east).contains(point.longitude)
    }

    /// Half the diagonal in metres: a circle of this radius around ``centre`` holds the box.
    var circumradiusMetres: Double {
        GeoPoint(latitude: south, longitude: west).metres(to: GeoPoint(latitude: north, longitude: east)) / 2 + 1
    }

    /// `34.800000,117.500000,34.900000,117.620000`.
    public var description: String { String(format: "%.6f,%.6f,%.6f,%.6f", south, west, north, east) }
}
