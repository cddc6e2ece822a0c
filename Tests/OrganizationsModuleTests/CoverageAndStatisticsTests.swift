import Foundation
import Testing
import WorkbenchPostgres
import WorkbenchTestSupport
@testable import OrganizationsModule

@Suite("Coverage and statistics against a real database")
struct CoverageAndStatisticsTests {
    @Test func coverageCountsPerChildWithTotals() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            let tower = try await harness.create("org venue add name=来福士 kind=office_building area=S1 employees=1000 members=100")
            let park = try await harness.create("org venue add name=创意园 kind=park area=C1 employees=300 members=30")
            let firm = try await harness.create("org venue add name=某公司 kind=firm area=C3 employees=50 members=3")
            _ = try await harness.create("org venue add name=老市场 kind=market area=C2 employees=40 members=0")
            _ = try await harness.create("org unit add code=L1 name=来福士楼宇党委 kind=regional subtype=office_building parent=S1")
            _ = try await harness.create("org venue cover venue=\(tower) unit=L1 since=2026-01-01")
            _ = try await harness.create("org venue cover venue=\(firm) unit=R1 since=2026-01-01")
            _ = try await harness.create("org venue activity venue=\(tower) title=主题党日 on=2026-08-01")
            _ = try await harness.create("org venue activity venue=\(park) title=志愿服务 on=2026-08-15")
            _ = try await harness.create("org venue activity venue=\(firm) title=学习 on=2026-05-01")

            let report = await harness.send("org coverage unit=D1 from=2026-07-01 to=2026-09-30")
            #expect(report.status == 200, "\(report)")
            #expect(report.column("area") == ["S1", "S2", "total"])
            #expect(report.column("venues") == ["3", "1", "4"])
            #expect(report.column("org_covered") == ["1", "1", "2"])
            #expect(report.column("work_covered") == ["2", "0", "2"])
            #expect(report.column("org_rate") == ["33.3", "100", "50"])
            #expect(report.column("employees") == ["1340", "50", "1390"])

            let street = await harness.send("org coverage unit=S1 from=2026-07-01 to=2026-09-30")
            #expect(street.column("area") == ["C1", "C2", "S1", "total"], "venues attached to the street itself count on its own line")

