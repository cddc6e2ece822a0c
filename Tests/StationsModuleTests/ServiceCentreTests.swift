import Foundation
import Testing
import WorkbenchTestSupport
@testable import StationsModule

/// Party-mass service centres 党群服务中心(站): their own service catalogue, coverage over
/// households for the 500-metre red service circle, and the map with both kinds.
@Suite struct ServiceCentreTests {
    /// C1's grid G1 with five households: four located 0, 300 and 1,000 m north and 900 m
    /// south of the origin, one without a position; C1's service station DQ1 400 m north.
    static func withCentre(_ body: (ModuleHarness) async throws -> Void) async throws {
        try await StationsFixture.with(grids: true) { harness in
            _ = try await harness.create("grid add code=G1 name=G1网格 community=C1 \(StationsFixture.place(StationsFixture.north(0)))")
            for (number, metres) in [(1, 0.0), (2, 300), (3, 1000), (4, -900)] {
                _ = try await harness.create(
                    "grid household add grid=G1 address=幸福路\(number)号 head=住户\(number) \(StationsFixture.place(StationsFixture.north(metres)))")
            }
            _ = try await harness.create("grid household add grid=G1 address=幸福路5号 head=住户5")
            _ = try await harness.create(
                "station add code=DQ1 name=幸福社区党群服务站 kind=service_station address=幸福路10号 "
                    + "\(StationsFixture.place(StationsFixture.north(400))) host=C1 hours=\"mon-sun 08:30-17:30\" services=all")
            try await body(harness)
        }
    }

    @Test func aCentreOffersTheResidentsCatalogueAndMoreCanBeDefined() async throws {
        try await Self.withCentre { harness in
            let offered = await harness.send("station service list station=DQ1")
            #expect(offered.column("name").prefix(3) == ["政务代办", "党员教育", "志愿服务"], "\(offered)")
            #expect(!offered.column("name").contains("暖餐"), "\(offered)")
            let unknown = await harness.send("station service add station=DQ1 services=修鞋")
            #expect(unknown.status == 400 && unknown.raw.contains("政务代办"), "the refusal names the residents' list: \(unknown)")
            #expect(await harness.send("station service define code=housing_repairs name=房屋维修 audience=residents").status == 403)
            let defined = await harness.send("station service define code=housing_repairs name=房屋维修 audience=residents", as: .admin)
            #expect(defined.status == 200, "\(defined)")
            #expect(await harness.send("station service add station=DQ1 services=房屋维修").status == 200)
            let catalogue = await harness.send("station service list")
            let row = catalogue.rows.first { $0["code"] == "housing_repairs" }
            #expect(row?["audience"] == "residents" && row?["standard"] == "true", "\(catalogue)")
            #expect(await harness.send("station service define code=Bad-Code name=坏 audience=residents", as: .admin).status == 400)
            #expect(await harness.send("station service define code=repairs name=\"房屋 维修\" audience=residents", as: .admin).status == 400)
            for line in ["code=housing_repairs name=修房", "code=house_repairs name=房屋维修", "code=hot_meal name=热饭"] {
                let again = await harness.send("station service define \(line) audience=residents", as: .admin)
                #expect(again.status == 409 && again.raw.contains("stations.service.duplicate"), "\(line): \(again)")
            }
        }
    }

    @Test func householdsWithinFiveHundredMetresOfACentre() async throws {
        try await Self.withCentre { harness in
            let residents = await harness.send("station coverage scope=C1 of=households serving=residents metres=500")
            #expect(residents.status == 200, "\(residents)")
            #expect(
                residents.summary.hasPrefix("coverage 50.0 %: 2 of 4 households within 500 m of an open Party-mass service centre"),
                "\(residents)")
            #expect(residents.summary.contains("1 households without a position not counted"), "\(residents)")
            #expect(residents.field("unlocated_households") == "1" && residents.field("serving") == "residents", "\(residents)")
            #expect(residents.column("name", in: "gaps") == ["幸福路4号", "幸福路3号"], "farthest first: \(residents)")
            #expect(residents.column("nearest_station", in: "gaps").allSatisfy { $0.hasPrefix("DQ1") }, "\(residents)")
            // The riders' stations count when they are asked for: YZ2 lies 400 m from 幸福路3号.
            let workers = await harness.send("station coverage scope=C1 of=households serving=workers metres=500")
            #expect(workers.summary.hasPrefix("coverage 75.0 %: 3 of 4 households"), "\(workers)")
            // A position is both coordinates; a scope without located households is refused.
            #expect(await harness.send("grid household add grid=G1 address=幸福路6号 head=住户6 lat=34.8").status == 400)
            let none = await harness.send("station coverage scope=C2 of=households metres=500")
            #expect(none.status == 422 && none.raw.contains("stations.coverage.no_located_households"), "\(none)")
        }
    }

    @Test func theMapShowsCentresAndRidersStationsApart() async throws {
        try await Self.withCentre { harness in
            let map = await harness.send("station map scope=C1 of=households serving=residents metres=500")
            #expect(map.status == 200, "\(map)")
            let svg = map.raw
            #expect(svg.contains("幸福社区党委 党群服务中心（站）空间分布图"), "\(svg.prefix(600))")
            #expect(
                svg.contains(#"<g class="station service_station" data-code="DQ1">"#)
                    && svg.contains(#"<g class="station red_station" data-code="YZ1">"#))
            #expect(svg.contains(#"<circle class="circle service_station" data-code="DQ1""#))
            #expect(!svg.contains(#"<circle class="circle red_station""#), "only the centres' circles count")
            #expect(svg.contains("已覆盖住户") && svg.contains("未覆盖住户") && svg.contains("覆盖率 50.0 %（2/4 户）"))
        }
    }
}
