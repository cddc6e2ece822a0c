import Foundation
import Testing
import WorkbenchTestSupport
@testable import GovernanceModule

/// Organisation-scoped access to joint meetings and assessments: street S1's operator works
/// its bodies, meetings and the assessments it makes; street S2's sees none of them; community
/// C2's viewer reads its own assessment.
@Suite("Governance under organisation-scoped access (row-level security)")
struct ScopedGovernanceTests {
    static let streetA = ModuleHarness.As.held(.operator, to: ["S1"])
    static let streetB = ModuleHarness.As.held(.operator, to: ["S2"])
    static let communityC2 = ModuleHarness.As.held(.viewer, to: ["C2"])

    @Test func eachStreetSeesAndWorksItsOwnBodiesAndAssessments() async throws {
        try await GovernanceFixture.with { harness in
            _ = try await harness.create("gov body add unit=S2 name=第二街道大工委联席会议 since=2026-01-01")
            #expect(await harness.send("gov body list", as: Self.streetA).column("organisation") == ["S1", "C2"])
            #expect(await harness.send("gov body list", as: Self.streetB).column("organisation") == ["S2"])
            #expect(await harness.send("gov body show body=S2", as: Self.streetA).status == 404)
            #expect(await harness.send("gov compliance scope=S2", as: Self.streetA).status == 403)

            // S1's operator holds its meeting with its part-time members (units outside its subtree).
            let meeting = try await GovernanceFixture.succeed(
                harness, "gov meeting hold body=S1 held_on=2026-09-18 title=三季度 agenda=议程", as: Self.streetA)
            let id = try #require(meeting.field("id"))
            try await GovernanceFixture.succeed(harness, "gov meeting attend meeting=\(id) unit=R1 person=赵院长", as: Self.streetA)
            #expect(await harness.send("gov meeting show meeting=\(id)", as: Self.streetB).status == 404)
            #expect(await harness.send("gov meeting hold body=S2 held_on=2026-09-18 title=x agenda=y", as: Self.streetA).status == 404)

            // Compliance without a scope is the caller's subtree: S1's and C2's gaps, C1 without a body; nothing of S2's.
            let gaps = await harness.send("gov compliance", as: Self.streetA)
            #expect(Set(gaps.column("organisation", in: "gaps")) == ["S1", "C2"], "\(gaps)")
            #expect(gaps.column("code", in: "without_body") == ["C1"], "\(gaps)")
            #expect(Set(await harness.send("gov compliance", as: Self.streetB).column("organisation", in: "gaps")) == ["S2"])

            // The street assesses its community; the community reads it, the other street does not.
            let list = try await harness.create("gov checklist add kind=community title=清单")
            try await GovernanceFixture.succeed(
                harness, "gov checklist indicator checklist=\(list) code=I1 title=按季开会 weight=100 evidence=meetings_held")
            let assessment = try await GovernanceFixture.succeed(harness, "gov assessment open unit=C2 year=2026", as: Self.streetA)
            let assessmentID = try #require(assessment.field("id"))
            #expect(await harness.send("gov assessment show assessment=\(assessmentID)", as: Self.communityC2).status == 200)
            #expect(await harness.send("gov assessment show assessment=\(assessmentID)", as: Self.streetB).status == 404)
            #expect(await harness.send("gov assessment open unit=C3 year=2026", as: Self.streetA).status == 404)
        }
    }
}