            let uncovered = await harness.send("org venue list uncovered=true")
            #expect(uncovered.column("name") == ["创意园", "老市场"], "\(uncovered.raw)")
            #expect(await harness.send("org venue uncover venue=\(tower) unit=L1 on=2026-08-31").status == 200)
            let after = await harness.send("org coverage unit=D1 from=2026-07-01 to=2026-09-30")
            #expect(after.column("org_covered") == ["0", "1", "1"], "coverage is counted on the period's last day")
            // venue list and org coverage agree about today: a cover that ends today still holds today,
            // one that begins tomorrow does not yet.
            let today = CalendarDate(containing: Date(), in: TimeZone(identifier: "Asia/Shanghai")!)
            #expect(await harness.send("org venue uncover venue=\(firm) unit=R1 on=today").status == 200)
            let stillCovered = await harness.send("org venue list uncovered=true")
            #expect(!stillCovered.column("name").contains("某公司"), "covered through today: \(stillCovered.raw)")
            let coverage = await harness.send("org coverage unit=S2 from=\(today) to=\(today)")
            #expect(coverage.column("org_covered").last == "1")
            #expect(await harness.send("org venue add name=某 kind=park area=G1").status == 422)
            #expect(await harness.send("org venue add name=某 kind=park area=C1 employees=5 members=6").status == 400)
            #expect(await harness.send("org venue activity venue=\(park) title=x on=2099-01-01").status == 400)
        }
    }

    @Test func statsAddUpASubtree() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            _ = try await OrganizationsFixture.member(harness, "甲", unit: "G1", extra: "status=probationary")
            _ = try await OrganizationsFixture.member(harness, "乙", unit: "C3", extra: "mobile=true")
            let inService = try await OrganizationsFixture.member(harness, "丙", unit: "R1", extra: "work_unit=医院")
            let report = try await harness.create("org report member member=\(inService) community=C1 on=2026-01-01")
            _ = try await harness.create("org report serve report=\(report) hours=4 activity=服务 on=2026-02-01")
            _ = try await harness.create("org report unit unit=R1 community=C3 on=2026-01-01")
            let pair = try await harness.create("org pair add unit=R1 community=C1 since=2026-01-01")
            _ = try await harness.create("org project add pair=\(pair) title=共建 category=党建联建")

            let district = await harness.send("org stats unit=D1 from=2026-01-01 to=2026-12-31")
            #expect(district.status == 200, "\(district)")
            #expect(district.field("organisations") == "9")
            #expect(district.field("organisations_community") == "3")
            #expect(district.field("members") == "3")
            #expect(district.field("members_probationary") == "1")
            #expect(district.field("members_mobile") == "1")
            #expect(district.field("members_in_service") == "1")
            #expect(district.field("reports_units") == "1" && district.field("reports_members") == "1")
            #expect(district.field("service_hours") == "4")
            #expect(district.field("pairs") == "1" && district.field("projects_planned") == "1")

            let street = await harness.send("org stats unit=S1 from=2026-01-01 to=2026-12-31")
            #expect(street.field("organisations") == "5")
            #expect(street.field("members") == "1")
            #expect(street.field("reports_units") == "0" && street.field("reports_members") == "1")
            #expect(street.field("pairs") == "1")

            // Side by side: the district's children, its own level and the total (which is the record above).
            let byChild = await harness.send("org stats unit=D1 by=child from=2026-01-01 to=2026-12-31")
            #expect(byChild.status == 200, "\(byChild.raw)")
            #expect(byChild.column("organisation") == ["R1", "S1", "S2", "D1", "total"])
            #expect(byChild.column("organisations") == ["1", "5", "2", "1", "9"])
            #expect(byChild.column("members") == ["1", "1", "1", "0", "3"])
            #expect(byChild.column("reports") == ["0", "1", "1", "0", "2"])
            #expect(byChild.column("service_hours") == ["0", "4", "0", "0", "4"])
            #expect(byChild.column("pairs").last == district.field("pairs"))
            #expect(byChild.column("name")[3].hasPrefix("本级"))
        }
    }

    @Test func statsByQuarterAndMonthSayWhatHappenedInEachPeriod() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            // joined_on 2010-07-01 (the fixture): outside the period.
            let early = try await OrganizationsFixture.member(harness, "甲", unit: "G1")
            _ = try await harness.create("org member add name=乙 unit=C2 joined_on=2026-02-10")
            _ = try await harness.create("org member add name=丙 unit=C3 joined_on=2026-05-01")
            #expect(await harness.send("org member leave member=\(early) reason=deceased on=2026-08-20").status == 200)
            let inService = try await OrganizationsFixture.member(harness, "丁", unit: "R1", extra: "work_unit=医院")
            let report = try await harness.create("org report member member=\(inService) community=C1 on=2026-01-15")
            _ = try await harness.create("org report serve report=\(report) hours=4 activity=服务 on=2026-02-01")
            _ = try await harness.create("org report serve report=\(report) hours=1.5 activity=服务 on=2026-07-01")
            _ = try await harness.create("org pair add unit=R1 community=C2 since=2026-04-03")
            let park = try await harness.create("org venue add name=创意园 kind=park area=C1 employees=300 members=30")
            _ = try await harness.create("org venue cover venue=\(park) unit=C1 since=2026-05-01")
            _ = try await harness.create("org venue activity venue=\(park) title=志愿服务 on=2026-08-15")

            let quarters = await harness.send("org stats unit=S1 by=quarter from=2026-01-01 to=2026-09-30")
            #expect(quarters.status == 200, "\(quarters.raw)")
            #expect(quarters.column("period") == ["2026Q1", "2026Q2", "2026Q3", "total"])
            #expect(quarters.column("members_joined") == ["1", "0", "0", "1"], "乙 in C2; 丙 is in another street")
            #expect(quarters.column("members_left") == ["0", "0", "1", "1"])
            #expect(quarters.column("reports_begun") == ["1", "0", "0", "1"])
            #expect(quarters.column("service_hours") == ["4", "0", "1.5", "5.5"])
            #expect(quarters.column("pairs_begun") == ["0", "1", "0", "1"])
            #expect(quarters.column("venues") == ["1", "1", "1", "1"])
            #expect(quarters.column("coverage_org_rate") == ["0", "100", "100", "100"], "covered from May, as of each quarter's last day")
            #expect(quarters.column("coverage_work_rate") == ["0", "0", "100", "100"])

            // Months: the first and last are cut to the period; every month is listed, empty ones too.
            let months = await harness.send("org stats unit=S1 by=month from=2026-01-20 to=2026-03-10")
            #expect(months.column("period") == ["2026-01", "2026-02", "2026-03", "total"])
            #expect(months.column("reports_begun") == ["0", "0", "0", "0"], "the report began on 15 January, before the period")
            #expect(months.column("members_joined") == ["0", "1", "0", "1"])
        }
    }
}
