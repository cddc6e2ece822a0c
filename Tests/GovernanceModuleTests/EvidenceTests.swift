import ConsultationsModule
import Foundation
import GridsModule
import PropertyModule
import Testing
import WorkbenchTestSupport
@testable import GovernanceModule

/// Assessment evidence read from the other modules: grid cases resolved on time, venues
/// covered, members who earned points; and an indicator whose module is not loaded.
@Suite("Governance: assessment evidence from the other modules against a real database")
struct EvidenceTests {
    @Test func casesCoverageAndPointsAreCountedInTheAssessedSubtree() async throws {
        try await GovernanceFixture.with(extraModules: [GridsModule.self]) { harness in
            let list = try await harness.create("gov checklist add kind=community title=清单")
            for line in [
                "code=I1 title=网格事件按时办结 weight=40 evidence=cases_on_time",
                "code=I2 title=两个全覆盖 weight=30 evidence=coverage",
                "code=I3 title=党员先锋指数 weight=30 evidence=points",
            ] {
                try await GovernanceFixture.succeed(harness, "gov checklist indicator checklist=\(list) " + line)
            }
            for line in [
                "grid add code=W1 name=幸福一网格 community=C1 households=10",
                "grid add code=W3 name=和平一网格 community=C2 households=10",
                // C1: one case resolved at once (on time), one reported in June and resolved now (late).
                "grid case report grid=W1 category=乱停车 description=消防通道被占",
                "grid case report grid=W1 category=乱停车 description=楼道堆物 at=2026-06-01T09:00",
                // C2's case does not count for C1.
                "grid case report grid=W3 category=乱停车 description=占道",
                "org member add name=王芳 unit=C1 joined_on=2010-07-01",
                "org member add name=李强 unit=C1 joined_on=2012-07-01",
                "org points add member=1 category=志愿服务 points=5 reason=社区义诊",
                "org venue add name=幸福商务楼 kind=office_building area=C1 employees=100 members=5",
                "org venue cover venue=1 unit=C1",
            ] {
                _ = try await GovernanceFixture.succeed(harness, line)
            }
            for code in ["GC-2026-000001", "GC-2026-000002", "GC-2026-000003"] {
                try await GovernanceFixture.succeed(harness, "grid case accept case=\(code)")
                try await GovernanceFixture.succeed(harness, "grid case resolve case=\(code) note=已处置")
            }
            let assessment = try await harness.create("gov assessment open unit=C1 year=2026")
            let shown = try await GovernanceFixture.succeed(harness, "gov assessment show assessment=\(assessment)")
            #expect(shown.column("achieved", in: "indicators") == ["1", "1", "1"], "\(shown)")
            #expect(shown.column("counted", in: "indicators") == ["2", "1", "2"], "\(shown)")
            // 50 % × 40 + 100 % × 30 + 50 % × 30 = 65.
            #expect(shown.field("provisional_total") == "65", "\(shown)")
            #expect(shown.column("source", in: "indicators").first?.contains("grid stats scope=C1 from=2026-01-01 to=2026-11-18") == true)
        }
    }

    @Test func complaintsResolvedByTheir2310DeadlineAreCounted() async throws {
        try await GovernanceFixture.with(extraModules: [GridsModule.self, PropertyModule.self]) { harness in
            let list = try await harness.create("gov checklist add kind=community title=清单")
            try await GovernanceFixture.succeed(
                harness, "gov checklist indicator checklist=\(list) code=P1 title=物业投诉按时办结 weight=100 evidence=complaints_on_time")
            for line in [
                "prop company add name=红心物业 credit_code=91350982MA2XY00019",
                "prop complex add code=XQ1 name=金桥小区 address=桐江路8号 community=C1 homes=640 company=91350982MA2XY00019 from=2026-01-01",
                "prop complex add code=XQ2 name=和平小区 address=和平路1号 community=C2 homes=300 company=91350982MA2XY00019 from=2026-01-01",
                // C1: one complaint resolved at once, one filed in June and resolved now (late); C2's does not count.
                "prop complaint file complex=XQ1 severity=major subject=电梯 description=电梯停运",
                "prop complaint file complex=XQ1 severity=major subject=电梯 description=电梯异响 at=2026-06-01T09:00",
                "prop complaint file complex=XQ2 severity=major subject=电梯 description=电梯停运",
            ] {
                _ = try await GovernanceFixture.succeed(harness, line)
            }
            for complaint in 1...3 {
                try await GovernanceFixture.succeed(harness, "prop complaint ack complaint=\(complaint)")
                try await GovernanceFixture.succeed(harness, "prop complaint resolve complaint=\(complaint) note=已修复")
            }
            let assessment = try await harness.create("gov assessment open unit=C1 year=2026")
            let shown = try await GovernanceFixture.succeed(harness, "gov assessment show assessment=\(assessment)")
            #expect(shown.column("achieved", in: "indicators") == ["1"] && shown.column("counted", in: "indicators") == ["2"], "\(shown)")
            #expect(shown.field("provisional_total") == "50", "\(shown)")
        }
    }

