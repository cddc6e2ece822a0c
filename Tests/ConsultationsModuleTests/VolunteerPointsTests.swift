import Configuration
import Foundation
import Testing
import WorkbenchKit
import WorkbenchTestSupport
@testable import ConsultationsModule

/// Hours served by a Party member become vanguard points (先锋指数) in the organizations
/// module's ledger, in the transaction that records the order done.
@Suite("Volunteer hours into vanguard points")
struct VolunteerPointsTests {
    static let rounding: [(hours: Double, points: Int)] = [(0.1, 1), (0.5, 1), (0.7, 1), (0.8, 2), (1, 2), (1.5, 3), (2.5, 5), (9.9, 20), (24, 20)]

    @Test func hoursTurnIntoPointsRoundedBetweenOneAndTheCap() {
        let rule = VolunteerPointsRule()
        for (hours, points) in Self.rounding { #expect(rule.points(forHours: hours) == points, "\(hours) h") }
        #expect(VolunteerPointsRule(perHour: 3, maximumPerOrder: 100).points(forHours: 24) == 72)
    }

    @Test func aPartyMembersHoursAppearInTheRankingAndOthersEarnNothing() async throws {
        try await ConsultationsFixture.with { harness in
            for line in [
                "consult team add code=DY01 name=红心志愿服务队 unit=S1",
                "consult volunteer add team=DY01 member=1",
                "consult volunteer add team=DY01 name=钱志愿",
                "consult volunteer add team=DY01 member=2",
            ] {
                _ = try await harness.create(line)
            }
            func serve(_ volunteer: Int, hours: String, community: String = "C1") async throws -> ReplyText {
                let order = try await harness.create(
                    "consult order place community=\(community) kind=wish category=生活照料 need=想要一台收音机 address=幸福小区5-1-302 resident=周奶奶"
                )
                for line in [
                    "consult order dispatch order=\(order) team=DY01", "consult order accept order=\(order) by=\(volunteer)",
                    "consult order claim order=\(order) volunteer=\(volunteer)",
                ] {
                    try await ConsultationsFixture.succeed(harness, line)
                }
                let done = try await ConsultationsFixture.succeed(harness, "consult order done order=\(order) hours=\(hours)")
                try await ConsultationsFixture.succeed(harness, "consult order rate order=\(order) rating=5 comment=很及时")
                return done
            }
            let first = try await serve(1, hours: "2.5")
            #expect(first.field("points") == "5", "\(first)")
            _ = try await serve(1, hours: "1", community: "C2")
            let other = try await serve(2, hours: "3")
            #expect(other.field("points") == nil || other.field("points") == "", "not a Party member: \(other)")

            let rank = try await ConsultationsFixture.succeed(harness, "org points rank unit=D1 from=2026-01-01 to=2026-12-31")
            #expect(rank.column("name") == ["王芳"])
            #expect(rank.column("points") == ["7"])
            let ledger = try await ConsultationsFixture.succeed(harness, "org points list member=1")
            #expect(ledger.column("category") == ["志愿服务", "志愿服务"])
            #expect(ledger.column("reason").first?.contains("微心愿 order") == true)

            // A member who left earns nothing; the order is still done.
            try await ConsultationsFixture.succeed(harness, "org member leave member=2 reason=transferred_out on=2026-11-18")
            let left = try await serve(3, hours: "2")
            #expect(left.status == 200 && (left.field("points") == nil || left.field("points") == ""), "\(left)")
            #expect(try await harness.scalar("SELECT count(*) FROM organizations.points", as: Int64.self) == 2)

            let volunteers = try await ConsultationsFixture.succeed(harness, "consult volunteer list team=DY01")
            #expect(volunteers.column("orders_done") == ["2", "1", "1"])
            #expect(volunteers.column("hours") == ["3.5", "3", "2"])
            #expect(volunteers.column("points") == ["7", "0", "0"])
            #expect(volunteers.column("name") == ["王*", "钱**", "李*"])
        }
    }

    @Test func theRuleComesFromConfigurationAndABadCategoryStopsStartUp() async throws {
        let config: [AbsoluteConfigKey: ConfigValue] = [
            AbsoluteConfigKey(["modules", "consultations", "volunteer_points", "per_hour"]): 4.0,
            AbsoluteConfigKey(["modules", "consultations", "volunteer_points", "category"]): "先锋作用",
        ]
        try await ConsultationsFixture.with(config: config) { harness in
            for line in ["consult team add code=DY01 name=队 unit=C1", "consult volunteer add team=DY01 member=1"] {
                _ = try await harness.create(line)
            }
            let order = try await harness.create("consult order place community=C1 category=其他 need=x address=y resident=z")
            for line in ["dispatch order=\(order) team=DY01", "accept order=\(order) by=1", "claim order=\(order) volunteer=1"] {
                try await ConsultationsFixture.succeed(harness, "consult order " + line)
            }
            let done = try await ConsultationsFixture.succeed(harness, "consult order done order=\(order) hours=1.5")
            #expect(done.field("points") == "6")
            #expect(try await harness.scalar("SELECT category FROM organizations.points", as: String.self) == "先锋作用")
        }
        let reader = ConfigReader(provider: InMemoryProvider(values: [AbsoluteConfigKey(["volunteer_points", "category"]): "打卡"]))
        #expect(throws: ModuleSettingsError.self) {
            _ = try ConsultationsSettings(config: reader, pointsCategories: ["志愿服务"])
        }
        #expect(
            try ConsultationsSettings(config: ConfigReader(provider: InMemoryProvider(values: [:])), pointsCategories: ["志愿服务"])
                == ConsultationsSettings())
    }
}
