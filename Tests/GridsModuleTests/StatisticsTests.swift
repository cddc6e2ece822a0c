import Foundation
import Testing
import WorkbenchTestSupport
@testable import GridsModule

@Suite("grid stats against a real database")
struct StatisticsTests {
    /// Four cases reported on Monday 2026-05-11 09:00 and handled through the week:
    ///
    /// 1. W1 乱停车: resolved after 2 h, reopened, resolved after 5 h, closed: on time, 5 h.
    /// 2. W1 乱停车: escalated to the community by hand, resolved after 10 h: on time.
    /// 3. W1 环境卫生: left alone, escalated by the daemon on Thursday, resolved Friday 09:00:
    ///    late, 96 h.
    /// 4. W3 乱停车 (community C2): left alone, escalated by the daemon, still open.
    ///
    /// Patrols: W1 on Monday (twice) and Tuesday, W2 on Monday.
    static func week(_ body: (ModuleHarness) async throws -> Void) async throws {
        let clock = ManualClock(GridsFixture.monday)
        try await GridsFixture.with(clock: clock) { (harness: ModuleHarness) async throws in
            let hour: TimeInterval = 3600
            for (grid, category) in [("W1", "乱停车"), ("W1", "乱停车"), ("W1", "环境卫生"), ("W3", "乱停车")] {
                _ = try await harness.create("grid case report grid=\(grid) category=\(category) description=x")
            }
            func send(_ line: String, at hours: TimeInterval) async {
                clock.set(GridsFixture.monday.addingTimeInterval(hours * hour))
                let reply = await harness.send(line)
                #expect(reply.status == 200, "\(line) → \(reply.raw)")
            }
            await send("grid case accept case=1", at: 1)
            await send("grid case resolve case=1 note=ok", at: 2)
            await send("grid case reopen case=1 reason=no", at: 3)
            await send("grid case resolve case=1 note=ok", at: 5)
            await send("grid case confirm case=1", at: 6)
            await send("grid case accept case=2", at: 1)
            await send("grid case escalate case=2 reason=r", at: 1)
            await send("grid case resolve case=2 note=ok", at: 10)
            clock.set(GridsFixture.monday.addingTimeInterval(96 * hour))
            let outcome = try await GridsFixture.module(harness).escalation.job.sweep(at: clock.now)
            #expect(outcome.escalated == 2)
            await send("grid case accept case=3", at: 96)
            await send("grid case resolve case=3 note=ok", at: 96)
            for line in [
                "grid patrol log grid=W1 worker=李娜 date=2026-05-11", "grid patrol log grid=W1 worker=王强 date=2026-05-11",
                "grid patrol log grid=W1 worker=李娜 date=2026-05-12", "grid patrol log grid=W2 worker=李娜 date=2026-05-11",
            ] {
                _ = try await harness.create(line)
            }
            try await body(harness)
        }
    }

    @Test func aCommunityOverAWeek() async throws {
        try await Self.week { harness in
            let stats = await harness.send("grid stats scope=C1 from=2026-05-11 to=2026-05-15")
            #expect(stats.status == 200, "\(stats.raw)")
            let expected: [String: String] = [
                "cases": "3", "reported": "0", "resolved": "2", "closed": "1", "handled": "3", "on_time_rate": "66.7",
                "mean_handling_hours": "37", "p90_handling_hours": "78.8", "escalated_cases": "2", "escalations_to_community": "2",
                "escalations_to_street": "0", "reopen_rate": "33.3", "basic_grids": "2", "patrolled_grid_days": "3",
                "patrol_coverage": "30", "overdue_now": "0",
            ]
            for (key, value) in expected {
                #expect(stats.field(key) == value, "\(key)")
            }
            #expect(stats.field("categories") == "乱停车 2 (open 0, handled 2, on time 2),环境卫生 1 (open 0, handled 1, on time 0)")
        }
    }