    @Test func sessionsClosedWithTheFiveHavesAreCounted() async throws {
        try await GovernanceFixture.with(extraModules: [ConsultationsModule.self]) { harness in
            let list = try await harness.create("gov checklist add kind=community title=清单")
            try await GovernanceFixture.succeed(
                harness, "gov checklist indicator checklist=\(list) code=S1 title=协商议事五有 weight=100 evidence=sessions_five_haves")
            let topic = try await harness.create(
                "consult topic propose community=C1 title=小区停车难 description=车位不足 category=停车管理 proposer=陈建国 at=2026-11-01T09:00")
            try await GovernanceFixture.succeed(harness, "consult topic review topic=\(topic) decision=accept")
            let closed = try await harness.create("consult session schedule unit=C1 topics=\(topic) at=2026-11-18T09:00")
            for line in [
                "consult session update session=\(closed) venue=小巷公议会",
                "consult session notice session=\(closed) on=2026-11-17 place=小区公告栏",
                "consult session minutes session=\(closed) text=\"到会12人\" by=李强",
                "consult session vote session=\(closed) topic=\(topic) for=11 against=1 resolution=\"夜间开放学校操场停车\"",
                "consult session reply session=\(closed) topic=\(topic) text=\"议定夜间开放\" channel=公示栏",
                "consult session attend session=\(closed) name=\"社区书记 王芳\" role=convener party=community_party",
                "consult session attend session=\(closed) name=\"业主 陈建国\" role=stakeholder party=resident",
                "consult session attend session=\(closed) name=\"物业经理 刘洋\" role=coordinator party=property_company",
                "consult session close session=\(closed)",
            ] {
                try await GovernanceFixture.succeed(harness, line)
            }
            // A second topic's session held but not closed (no minutes, no vote): it lacks the five haves.
            let other = try await harness.create(
                "consult topic propose community=C1 title=广场舞噪音 description=音响过大 category=邻里纠纷 proposer=张明 at=2026-11-01T09:00")
            try await GovernanceFixture.succeed(harness, "consult topic review topic=\(other) decision=accept")
            _ = try await harness.create("consult session schedule unit=C1 topics=\(other) at=2026-11-18T09:30")
            let assessment = try await harness.create("gov assessment open unit=C1 year=2026")
            let shown = try await GovernanceFixture.succeed(harness, "gov assessment show assessment=\(assessment)")
            #expect(shown.column("achieved", in: "indicators") == ["1"] && shown.column("counted", in: "indicators") == ["2"], "\(shown)")
        }
    }

    @Test func attendanceIsTheMembersPresentOfMembersTimesMeetings() async throws {
        try await GovernanceFixture.with { harness in
            let list = try await harness.create("gov checklist add kind=street title=街道党工委书记责任清单")
            try await GovernanceFixture.succeed(
                harness, "gov checklist indicator checklist=\(list) code=A1 title=成员单位出席 weight=100 evidence=attendance")
            let first = try await harness.create("gov meeting hold body=S1 held_on=2026-03-20 title=一季度 agenda=议程")
            let second = try await harness.create("gov meeting hold body=S1 held_on=2026-06-20 title=二季度 agenda=议程")
            for line in [
                "gov meeting attend meeting=\(first) unit=R1 person=赵院长", "gov meeting attend meeting=\(first) unit=R2 person=钱局长",
                "gov meeting attend meeting=\(second) unit=R1 person=赵院长",
            ] {
                try await GovernanceFixture.succeed(harness, line)
            }
            // S1's two members (R1, R2) at two meetings: 3 of 4 places taken. D1 assesses S1.
            let assessment = try await harness.create("gov assessment open unit=S1 year=2026")
            let shown = try await GovernanceFixture.succeed(harness, "gov assessment show assessment=\(assessment)")
            #expect(shown.field("assessor") == "D1", "\(shown)")
            #expect(shown.column("achieved", in: "indicators") == ["3"] && shown.column("counted", in: "indicators") == ["4"], "\(shown)")
            #expect(shown.column("percent", in: "indicators") == ["75"], "\(shown)")
        }
    }

    @Test func anIndicatorWhoseModuleIsNotLoadedSaysSo() async throws {
        try await GovernanceFixture.with { harness in
            let list = try await harness.create("gov checklist add kind=community title=清单")
            try await GovernanceFixture.succeed(
                harness, "gov checklist indicator checklist=\(list) code=I1 title=网格事件按时办结 weight=100 evidence=cases_on_time")
            let assessment = try await harness.create("gov assessment open unit=C1 year=2026")
            let shown = try await GovernanceFixture.succeed(harness, "gov assessment show assessment=\(assessment)")
            #expect(shown.column("source", in: "indicators") == ["no evidence: the grids module is not loaded"], "\(shown)")
            #expect(shown.column("percent", in: "indicators") == ["0"], "\(shown)")
        }
    }
}
