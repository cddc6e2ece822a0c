import Testing
import WorkbenchTestSupport
@testable import OrganizationsModule

@Suite("Vanguard points and ranking against a real database")
struct VanguardPointsTests {
    @Test func rankingSumsThePeriodSharesTiesAndHonoursTheSubtree() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            let a = try await OrganizationsFixture.member(harness, "甲", unit: "G1")
            let b = try await OrganizationsFixture.member(harness, "乙", unit: "C1")
            let c = try await OrganizationsFixture.member(harness, "丙", unit: "C3")
            let d = try await OrganizationsFixture.member(harness, "丁", unit: "B1")
            for (member, points, at) in [
                (a, 5, "2026-03-01T10:00"), (a, 5, "2026-04-01T10:00"), (a, -2, "2026-04-02T10:00"),
                (b, 8, "2026-03-05T10:00"), (c, 8, "2026-05-01T10:00"), (c, 50, "2025-12-31T23:00"),
                (d, 3, "2026-06-30T23:59"), (d, 4, "2026-07-01T00:00"),
            ] {
                _ = try await harness.create("org points add member=\(member) category=志愿服务 points=\(points) reason=服务 at=\(at)")
            }
            let all = await harness.send("org points rank from=2026-01-01 to=2026-06-30")
            #expect(all.column("name") == ["甲", "乙", "丙", "丁"])
            #expect(all.column("rank") == ["1", "1", "1", "4"], "equal totals share a rank: \(all)")
            #expect(all.column("points") == ["8", "8", "8", "3"])
            let subtree = await harness.send("org points rank unit=C1 from=2026-01-01 to=2026-06-30")
            #expect(subtree.column("name") == ["甲", "乙", "丁"])
            let lastYear = await harness.send("org points rank from=2025-01-01 to=2025-12-31")
            #expect(lastYear.column("name") == ["丙"] && lastYear.column("points") == ["50"])
            let july = await harness.send("org points rank from=2026-07-01 to=2026-07-01")
            #expect(july.column("points") == ["4"], "the period is whole days in the daemon's time zone")
            #expect(await harness.send("org points rank unit=D1 from=2026-01-01 to=2026-06-30 limit=2").rows.count == 2)
        }
    }

    @Test func theLedgerIsAppendOnlyAndChecked() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            let a = try await OrganizationsFixture.member(harness, "甲", unit: "G1")
            #expect(await harness.send("org points add member=\(a) category=志愿服务 points=0 reason=无").status == 400)
            #expect(await harness.send("org points add member=\(a) category=打卡 points=3 reason=无").status == 400)
            #expect(await harness.send("org points add member=\(a) category=志愿服务 points=101 reason=无").status == 400)
            #expect(await harness.send("org points add member=999 category=志愿服务 points=1 reason=无").status == 404)
            _ = try await harness.create("org points add member=\(a) category=志愿服务 points=6 reason=义诊")
            _ = try await harness.create("org points add member=\(a) category=扣分 points=-2 reason=缺席")
            let ledger = await harness.send("org points list member=\(a)")
            #expect(ledger.column("balance") == ["6", "4"])
            await #expect(throws: (any Error).self) {
                try await harness.pool.withConnection { session in
                    try await session.executeScript("UPDATE organizations.points SET points = 100")
                }
            }
        }
    }
}