    @Test func aStreetAGridAndAnEmptyPeriod() async throws {
        try await Self.week { harness in
            let street = await harness.send("grid stats scope=S1 from=2026-05-11 to=2026-05-15")
            #expect(street.field("cases") == "4")
            #expect(street.field("reported") == "1")
            #expect(street.field("escalations_to_community") == "3")
            #expect(street.field("basic_grids") == "3")
            #expect(street.field("patrol_coverage") == "20")
            let grid = await harness.send("grid stats scope=L2 from=2026-05-11 to=2026-05-15")
            #expect(grid.field("scope") == "grid L2 幸福二级网格")
            #expect(grid.field("cases") == "3")
            let empty = await harness.send("grid stats scope=S1 from=2026-05-12 to=2026-05-15")
            #expect(empty.field("cases") == "0")
            #expect(empty.field("on_time_rate") == "", "no rate without resolved cases")
            #expect(empty.field("patrolled_grid_days") == "1")
            #expect(await harness.send("grid stats scope=S1 from=2026-05-16 to=2026-05-15").status == 400)
            #expect(await harness.send("grid stats scope=NOPE").status == 404)
        }
    }

    /// The breakdowns leaders read: one row per child or per period, and the total.
    @Test func breakdownsByChildAndByPeriod() async throws {
        try await Self.week { harness in
            let street = await harness.send("grid stats scope=S1 by=child from=2026-05-11 to=2026-05-15")
            #expect(street.status == 200, "\(street.raw)")
            #expect(street.column("organisation") == ["C1", "C2", "total"])
            #expect(street.column("name").last == "合计")
            #expect(street.column("cases") == ["3", "1", "4"])
            #expect(street.column("open") == ["0", "1", "1"])
            #expect(street.column("on_time_rate") == ["66.7", "", "66.7"])
            #expect(street.column("reopen_rate") == ["33.3", "", "33.3"])
            #expect(street.column("escalated") == ["2", "1", "3"])
            // The total row agrees with the record form.
            let record = await harness.send("grid stats scope=S1 from=2026-05-11 to=2026-05-15")
            #expect(street.column("on_time_rate").last == record.field("on_time_rate"))

            #expect(await harness.send("grid stats scope=D1 by=child from=2026-05-11 to=2026-05-15").column("organisation") == ["S1", "total"])
            #expect(await harness.send("grid stats scope=C1 by=child from=2026-05-11 to=2026-05-15").column("grid") == ["L1", "total"])
            let grid = await harness.send("grid stats scope=L2 by=child from=2026-05-11 to=2026-05-15")
            #expect(grid.column("grid") == ["W1", "W2", "total"])
            #expect(grid.column("cases") == ["3", "0", "3"])

            let quarters = await harness.send("grid stats scope=S1 by=quarter from=2026-04-01 to=2026-09-30")
            #expect(quarters.column("period") == ["2026Q2", "2026Q3", "total"], "\(quarters.raw)")
            #expect(quarters.column("cases") == ["4", "0", "4"])
            let months = await harness.send("grid stats scope=C1 by=month from=2026-05-01 to=2026-06-30")
            #expect(months.column("period") == ["2026-05", "2026-06", "total"])
            #expect(months.column("cases") == ["3", "0", "3"])
            #expect(await harness.send("grid stats scope=S1 by=year").status == 400)
        }
    }

    @Test func aCodeNamingBothAGridAndAnOrganisationMustSayWhich() async throws {
        try await Self.week { harness in
            _ = try await harness.create("grid add code=S1 name=撞名网格 community=C2")
            #expect(await harness.send("grid stats scope=S1").status == 400)
            #expect(await harness.send("grid stats scope=org:S1 from=2026-05-11 to=2026-05-15").field("cases") == "4")
            #expect(await harness.send("grid stats scope=grid:S1 from=2026-05-11 to=2026-05-15").field("cases") == "0")
        }
    }
}
