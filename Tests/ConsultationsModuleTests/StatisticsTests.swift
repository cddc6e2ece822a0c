import Foundation
import Testing
import WorkbenchPostgres
import WorkbenchTestSupport
@testable import ConsultationsModule

@Suite("consult stats against a real database")
struct StatisticsTests {
    @Test func theFiguresCountTopicsSessionsActionsAndOrdersInScopeAndPeriod() async throws {
        let clock = ManualClock(ConsultationsFixture.wednesday)
        try await ConsultationsFixture.with(clock: clock) { harness in
            let (topic, _) = try await ConsultationsFixture.implementingTopic(harness)
            _ = try await harness.create("consult topic propose community=C2 title=垃圾分类 description=x category=环境卫生 source=assigned proposer=街道")
            _ = try await harness.create("consult topic propose community=C3 title=路灯 description=x category=公共设施 proposer=赵六")
            let onTime = try await harness.create("consult action add topic=\(topic) title=a owner=C1 due=2026-11-18")
            let late = try await harness.create("consult action add topic=\(topic) title=b owner=C1 due=2026-11-19")
            try await ConsultationsFixture.succeed(harness, "consult action done action=\(onTime)")
            for line in [
                "consult team add code=DY01 name=队 unit=C1", "consult volunteer add team=DY01 member=1",
                "consult order place community=C1 category=跑腿代办 need=x address=y resident=z",
                "consult order place community=C2 category=跑腿代办 need=x address=y resident=z",
            ] {
                _ = try await harness.create(line)
            }
            for line in ["dispatch order=1 team=DY01", "accept order=1 by=1", "claim order=1 volunteer=1"] {
                try await ConsultationsFixture.succeed(harness, "consult order " + line)
            }
            clock.set(ConsultationsFixture.wednesday.addingTimeInterval(2 * 86_400 + 3 * 3_600))
            try await ConsultationsFixture.succeed(harness, "consult order done order=1 hours=2")
            try await ConsultationsFixture.succeed(harness, "consult order rate order=1 rating=4")
            try await ConsultationsFixture.succeed(harness, "consult action done action=\(late)")

            let stats = try await ConsultationsFixture.succeed(harness, "consult stats scope=S1 from=2026-11-01 to=2026-11-30")
            func value(_ figure: String, _ item: String) -> String? {
                stats.rows.first { $0["figure"] == figure && $0["item"] == item }?["value"]
            }
            #expect(value("topics by category", "停车管理") == "1")
            #expect(value("topics by category", "环境卫生") == "1")
            #expect(value("topics by category", "公共设施") == nil, "C3 is outside S1")
            #expect(value("topics by source", "resident 群众提") == "1")
            #expect(value("topics by source", "assigned 上级点") == "1")
            #expect(value("settled by category", "停车管理") == "1")
            #expect(value("sessions", "closed") == "1")
            #expect(value("five haves (closed sessions)", "有标识 notice up by the session's day") == "1")
            #expect(value("five haves (closed sessions)", "有落实 adopted topics settled") == "1 of 1")
            #expect(value("actions due in period", "done_on_time") == "1")
            #expect(value("actions due in period", "done_late") == "1")
            #expect(value("actions due in period", "on-time share of done") == "50")
            #expect(value("orders by status", "rated") == "1")
            #expect(value("orders by status", "placed") == "1")
            #expect(value("orders", "total") == "2")
            #expect(value("orders", "mean hours placed → done") == "51.0")
            #expect(value("orders", "hours served") == "2.0")
            #expect(value("orders", "mean rating") == "4.00")
            #expect(value("orders", "vanguard points earned") == "4")

            // Side by side: one row per community of S1, and the total, which agrees with the figures above.
            let byChild = try await ConsultationsFixture.succeed(harness, "consult stats scope=S1 by=child from=2026-11-01 to=2026-11-30")
            #expect(byChild.column("organisation") == ["C1", "C2", "total"], "\(byChild.raw)")
            #expect(byChild.column("topics") == ["1", "1", "2"])
            #expect(byChild.column("topics_settled") == ["1", "0", "1"])
            #expect(byChild.column("sessions_closed") == ["1", "0", "1"])
            #expect(byChild.column("actions_due") == ["2", "0", "2"])
            #expect(byChild.column("action_on_time_rate") == ["50", "", "50"])
            #expect(byChild.column("orders") == ["1", "1", "2"])
            #expect(byChild.column("hours_served") == ["2", "0", "2"])
            let byMonth = try await ConsultationsFixture.succeed(harness, "consult stats scope=S1 by=month from=2026-10-15 to=2026-11-30")
            #expect(byMonth.column("period") == ["2026-10", "2026-11", "total"], "\(byMonth.raw)")
            #expect(byMonth.column("topics") == ["0", "2", "2"])
            let byQuarter = try await ConsultationsFixture.succeed(harness, "consult stats by=quarter from=2026-01-01 to=2026-12-31")
            #expect(byQuarter.column("period") == ["2026Q1", "2026Q2", "2026Q3", "2026Q4", "total"])
            #expect(byQuarter.column("topics").last == "3", "everywhere: C3's topic too")

            let empty = try await ConsultationsFixture.succeed(harness, "consult stats scope=S2 from=2026-01-01 to=2026-10-31")
            #expect(empty.rows.first { $0["item"] == "total" && $0["figure"] == "orders" }?["value"] == "0")
            let backwards = await harness.send("consult stats from=2026-12-01 to=2026-11-01")
            #expect(backwards.status == 400)
        }
    }
}
