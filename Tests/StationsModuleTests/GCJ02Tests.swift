import Testing
@testable import StationsModule

/// The GCJ-02 shift against points published with the reference implementation
/// (eviltransform's test data: WGS-84 and GCJ-02 of the same place).
@Suite struct GCJ02Tests {
    struct KnownPoint: Sendable, CustomTestStringConvertible {
        var city: String
        var wgs84: GeoPoint
        var gcj02: GeoPoint
        var testDescription: String { city }
    }

    static let known = [
        KnownPoint(
            city: "Shanghai", wgs84: GeoPoint(latitude: 31.1774276, longitude: 121.5272106),
            gcj02: GeoPoint(latitude: 31.17530398364597, longitude: 121.531541859215)
        ),
        KnownPoint(
            city: "Shenzhen", wgs84: GeoPoint(latitude: 22.543847, longitude: 113.912316),
            gcj02: GeoPoint(latitude: 22.540796131694766, longitude: 113.9171764808363)
        ),
        KnownPoint(
            city: "Beijing", wgs84: GeoPoint(latitude: 39.911954, longitude: 116.377817),
            gcj02: GeoPoint(latitude: 39.91334545536069, longitude: 116.38404722455657)
        ),
    ]

    @Test(arguments: known)
    func shiftsWGS84ToGCJ02(_ point: KnownPoint) {
        let shifted = GCJ02.gcj02(fromWGS84: point.wgs84)
        #expect(abs(shifted.latitude - point.gcj02.latitude) < 1e-9)
        #expect(abs(shifted.longitude - point.gcj02.longitude) < 1e-9)
    }

    @Test(arguments: known)
    func recoversWGS84FromGCJ02WithinACentimetre(_ point: KnownPoint) {
        let recovered = CoordinateSystem.gcj02.wgs84(point.gcj02)
        #expect(recovered.metres(to: point.wgs84) < 0.01)
        // The shift itself is hundreds of metres, so the conversion is not a no-op.
        #expect(point.gcj02.metres(to: point.wgs84) > 300)
    }

    @Test func leavesPointsOutsideChinaAlone() {
        let london = GeoPoint(latitude: 51.5007, longitude: -0.1246)
        #expect(GCJ02.gcj02(fromWGS84: london) == london)
        #expect(GCJ02.wgs84(fromGCJ02: london) == london)
        #expect(CoordinateSystem.wgs84.wgs84(GeoPoint(latitude: 31.1, longitude: 121.5)) == GeoPoint(latitude: 31.1, longitude: 121.5))
    }

    @Test func measuresGreatCircleDistances() {
        // One degree of latitude on earthdistance's sphere (R = 6,378,168 m).
        let equator = GeoPoint(latitude: 0, longitude: 0)
        #expect(abs(equator.metres(to: GeoPoint(latitude: 1, longitude: 0)) - 111_320.03) < 0.01)
        // Beijing (Tiananmen) to Shanghai (the Bund): about 1,068 km.
        let beijing = GeoPoint(latitude: 39.9087, longitude: 116.3975), shanghai = GeoPoint(latitude: 31.2400, longitude: 121.4900)
        #expect(abs(beijing.metres(to: shanghai) / 1000 - 1068) < 5)
        #expect(beijing.metres(to: beijing) == 0)
    }
}
