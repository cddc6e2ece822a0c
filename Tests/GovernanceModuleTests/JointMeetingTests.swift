import Foundation
import Testing
import WorkbenchTestSupport
@testable import GovernanceModule

@Suite("Governance: joint meetings, tasks and compliance against a real database")
struct JointMeetingTests {
    @Test func aBodysMembersAreItsSeatsReportsAndPairings() async throws {
        try await GovernanceFixture.with { harness in
            let street = try await GovernanceFixture.succeed(harness, "gov body members body=S1")
            #expect(street.column("code") == ["R1", "R2"], "\(street)")
            #expect(street.column("via") == ["seat", "seat"], "\(street)")
            #expect(try await GovernanceFixture.succeed(harness, "gov body members body=C2").column("code") == ["R3"])
            // One body per organisation; only regional levels hold one.
            #expect(await harness.send("gov body add unit=S1 name=又一个").status == 409)
            let wrong = await harness.send("gov body add unit=R1 name=医院联席会")
            #expect(wrong.status == 422 && wrong.raw.contains("governance.body.wrong_level"), "\(wrong)")
            #expect(await harness.send("gov body add unit=C1 name=幸福社区 cadence=weekly").status == 400)
            #expect(await harness.send("gov body show body=NOPE").status == 404)
            #expect(try await GovernanceFixture.succeed(harness, "gov body show body=S1").field("cadence") == "quarterly")
        }
    }

    @Test func aQuarterlyMeetingWithAttendanceProblemsAndTwoTasksFollowedToClosing() async throws {
        try await GovernanceFixture.with { harness in
            let meeting = try await harness.create(
                "gov meeting hold body=S1 held_on=2026-09-18 title=第三季度联席会议 agenda=\"停车难；背街小巷整治\"")
            try await GovernanceFixture.succeed(harness, "gov meeting attend meeting=\(meeting) unit=R1 person=赵院长")
            try await GovernanceFixture.succeed(harness, "gov meeting attend meeting=\(meeting) unit=R2 person=钱局长")
            let twice = await harness.send("gov meeting attend meeting=\(meeting) unit=R2 person=钱局长")
            #expect(twice.status == 409 && twice.raw.contains("governance.meeting.already_attended"), "\(twice)")
            let outsider = await harness.send("gov meeting attend meeting=\(meeting) unit=R3 person=孙经理")
            #expect(outsider.status == 422 && outsider.raw.contains("governance.meeting.not_a_member"), "\(outsider)")
            let problem = try await harness.create("gov meeting problem meeting=\(meeting) summary=夜间停车位不足 unit=R1")
            try await GovernanceFixture.succeed(harness, "gov meeting decide meeting=\(meeting) decisions=错时开放单位停车场")

            let first = try await harness.create(
                "gov task assign meeting=\(meeting) title=错时开放停车场 unit=R1 due=2026-10-31 problem=\(problem)")
            let second = try await harness.create("gov task assign meeting=\(meeting) title=路灯维修 unit=R2 due=2026-10-15")
            #expect(await harness.send("gov task assign meeting=\(meeting) title=x unit=R1 department=区城管局 due=2026-10-15").status == 400)
            #expect(await harness.send("gov task assign meeting=\(meeting) title=x department=区城管局 due=2026-09-01").status == 400)
            #expect(await harness.send("gov task assign meeting=\(meeting) title=x unit=R3 due=2026-10-15").status == 422)

            // Both are overdue on 2026-11-18 until closed.
            #expect(try await GovernanceFixture.succeed(harness, "gov task overdue scope=S1").column("id") == ["\(first)", "\(second)"])
            try await GovernanceFixture.succeed(harness, "gov task progress task=\(first) note=已签协议 progress=60")
            try await GovernanceFixture.succeed(harness, "gov task close task=\(first) outcome=开放车位120个")
            try await GovernanceFixture.succeed(harness, "gov task close task=\(second) outcome=路灯已修复")
            let again = await harness.send("gov task close task=\(second) outcome=再次")
            #expect(again.status == 409 && again.raw.contains("governance.task.closed"), "\(again)")
            #expect(try await GovernanceFixture.succeed(harness, "gov task overdue scope=S1").rows.isEmpty)

            let shown = try await GovernanceFixture.succeed(harness, "gov meeting show meeting=\(meeting)")
            #expect(shown.column("code", in: "attendance") == ["R1", "R2"], "\(shown)")
            #expect(shown.column("status", in: "tasks") == ["done", "done"], "\(shown)")
            let task = try await GovernanceFixture.succeed(harness, "gov task show task=\(first)")
            #expect(task.field("on_time") == "false" && task.field("progress") == "100", "\(task)")
            #expect(task.column("progress", in: "notes") == ["60", "100"], "\(task)")
        }
    }

