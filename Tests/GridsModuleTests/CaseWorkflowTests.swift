import Configuration
import Foundation
import Testing
import WorkbenchKit
import WorkbenchTestSupport
@testable import GridsModule

@Suite("The case workflow through the commands")
struct CaseWorkflowTests {
    @Test func aCaseFollowedFromReportToClose() async throws {
        let clock = ManualClock(GridsFixture.monday)
        try await GridsFixture.with(clock: clock) { (harness: ModuleHarness) async throws in
            let report = await harness.send(
                "grid case report grid=W1 category=乱停车 description=\"消防通道被占\" source=patrol reporter=李娜 lat=31.2201 lon=121.4240"
            )
            #expect(report.status == 201, "\(report.raw)")
            #expect(report.field("code") == "GC-2026-000001")
            #expect(report.field("level") == "complex")
            // Complex, normal: 2 calendar days from Monday 09:00 → the end of Wednesday.
            #expect(report.field("due_at") == "2026-05-14T00:00:00+08:00")
            let code = "GC-2026-000001"
            clock.advance(by: 3600)
            #expect(await harness.send("grid case accept case=\(code)").status == 200)
            clock.advance(by: 3600)
            let escalated = await harness.send("grid case escalate case=\(code) to=street reason=\"涉及多个小区，需街道协调\"")
            #expect(escalated.status == 200, "\(escalated.raw)")
            #expect(escalated.field("level") == "street")
            // Street, normal: 5 working days from Monday → the end of the next Monday.
            #expect(escalated.field("due_at") == "2026-05-19T00:00:00+08:00")
            clock.advance(by: 86_400)
            #expect(await harness.send("grid case assign case=\(code) to=城管中队").status == 200)
            let resolved = await harness.send("grid case resolve case=\(code) note=车辆已移走")
            #expect(resolved.field("status") == "resolved")
            #expect(resolved.field("resolved_on_time") == "true")
            #expect(resolved.field("due_at") == "", "the clock stops")
            clock.advance(by: 86_400)
            let reopened = await harness.send("grid case reopen case=\(code) reason=\"车辆又停回原处\"")
            #expect(reopened.field("status") == "in_progress")
            #expect(reopened.field("reopens") == "1")
            #expect(reopened.field("level") == "street", "reopened at the level that resolved it")
            #expect(await harness.send("grid case resolve case=\(code) note=加装隔离桩").status == 200)
            #expect(await harness.send("grid case confirm case=\(code) note=居民满意").field("status") == "closed")
            #expect(await harness.send("grid case note case=\(code) note=回访记录已归档").status == 200)

            let shown = await harness.send("grid case show case=\(code)")
            #expect(shown.status == 200)
            let timeline = shown.section("timeline")
            #expect(
                timeline.map { $0["kind"] } == [
                    "reported", "accepted", "escalated", "assigned", "resolved", "reopened", "resolved", "confirmed", "note",
                ])
            #expect(timeline[2]["from_level"] == "complex" && timeline[2]["to_level"] == "street")
            #expect(timeline[2]["note"]?.contains("涉及多个小区") == true)
            #expect(timeline[5]["from_status"] == "resolved" && timeline[5]["to_status"] == "in_progress")
            #expect(timeline[1]["from_level"] == "" && timeline[0]["to_status"] == "reported", "a level that did not move is empty")
            #expect(shown.summary.contains("closed at street"))
        }
    }

    @Test func aCaseTakenOnPaperRunsItsClockFromWhenItWasReported() async throws {
        try await GridsFixture.with(clock: ManualClock(GridsFixture.monday)) { (harness: ModuleHarness) async throws in
            let late = await harness.send("grid case report grid=W1 category=乱停车 description=消防通道被占 at=2026-05-07T09:00")
            #expect(late.status == 201 || late.status == 200, "\(late)")
            #expect(late.summary.contains("overdue"), "\(late)")
            let overdue = await harness.send("grid case overdue")
            #expect(overdue.column("code") == [late.field("code")!], "\(overdue)")
            let shown = await harness.send("grid case show case=\(late.field("code")!)")
            #expect(shown.field("reported_at")?.hasPrefix("2026-05-07T09:00") == true, "\(shown)")
            let future = await harness.send("grid case report grid=W1 category=乱停车 description=x at=2026-05-12T09:00")
            #expect(future.status == 400 && future.summary.hasPrefix("grids.case.reported_in_future"), "\(future)")
        }
    }

    @Test func skipLevelRulesChooseWhereACaseStarts() async throws {
        try await GridsFixture.with { (harness: ModuleHarness) async throws in
            let urgentHazard = await harness.send("grid case report grid=W1 category=安全隐患 urgency=urgent description=燃气泄漏")
            #expect(urgentHazard.field("level") == "street")
            let building = await harness.send("grid case report grid=W1 category=乱搭建 description=违建")
            #expect(building.field("level") == "community")
            let parking = await harness.send("grid case report grid=W1 category=乱停车 urgency=urgent description=堵路")
            #expect(parking.field("level") == "complex")
            let shown = await harness.send("grid case show case=\(urgentHazard.field("code")!)")
            #expect(shown.raw.contains("skip-level rule"))
        }
    }

    @Test func skipLevelRulesAndDeadlinesComeFromConfiguration() async throws {
        let config: [AbsoluteConfigKey: ConfigValue] = [
            "modules.grids.start_levels": .init(.stringArray(["乱停车 * community"]), isSecret: false),
            "modules.grids.deadlines.community.normal": .init(.string("2 hours"), isSecret: false),
        ]
        try await GridsFixture.with(config: config) { (harness: ModuleHarness) async throws in
            let reply = await harness.send("grid case report grid=W1 category=乱停车 description=堵路")
            #expect(reply.field("level") == "community")
            let hours: Double = try await harness.scalar(
                "SELECT extract(epoch FROM due_at - reported_at)::float8 / 3600 FROM grids.cases WHERE code = $1", [reply.field("code")!]
            )
            #expect(hours == 2)
            let hazard = await harness.send("grid case report grid=W1 category=安全隐患 urgency=urgent description=燃气")
            #expect(hazard.field("level") == "complex", "the configured rules replace the defaults")
        }
    }

    @Test func badInputChangesNothing() async throws {
        try await GridsFixture.with { (harness: ModuleHarness) async throws in
            let unknown = await harness.send("grid case report grid=W1 category=闲聊 description=x")
            #expect(unknown.status == 400)
            #expect(unknown.summary.contains("乱停车"))
            #expect(await harness.send("grid case report grid=NOPE category=乱停车 description=x").status == 404)
            #expect(await harness.send("grid case report grid=W1 category=乱停车 description=x lat=31.2").status == 400)
            #expect(await harness.send("grid case show case=GC-2026-999999").status == 404)
            let count: Int = try await harness.scalar("SELECT count(*)::int FROM grids.cases")
            #expect(count == 0)

            let id = try await harness.create("grid case report grid=W1 category=乱停车 description=x")
            #expect(await harness.send("grid case escalate case=\(id) to=department reason=r").status == 400, "a department needs its name")
            #expect(await harness.send("grid case escalate case=\(id) to=complex reason=r").status == 400, "escalation goes up")
            #expect(await harness.send("grid case escalate case=\(id)").status == 400, "a reason is required")
            #expect(await harness.send("grid case escalate case=\(id) to=department department=区城管执法局 reason=违建").field("department") == "区城管执法局")
            let top = await harness.send("grid case escalate case=\(id) reason=r")
            #expect(top.status == 422)
            #expect(top.summary.contains("grids.case.top_level") || top.raw.contains("highest level"))
            let events: Int = try await harness.scalar("SELECT count(*)::int FROM grids.case_events WHERE case_id = $1", [id])
            #expect(events == 2, "report and one escalation")
        }
    }

    @Test func deadlinesSkipHolidaysAndHonourMakeUpWorkdays() async throws {
        // 2026's Golden Week as the State Council published it, which a new database holds by
        // itself: Sep 25 (中秋) and Oct 1–7 off, Sunday Sep 20 and Saturday Oct 10 worked.
        let clock = ManualClock(Date(timeIntervalSince1970: 1_790_384_400))  // 2026-09-26T09:00+08, a Saturday
        try await GridsFixture.with(clock: clock) { (harness: ModuleHarness) async throws in
            let shipped: Int = try await harness.scalar(
                "SELECT count(*)::int FROM workbench.calendar_days WHERE day BETWEEN '2026-09-20' AND '2026-10-10'"
            )
            #expect(shipped == 8)
            // Community, normal: 3 working days after Saturday Sep 26: Mon 28, Tue 29, Wed 30.
            let saturday = await harness.send("grid case report grid=W1 category=乱搭建 description=违建")
            #expect(saturday.field("due_at") == "2026-10-01T00:00:00+08:00")
            // From Wednesday Sep 30: Thu 1–Wed 7 are off (the 3rd and 4th are a weekend), Thu 8, Fri 9, Sat 10 (make-up).
            clock.set(Date(timeIntervalSince1970: 1_790_730_000))  // 2026-09-30T09:00+08
            let wednesday = await harness.send("grid case report grid=W1 category=乱搭建 description=违建")
            #expect(wednesday.field("due_at") == "2026-10-11T00:00:00+08:00")
        }
    }

    /// Found by dangjian-bench: lpad(id, 6) cut the millionth case's code to six digits, so the
    /// next report collided with case 100,000's code.
    @Test func codesPastTheMillionthCaseKeepEveryDigit() async throws {
        let clock = ManualClock(GridsFixture.monday)
        try await GridsFixture.with(clock: clock) { (harness: ModuleHarness) async throws in
            _ = try await harness.scalar("SELECT setval('grids.case_number', 999998)", as: Int64.self, asOwner: true)
            var codes: [String] = []
            for _ in 0..<3 {
                let reply = await harness.send("grid case report grid=W1 category=乱停车 description=x")
                try #require(reply.status == 201, "\(reply)")
                codes.append(try #require(reply.field("code")))
            }
            #expect(codes == ["GC-2026-999999", "GC-2026-1000000", "GC-2026-1000001"])
            #expect(await harness.send("grid case show case=GC-2026-1000001").field("id") == "1000001")
        }
    }

    @Test func listsFilterAndPage() async throws {
        let clock = ManualClock(GridsFixture.monday)
        try await GridsFixture.with(clock: clock) { (harness: ModuleHarness) async throws in
            for (grid, category) in [("W1", "乱停车"), ("W2", "乱摆摊"), ("W3", "乱停车"), ("W1", "环境卫生")] {
                _ = try await harness.create("grid case report grid=\(grid) category=\(category) description=x")
            }
            #expect(await harness.send("grid case list grid=L1").column("grid") == ["W1", "W2", "W1"])
            #expect(await harness.send("grid case list scope=C2").column("grid") == ["W3"])
            #expect(await harness.send("grid case list scope=S1 category=乱停车").column("grid") == ["W1", "W3"])
            let first = await harness.send("grid case list limit=3")
            #expect(first.summary == "3 rows; more with after=3")
            #expect(await harness.send("grid case list limit=3 after=3").column("id") == ["4"])
            #expect(await harness.send("grid case list overdue=true").rows.isEmpty)
            clock.advance(by: 4 * 86_400)
            #expect(await harness.send("grid case overdue").rows.count == 4)
            #expect(await harness.send("grid case overdue scope=C2").column("time_left") == ["overdue by 1d 9h"])
            _ = await harness.send("grid case accept case=1")
            _ = await harness.send("grid case resolve case=1 note=ok")
            #expect(await harness.send("grid case list status=resolved").column("id") == ["1"])
            #expect(await harness.send("grid case overdue").rows.count == 3, "a resolved case has no clock")
        }
    }

    @Test func aRepeatedRequestIDReportsOnceAndIsAudited() async throws {
        try await GridsFixture.with { (harness: ModuleHarness) async throws in
            let line = "grid case report grid=W1 category=乱停车 description=占道 request_id=patrol-7f3a"
            let first = await harness.send(line)
            let second = await harness.send(line)
            #expect(first.status == 201 && second.status == 201)
            #expect(first.field("code") == second.field("code"))
            let cases: Int = try await harness.scalar("SELECT count(*)::int FROM grids.cases")
            #expect(cases == 1)
            let audited: Int = try await harness.scalar(
                "SELECT count(*)::int FROM workbench.audit_log WHERE module = 'grids' AND command = 'case report' AND reply_code IS NULL"
            )
            #expect(audited == 1)
            let replays: Int = try await harness.scalar(
                "SELECT count(*)::int FROM workbench.audit_log WHERE module = 'grids' AND reply_code = 'request.replayed'"
            )
            #expect(replays == 1)
        }
    }

    @Test func clockText() {
        let now = Date(timeIntervalSince1970: 0)
        #expect(DeadlineText.describe(due: now.addingTimeInterval(90_061), now: now) == "1d 1h 1m left")
        #expect(DeadlineText.describe(due: now.addingTimeInterval(-3_000), now: now) == "overdue by 50m")
        #expect(DeadlineText.describe(due: now, now: now) == "0m left")
        #expect(DeadlineText.describe(due: now.addingTimeInterval(7_200), now: now) == "2h left")
    }
}
