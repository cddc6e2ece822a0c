import Foundation
import Testing
import WorkbenchTestSupport
@testable import GovernanceModule

@Suite("Governance: yearly assessment, 述职评议, publication and two-way assessment against a real database")
struct AssessmentTests {
    /// 2026-04-01 10:00 Beijing time.
    static let april = Date(timeIntervalSince1970: 1_775_008_800)

    /// The community list: meetings 30, tasks 20, review 20, a manual indicator 30.
    static func communityList(_ harness: ModuleHarness) async throws -> Int64 {
        let list = try await harness.create("gov checklist add kind=community title=社区党委书记抓党建责任清单")
        for line in [
            "code=I1 title=联席会议按季召开 weight=30 evidence=meetings_held",
            "code=I2 title=议定任务按期办结 weight=20 evidence=tasks_on_time",
            "code=I3 title=述职评议满意度 weight=20 evidence=review",
            "code=I4 title=阵地建设 weight=30 evidence=manual",
        ] {
            try await GovernanceFixture.succeed(harness, "gov checklist indicator checklist=\(list) " + line)
        }
        return list
    }

    @Test func aCommunitysYearScoresAsCalculatedByHandThenPublishesFrozen() async throws {
        let clock = ManualClock(Self.april)
        try await GovernanceFixture.with(clock: clock) { harness in
            let list = try await Self.communityList(harness)
            // On 2026-04-01: C2's first-quarter meeting assigns two tasks; one closes on time.
            let q1 = try await harness.create("gov meeting hold body=C2 held_on=2026-03-10 title=一季度 agenda=议程")
            let onTime = try await harness.create("gov task assign meeting=\(q1) title=清理楼道 unit=R3 due=2026-04-30")
            let late = try await harness.create("gov task assign meeting=\(q1) title=修缮车棚 unit=R3 due=2026-05-31")
            _ = try await harness.create("gov task assign meeting=\(q1) title=年底慰问 department=区民政局 due=2026-12-31")
            try await GovernanceFixture.succeed(harness, "gov task close task=\(onTime) outcome=已清理")
            // On 2026-11-18: the third-quarter meeting, the late task closed.
            clock.set(GovernanceFixture.wednesday)
            _ = try await harness.create("gov meeting hold body=C2 held_on=2026-08-20 title=三季度 agenda=议程")
            try await GovernanceFixture.succeed(harness, "gov task close task=\(late) outcome=已修缮")

            let c2 = try await harness.create("gov assessment open unit=C2 year=2026")
            let c1 = try await harness.create("gov assessment open unit=C1 year=2026")
            #expect(await harness.send("gov assessment open unit=C2 year=2026").status == 409)
            #expect(await harness.send("gov assessment open unit=C1 year=2026 by=D1").status == 422)
            try await GovernanceFixture.succeed(harness, "gov assessment score assessment=\(c2) indicator=I4 percent=75 note=阵地达标台账不全")
            #expect(await harness.send("gov assessment score assessment=\(c2) indicator=I1 percent=100 note=x").status == 422)

            // Publication waits for both secretaries' 述职评议.
            let early = await harness.send("gov assessment publish year=2026 by=S1")
            #expect(early.status == 422 && early.raw.contains("C1, C2"), "\(early)")
            let review = try await GovernanceFixture.succeed(
                harness, "gov assessment review assessment=\(c2) report=全年召开联席会议两次 good=5 fairly_good=3 average=1 poor=1")
            #expect(review.field("result") == "较好", "\(review)")
            try await GovernanceFixture.succeed(harness, "gov assessment review assessment=\(c1) report=述职 good=1 fairly_good=0 average=0 poor=0")

            // By hand: I1 2 of 3 ended quarters = 66.67 % × 30 = 20.00; I2 1 of 2 tasks due by today on time = 50 % × 20 = 10.00;
            // I3 8 of 10 votes 好 or 较好 = 80 % × 20 = 16.00; I4 75 % × 30 = 22.50. Total 68.50: 一般.
            let shown = try await GovernanceFixture.succeed(harness, "gov assessment show assessment=\(c2)")
            #expect(shown.column("percent", in: "indicators") == ["66.67", "50", "80", "75"], "\(shown)")
            #expect(shown.column("score", in: "indicators") == ["20", "10", "16", "22.5"], "\(shown)")
            #expect(shown.field("provisional_total") == "68.5" && shown.field("provisional_grade") == "一般", "\(shown)")

            let published = try await GovernanceFixture.succeed(harness, "gov assessment publish year=2026 by=S1")
            #expect(published.column("unit") == ["C1", "C2"] && published.column("total") == ["20", "68.5"], "\(published)")
            // C2's two weakest indicators are its breakthrough projects for 2027.
            let projects = try await GovernanceFixture.succeed(harness, "gov breakthrough list year=2027 scope=C2")
            #expect(projects.column("indicator") == ["I2", "I1"], "weakest first: \(projects)")
            #expect(projects.rows.count == 2, "\(projects)")

            // Frozen: no new votes, scores or list changes, and new evidence does not move it.
            let revote = await harness.send("gov assessment review assessment=\(c2) report=再评 good=10 fairly_good=0 average=0 poor=0")
            #expect(revote.status == 409 && revote.raw.contains("governance.assessment.published"), "\(revote)")
            #expect(await harness.send("gov assessment score assessment=\(c2) indicator=I4 percent=100 note=x").status == 409)
            let listChange = await harness.send("gov checklist indicator checklist=\(list) code=I4 title=阵地 weight=30 evidence=manual")
            #expect(listChange.status == 409 && listChange.raw.contains("governance.checklist.in_use"), "\(listChange)")
            _ = try await harness.create("gov meeting hold body=C2 held_on=2026-06-20 title=二季度补记 agenda=议程")
            let after = try await GovernanceFixture.succeed(harness, "gov assessment show assessment=\(c2)")
            #expect(after.field("total") == "68.5" && after.column("percent", in: "indicators").first == "66.67", "\(after)")
            #expect(await harness.send("gov assessment publish year=2026 by=S1").status == 409)
            // The database holds the freeze whoever writes.
            await #expect(throws: (any Error).self) {
                _ = try await harness.scalar("UPDATE governance.reviews SET good = 9 RETURNING id", as: Int64.self, asOwner: true)
            }
            // A new version of the list starts from the old one and may change.
            let next = try await harness.create("gov checklist add kind=community title=2027版")
            try await GovernanceFixture.succeed(harness, "gov checklist indicator checklist=\(next) code=I4 title=阵地 weight=30 evidence=manual")
        }
    }

    @Test func aStreetAssessesTheUnitsStationedInIt() async throws {
        try await GovernanceFixture.with { harness in
            let list = try await harness.create("gov checklist add kind=resident_unit title=驻区单位双向考核清单")
            try await GovernanceFixture.succeed(
                harness, "gov checklist indicator checklist=\(list) code=U1 title=参加联席会议 weight=50 evidence=attendance")
            #expect(await harness.send("gov assessment open unit=R1 year=2026 by=S1").status == 422, "weights add up to 50")
            try await GovernanceFixture.succeed(
                harness, "gov checklist indicator checklist=\(list) code=U2 title=认领任务按期办结 weight=50 evidence=tasks_on_time")

            let q1 = try await harness.create("gov meeting hold body=S1 held_on=2026-03-20 title=一季度 agenda=议程")
            try await GovernanceFixture.succeed(harness, "gov meeting attend meeting=\(q1) unit=R1 person=赵院长")
            let q3 = try await harness.create("gov meeting hold body=S1 held_on=2026-09-18 title=三季度 agenda=议程")
            try await GovernanceFixture.succeed(harness, "gov meeting attend meeting=\(q3) unit=R2 person=钱局长")
            let task = try await harness.create("gov task assign meeting=\(q3) title=开放停车场 unit=R1 due=2026-10-31")
            try await GovernanceFixture.succeed(harness, "gov task close task=\(task) outcome=已开放")
            let other = try await harness.create("gov task assign meeting=\(q3) title=义诊 unit=R2 due=2026-10-31")
            _ = other

            #expect(await harness.send("gov assessment open unit=R1 year=2026").status == 400)
            let notStationed = await harness.send("gov assessment open unit=R3 year=2026 by=S1")
            #expect(notStationed.status == 422 && notStationed.raw.contains("governance.assessment.not_stationed"), "\(notStationed)")
            let r1 = try await harness.create("gov assessment open unit=R1 year=2026 by=S1")
            // By hand: attended 1 of S1's 2 meetings = 50 % × 50 = 25; its one task closed after its due day = 0 % × 50 = 0.
            let shown = try await GovernanceFixture.succeed(harness, "gov assessment show assessment=\(r1)")
            #expect(shown.field("direction") == "stationed", "\(shown)")
            #expect(shown.column("achieved", in: "indicators") == ["1", "0"] && shown.column("counted", in: "indicators") == ["2", "1"], "\(shown)")
            // A stationed unit publishes without a 述职评议.
            let published = try await GovernanceFixture.succeed(harness, "gov assessment publish year=2026 by=S1")
            #expect(published.column("total") == ["25"] && published.column("grade") == ["较差"], "\(published)")
            #expect(try await GovernanceFixture.succeed(harness, "gov breakthrough list year=2027").column("unit") == ["R1", "R1"])
        }
    }
}
