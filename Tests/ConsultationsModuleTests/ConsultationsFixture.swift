import Configuration
import Foundation
import GridsModule
import OrganizationsModule
import WorkbenchKit
import WorkbenchTestSupport
@testable import ConsultationsModule

/// Two streets with three communities and two Party members most consultation tests start
/// from:
///
///     D1 ── S1 ── C1 ── ZB1 (grid branch)     member 1 王芳 (ZB1), member 2 李强 (C2)
///           │   └ C2
///           └ S2 ── C3
///
/// The clock stands at Wednesday 2026-11-18 10:00 Beijing time.
enum ConsultationsFixture {
    /// `2026-11-18T10:00:00+08:00`, a Wednesday.
    static let wednesday = Date(timeIntervalSince1970: 1_794_967_200)

    /// The consultations module with organizations (and, with `grids`, the grids module).
    static func with<Result: Sendable>(
        config: [AbsoluteConfigKey: ConfigValue] = [:], clock: ManualClock = ManualClock(wednesday), grids: Bool = false,
        _ body: (ModuleHarness) async throws -> Result
    ) async throws -> Result {
        let modules: [any WorkbenchModule.Type] =
            grids
            ? [OrganizationsModule.self, GridsModule.self, ConsultationsModule.self] : [OrganizationsModule.self, ConsultationsModule.self]
        return try await ModuleHarness.with(modules, config: config, clock: clock) { (harness: ModuleHarness) async throws in
            for line in [
                "org unit add code=D1 name=测试区委 kind=district",
                "org unit add code=S1 name=第一街道党工委 kind=street parent=D1",
                "org unit add code=S2 name=第二街道党工委 kind=street parent=D1",
                "org unit add code=C1 name=幸福社区党委 kind=community parent=S1",
                "org unit add code=C2 name=和平社区党委 kind=community parent=S1",
                "org unit add code=C3 name=光明社区党委 kind=community parent=S2",
                "org unit add code=ZB1 name=金桥小区党支部 kind=grid_branch parent=C1",
                "org member add name=王芳 unit=ZB1 joined_on=2012-07-01",
                "org member add name=李强 unit=C2 joined_on=2018-06-30",
            ] {
                _ = try await harness.create(line)
            }
            return try await body(harness)
        }
    }

    /// Proposes a topic in C1 and accepts it; returns its id.
    static func acceptedTopic(_ harness: ModuleHarness, title: String = "小区停车难", community: String = "C1") async throws -> Int64 {
        let id = try await harness.create(
            "consult topic propose community=\(community) title=\(title) description=\"晚间车位不足，消防通道被占\" category=停车管理 proposer=陈建国 phone=13900000011"
        )
        try await succeed(harness, "consult topic review topic=\(id) decision=accept")
        return id
    }

    /// Sends `line`, which must succeed (200 or 201).
    @discardableResult
    static func succeed(_ harness: ModuleHarness, _ line: String, as caller: ModuleHarness.As = .operator) async throws -> ReplyText {
        let reply = await harness.send(line, as: caller)
        guard reply.status == 200 || reply.status == 201 else { throw FixtureFailure(description: "\(line)\n→ \(reply.raw)") }
        return reply
    }

    /// The lines that give session `session` (on topic `topic`) everything it needs to close.
    static func fiveHaves(session: Int64, topic: Int64, votesFor: Int = 11, against: Int = 1) -> [String] {
        [
            "consult session update session=\(session) venue=小巷公议会",
            "consult session notice session=\(session) on=2026-11-17 place=小区公告栏",
            "consult session minutes session=\(session) text=\"到会12人，议定夜间开放学校操场停车\" by=李强",
            "consult session vote session=\(session) topic=\(topic) for=\(votesFor) against=\(against) resolution=\"夜间开放学校操场停车\"",
            "consult session reply session=\(session) topic=\(topic) text=\"议定夜间开放学校操场停车\" channel=公示栏",
            "consult session attend session=\(session) name=\"社区书记 王芳\" role=convener party=community_party",
            "consult session attend session=\(session) name=\"业主 陈建国\" role=stakeholder party=resident",
            "consult session attend session=\(session) name=\"物业经理 刘洋\" role=coordinator party=property_company",
        ]
    }

    /// A topic taken through a closed session with an adopted resolution: implementing.
    static func implementingTopic(_ harness: ModuleHarness) async throws -> (topic: Int64, session: Int64) {
        let topic = try await acceptedTopic(harness)
        let session = try await harness.create("consult session schedule unit=C1 topics=\(topic) at=2026-11-18T09:00")
        for line in fiveHaves(session: session, topic: topic) { try await succeed(harness, line) }
        try await succeed(harness, "consult session close session=\(session)")
        return (topic, session)
    }
}

/// A command a fixture needed did not succeed.
struct FixtureFailure: Error, CustomStringConvertible {
    var description: String
}
