import Testing
import WorkbenchTestSupport
@testable import GridsModule

@Suite("Patrols 每日巡 against a real database")
struct PatrolTests {
    @Test func patrolsAreLoggedAndListedWithFilters() async throws {
        try await GridsFixture.with(clock: ManualClock(GridsFixture.monday)) { (harness: ModuleHarness) async throws in
            let memberID = try await harness.create("org member add name=张伟 unit=ZB1 joined_on=2010-07-01")
            let first = await harness.send("grid patrol log grid=W1 worker=李娜 started=2026-05-11T07:30 ended=2026-05-11T08:45 found=2 note=楼道堆物")
            #expect(first.status == 201, "\(first)")
            #expect(first.field("date") == "2026-05-11" && first.field("worker") == "李娜" && first.field("found") == "2")
            let second = await harness.send("grid patrol log grid=W2 member=\(memberID) date=2026-05-08")
            #expect(second.status == 201 && second.field("worker") == "张伟", "\(second)")
            _ = try await harness.create("grid patrol log grid=W3 worker=赵敏 date=2026-05-10")

            let all = await harness.send("grid patrol list", as: .viewer)
            #expect(all.column("grid") == ["W1", "W2", "W3"], "\(all)")
            #expect(all.rows.first?["found"] == "2" && all.rows.first?["note"] == "楼道堆物")
            #expect(all.column("member") == ["", String(memberID), ""])
            #expect(await harness.send("grid patrol list grid=L2").column("grid") == ["W1", "W2"], "subtree of L2")
            #expect(await harness.send("grid patrol list grid=W1").column("grid") == ["W1"])
            #expect(await harness.send("grid patrol list scope=C2").column("grid") == ["W3"])
            #expect(await harness.send("grid patrol list scope=S1").rows.count == 3)
            #expect(await harness.send("grid patrol list worker=张伟").column("grid") == ["W2"])
            #expect(await harness.send("grid patrol list member=\(memberID)").column("grid") == ["W2"])
            #expect(await harness.send("grid patrol list from=2026-05-09 to=2026-05-10").column("grid") == ["W3"])
            #expect(await harness.send("grid patrol list from=2026-05-10 to=2026-05-09").status == 400)

            let page = await harness.send("grid patrol list limit=1")
            #expect(page.rows.count == 1 && page.summary.contains("more with after=\(page.column("id")[0])"), "\(page)")
            let next = await harness.send("grid patrol list limit=2 after=\(page.column("id")[0])")
            #expect(next.column("grid") == ["W2", "W3"] && !next.summary.contains("more"))
        }
    }

    @Test func gapsListGridsNobodyPatrolledThatDay() async throws {
        try await GridsFixture.with(clock: ManualClock(GridsFixture.monday)) { (harness: ModuleHarness) async throws in
            _ = try await harness.create("grid assign grid=W2 role=worker person=王强 from=2026-05-01")
            _ = try await harness.create("grid assign grid=W2 role=worker person=刘洋 from=2026-05-01")
            _ = try await harness.create("grid patrol log grid=W1 worker=李娜")
            _ = try await harness.create("grid patrol log grid=W2 worker=王强 date=2026-05-06")
            _ = try await harness.create("grid patrol log grid=W2 worker=王强 date=2026-05-08")

            let gaps = await harness.send("grid patrol gaps date=2026-05-11", as: .viewer)
            #expect(gaps.status == 200 && gaps.column("code") == ["W2", "W3"], "\(gaps)")
            #expect(gaps.rows[0]["last_patrol"] == "2026-05-08" && gaps.rows[0]["workers"] == "王强、刘洋" && gaps.rows[0]["community"] == "C1")
            #expect(gaps.rows[1]["last_patrol"] == "" && gaps.rows[1]["workers"] == "" && gaps.rows[1]["community"] == "C2")
            #expect(await harness.send("grid patrol gaps").column("code") == ["W2", "W3"], "date defaults to today")
            #expect(await harness.send("grid patrol gaps date=2026-05-08").column("code") == ["W1", "W3"])
            #expect(await harness.send("grid patrol gaps date=2026-05-07").rows[1]["last_patrol"] == "2026-05-06")
            #expect(await harness.send("grid patrol gaps community=C1").column("code") == ["W2"])
            #expect(await harness.send("grid patrol gaps scope=C2").column("code") == ["W3"])
            #expect(await harness.send("grid patrol gaps level=all").column("code") == ["L1", "L2", "W2", "W3"])
            #expect(await harness.send("grid patrol gaps level=level2").column("code") == ["L2"])

            let page = await harness.send("grid patrol gaps limit=1")
            #expect(page.column("code") == ["W2"] && page.summary.contains("more with after="), "\(page)")
            let after = page.column("id")[0]
            #expect(await harness.send("grid patrol gaps limit=1 after=\(after)").column("code") == ["W3"])
        }
    }