    @Test func complianceListsEachQuarterWithoutAMeetingAndTheRunningOneAsDue() async throws {
        try await GovernanceFixture.with { harness in
            _ = try await harness.create("gov meeting hold body=S1 held_on=2026-03-20 title=一季度 agenda=议程")
            _ = try await harness.create("gov meeting hold body=S1 held_on=2026-09-18 title=三季度 agenda=议程")
            let report = try await GovernanceFixture.succeed(harness, "gov compliance scope=S1")
            let gaps = report.section("gaps").map { "\($0["organisation"]!) \($0["period"]!) \($0["state"]!)" }
            #expect(
                gaps == [
                    "C2 2026Q1 missed", "C2 2026Q2 missed", "C2 2026Q3 missed", "C2 2026Q4 due", "S1 2026Q2 missed", "S1 2026Q4 due",
                ], "\(report)")
            #expect(report.column("code", in: "without_body") == ["C1"], "\(report)")
            #expect(report.field("missed_periods") == "4", "\(report)")

            // A monthly body has twelve periods a year: C2 set to monthly misses Jan–Oct.
            try await GovernanceFixture.succeed(harness, "gov body update body=C2 cadence=monthly")
            let monthly = try await GovernanceFixture.succeed(harness, "gov compliance scope=C2")
            #expect(monthly.section("gaps").filter { $0["state"] == "missed" }.count == 10, "\(monthly)")
            #expect(monthly.section("gaps").last?["period"] == "2026-11", "\(monthly)")
            // A body set up mid-year counts from its since day on.
            try await GovernanceFixture.succeed(harness, "gov body add unit=C1 name=幸福社区 since=2026-10-01")
            let fresh = try await GovernanceFixture.succeed(harness, "gov compliance scope=C1")
            #expect(fresh.section("gaps").map { $0["period"] ?? "" } == ["2026Q4"], "\(fresh)")
        }
    }

    @Test func statsBreakDownByChildAndQuarterAndAddUp() async throws {
        try await GovernanceFixture.with { harness in
            let meeting = try await harness.create("gov meeting hold body=S1 held_on=2026-03-20 title=一季度 agenda=议程")
            try await GovernanceFixture.succeed(harness, "gov meeting attend meeting=\(meeting) unit=R1 person=赵院长")
            let task = try await harness.create("gov task assign meeting=\(meeting) title=整治 unit=R2 due=2026-04-30")
            try await GovernanceFixture.succeed(harness, "gov task close task=\(task) outcome=完成")
            _ = try await harness.create("gov task assign meeting=\(meeting) title=修路 department=区住建局 due=2026-06-30")
            _ = try await harness.create("gov meeting hold body=C2 held_on=2026-05-10 title=二季度 agenda=议程")

            let byQuarter = try await GovernanceFixture.succeed(harness, "gov stats scope=S1 by=quarter")
            #expect(byQuarter.column("period") == ["2026Q1", "2026Q2", "2026Q3", "2026Q4", "total"], "\(byQuarter)")
            #expect(byQuarter.column("meetings") == ["1", "1", "0", "0", "2"], "\(byQuarter)")
            // Six quarters have ended (Q1–Q3 of two bodies); four held no meeting.
            #expect(byQuarter.column("periods_ended").last == "6" && byQuarter.column("periods_missed").last == "4", "\(byQuarter)")
            // Closed on the fixture's day 2026-11-18, after its due day: late; the department's task is overdue.
            #expect(byQuarter.column("tasks_done_late").last == "1" && byQuarter.column("tasks_overdue").last == "1", "\(byQuarter)")

            let byChild = try await GovernanceFixture.succeed(harness, "gov stats scope=S1 by=child")
            #expect(byChild.column("organisation") == ["C2", "total"], "\(byChild)")
            #expect(byChild.column("meetings") == ["1", "2"], "\(byChild)")
            let total = try await GovernanceFixture.succeed(harness, "gov stats scope=S1")
            #expect(total.column("attendances") == ["1"] && total.column("bodies") == ["2"], "\(total)")
        }
    }
}
