import Configuration
import Foundation
import GridsModule
import OrganizationsModule
import WorkbenchKit
import WorkbenchTestSupport
@testable import StationsModule

/// Three stations on the meridian through a point of Zaozhuang's city centre, most station
/// tests start from:
///
///     D1 ── S1 ── C1   YZ1 红色驿站   200 m north of origin, mon-fri 08:00-20:00, 充电 饮水
///           │   └ C2   YZ2 红·暖之家  600 m north, 24/7, all ten services
///           └ S2 ── C3 YZ3 other    1,500 m south, sat,sun 10:00-18:00, 充电
///
/// The clock stands at Wednesday 2026-11-18 10:00 Beijing time.
enum StationsFixture {
    /// The point the stations are placed from.
    static let origin = GeoPoint(latitude: 34.8642, longitude: 117.5581)
    /// `2026-11-18T10:00:00+08:00`, a Wednesday.
    static let wednesday = Date(timeIntervalSince1970: 1_794_967_200)

    /// The point `metres` north of the origin (south when negative).
    static func north(_ metres: Double) -> GeoPoint {
        GeoPoint(latitude: origin.latitude + metres / GeoBox.metresPerDegree, longitude: origin.longitude)
    }

    /// `lat=… lon=…` of a point.
    static func place(_ point: GeoPoint) -> String {
        String(format: "lat=%.9f lon=%.9f", point.latitude, point.longitude)
    }

    /// The stations module with organizations (and, with `grids`, the grids module).
    static func with<Result: Sendable>(
        config: [AbsoluteConfigKey: ConfigValue] = [:], clock: ManualClock = ManualClock(wednesday), grids: Bool = false,
        _ body: (ModuleHarness) async throws -> Result
    ) async throws -> Result {
        let modules: [any WorkbenchModule.Type] =
            grids ? [OrganizationsModule.self, GridsModule.self, StationsModule.self] : [OrganizationsModule.self, StationsModule.self]
        return try await ModuleHarness.with(modules, config: config, clock: clock) { (harness: ModuleHarness) async throws in
            for line in [
                "org unit add code=D1 name=测试区委 kind=district",
                "org unit add code=S1 name=第一街道党工委 kind=street parent=D1",
                "org unit add code=S2 name=第二街道党工委 kind=street parent=D1",
                "org unit add code=C1 name=幸福社区党委 kind=community parent=S1",
                "org unit add code=C2 name=和平社区党委 kind=community parent=S1",
                "org unit add code=C3 name=光明社区党委 kind=community parent=S2",
                "station add code=YZ1 name=幸福红色驿站 kind=red_station address=幸福路1号 \(place(north(200))) host=C1 "
                    + "hours=\"mon-fri 08:00-20:00\" services=充电,drinking_water capacity=12",
                "station add code=YZ2 name=和平红暖之家 kind=红·暖之家 address=和平路2号 \(place(north(600))) host=C2 hours=24/7 services=all",
                "station add code=YZ3 name=光明驿站 kind=other address=光明路3号 \(place(north(-1500))) host=C3 hours=\"sat,sun 10:00-18:00\" "
                    + "services=charging",
            ] {
                _ = try await harness.create(line)
            }
            return try await body(harness)
        }
    }

    /// A timestamp written `2026-11-18T10:00` in Beijing time.
    static func beijing(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text + ":00+08:00")!
    }
}