    @Test func futureAndInconsistentPatrolsAreRefused() async throws {
        try await GridsFixture.with(clock: ManualClock(GridsFixture.monday)) { (harness: ModuleHarness) async throws in
            let future = await harness.send("grid patrol log grid=W1 worker=李娜 date=tomorrow")
            #expect(future.status == 400 && future.raw.contains("grids.patrol.future_date"), "\(future)")
            #expect(await harness.send("grid patrol log grid=W1 worker=李娜 started=2026-05-11T10:00").status == 400, "after now (09:00)")
            #expect(await harness.send("grid patrol log grid=W1 worker=李娜 started=2026-05-11T08:00 ended=2026-05-11T07:00").status == 400)
            #expect(await harness.send("grid patrol log grid=W1 worker=李娜 date=2026-05-10 started=2026-05-11T08:00").status == 400)
            #expect(await harness.send("grid patrol log grid=W1").status == 400, "no worker")
            #expect(await harness.send("grid patrol log grid=W1 worker=李娜 member=1").status == 400)
            #expect(await harness.send("grid patrol log grid=W1 member=999").status == 404)
            #expect(await harness.send("grid patrol log grid=NOPE worker=李娜").status == 404)
            #expect(await harness.send("grid patrol log grid=W1 worker=李娜 found=-1").status == 400)
            #expect(await harness.send("grid patrol log grid=W1 worker=李娜", as: .viewer).status == 403)
            #expect(try await harness.scalar("SELECT count(*) FROM grids.patrols", as: Int.self) == 0)
            #expect(await harness.send("grid patrol log grid=W1 worker=李娜 date=yesterday").status == 201)
        }
    }

    @Test func aGridCountsForPatrolsFromTheDayItWasSetUp() async throws {
        try await GridsFixture.with(clock: ManualClock(GridsFixture.monday)) { (harness: ModuleHarness) async throws in
            // The clock says Monday 11 May: a grid is entered on or after the day it was set up.
            #expect(await harness.send("grid add code=W4 name=新网格 community=C1 parent=L2 established_on=2026-05-14").status == 400)
            _ = try await harness.create("grid add code=W4 name=新网格 community=C1 parent=L2 established_on=2026-05-08")
            #expect(await harness.send("grid show grid=W4").field("established_on") == "2026-05-08")
            #expect(await harness.send("grid patrol gaps date=2026-05-07").column("code") == ["W1", "W2", "W3"], "W4 did not exist yet")
            #expect(await harness.send("grid patrol gaps date=2026-05-08").column("code") == ["W1", "W2", "W3", "W4"])
            let early = await harness.send("grid patrol log grid=W4 worker=李娜 date=2026-05-07")
            #expect(early.status == 422 && early.raw.contains("grids.patrol.before_grid"), "\(early)")
            _ = try await harness.create("grid patrol log grid=W4 worker=李娜 date=2026-05-09")
            _ = try await harness.create("grid patrol log grid=W1 worker=李娜 date=2026-05-09")

            // 4 to 10 May: W1 and W2 for 7 days each, W4 from the 8th for 3 days: 17 grid-days, 2 patrolled.
            let stats = await harness.send("grid stats scope=C1 from=2026-05-04 to=2026-05-10")
            #expect(stats.field("basic_grids") == "3" && stats.field("patrolled_grid_days") == "2", "\(stats)")
            #expect(stats.field("patrol_coverage") == "11.8", "2 of 17 grid-days: \(stats)")
            let before = await harness.send("grid stats scope=C1 from=2026-05-01 to=2026-05-07")
            #expect(before.field("basic_grids") == "2", "\(before)")

            let later = await harness.send("grid update grid=W4 established_on=2026-05-10")
            #expect(later.status == 422 && later.raw.contains("grids.grid.patrolled_before"), "\(later)")
            #expect(await harness.send("grid update grid=W4 established_on=2026-05-01").status == 200)
        }
    }
}
