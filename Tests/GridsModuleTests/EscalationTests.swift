import Configuration
import Foundation
import Logging
import Testing
import WorkbenchKit
import WorkbenchPostgres
import WorkbenchTestSupport
@testable import GridsModule

/// The daemon's own escalation, driven by a clock the tests move: no sleeping.
@Suite("Automatic escalation (吹哨报到) and warnings")
struct EscalationTests {
    static func events(_ harness: ModuleHarness, _ id: Int64, kind: String) async throws -> Int {
        try await harness.scalar("SELECT count(*)::int FROM grids.case_events WHERE case_id = $1 AND kind = $2", [id, kind])
    }

    static func level(_ harness: ModuleHarness, _ id: Int64) async throws -> String {
        try await harness.scalar("SELECT level FROM grids.cases WHERE id = $1", [id])
    }

    @Test func warnsOnceThenEscalatesOnceAtTheDeadline() async throws {
        let clock = ManualClock(GridsFixture.monday)
        try await GridsFixture.with(clock: clock) { (harness: ModuleHarness) async throws in
            let sweeper = GridsFixture.module(harness).escalation.job
            // Complex, normal: due the end of Wednesday (63 h); 80 % is Wednesday 03:24.
            let id = try await harness.create("grid case report grid=W1 category=乱停车 description=占道")
            #expect(try await sweeper.sweep(at: clock.now) == .init())
            clock.set(GridsFixture.monday.addingTimeInterval(50 * 3600))
            #expect(try await sweeper.sweep(at: clock.now).warned == 0, "before 80 %")
            clock.set(GridsFixture.monday.addingTimeInterval(51 * 3600))
            #expect(try await sweeper.sweep(at: clock.now).warned == 1)
            #expect(try await sweeper.sweep(at: clock.now).warned == 0, "once")
            #expect(try await Self.events(harness, id, kind: "warning") == 1)

            clock.set(GridsFixture.monday.addingTimeInterval(63 * 3600 + 60))
            let outcome = try await sweeper.sweep(at: clock.now)
            #expect(outcome.escalated == 1)
            #expect(try await sweeper.sweep(at: clock.now).escalated == 0, "idempotent")
            #expect(try await Self.level(harness, id) == "community")
            // The community's clock starts at the missed deadline, Thursday 00:00; Thursday is not
            // counted, so its 3 working days are Friday, Monday and Tuesday.
            let shown = await harness.send("grid case show case=\(id)")
            #expect(shown.field("due_at") == "2026-05-20T00:00:00+08:00")
            #expect(shown.field("missed_deadlines") == "1")
            #expect(
                shown.section("timeline").contains {
                    $0["kind"] == "escalated" && $0["actor"] == "dangjiand" && $0["from_level"] == "complex" && $0["to_level"] == "community"
                }, "\(shown)")
            #expect(await harness.send("grid case resolve case=\(id) note=x").status == 409, "still reported: accept first")
            #expect(await harness.send("grid case accept case=\(id)").status == 200)
            #expect(await harness.send("grid case resolve case=\(id) note=x").field("resolved_on_time") == "false", "a missed deadline counts")
        }
    }

    @Test func catchesUpAfterDowntimeAndStopsAtTheStreet() async throws {
        let clock = ManualClock(GridsFixture.monday)
        try await GridsFixture.with(clock: clock) { (harness: ModuleHarness) async throws in
            let sweeper = GridsFixture.module(harness).escalation.job
            let id = try await harness.create("grid case report grid=W1 category=乱停车 description=占道")
            // Down for a month: complex → community → street, then overdue at the street, once.
            clock.set(GridsFixture.monday.addingTimeInterval(30 * 86_400))
            let outcome = try await sweeper.sweep(at: clock.now)
            #expect(outcome.escalated == 2)
            #expect(outcome.overdue == 1)
            #expect(outcome.warned == 0, "no warning for a clock already run out")
            #expect(try await Self.level(harness, id) == "street")
            #expect(try await sweeper.sweep(at: clock.now) == .init())
            clock.advance(by: 86_400)
            #expect(try await sweeper.sweep(at: clock.now) == .init(), "the overdue note is recorded once")
            // The events carry the times they should have happened: the complex's deadline
            // (Thu 14 00:00), the community's 3 working days later (Wed 20 00:00), the street's 5
            // working days after that (Thu 28 00:00).
            let times: String = try await harness.scalar(
                "SELECT string_agg(to_char(at AT TIME ZONE 'Asia/Shanghai', 'MM-DD HH24:MI') || ' ' || kind, ', ' ORDER BY id) FROM "
                    + "grids.case_events WHERE case_id = $1 AND actor = 'dangjiand'",
                [id]
            )
            #expect(times == "05-14 00:00 escalated, 05-20 00:00 escalated, 05-28 00:00 overdue")
            #expect(await harness.send("grid case overdue").column("level") == ["street"])
        }
    }

    @Test func twoDaemonsOnOneDatabaseEscalateExactlyOnce() async throws {
        let clock = ManualClock(GridsFixture.monday)
        try await GridsFixture.with(clock: clock) { (harness: ModuleHarness) async throws in
            var ids: [Int64] = []
            for index in 0..<30 {
                ids.append(try await harness.create("grid case report grid=W\(index % 3 + 1) category=乱停车 description=占道\(index)"))
            }
            // A second daemon: its own module instance and pool on the same database.
            let first = GridsFixture.module(harness).escalation.job
            var second = try await GridsModule(
                context: ModuleContext(
                    config: ConfigReader(provider: InMemoryProvider(values: [:])), logger: Logger(label: "second"), database: harness.pool,
                    clock: clock, timeZone: TimeZone(identifier: "Asia/Shanghai")!
                )
            ).escalation.job
            second.batchSize = 7
            clock.set(GridsFixture.monday.addingTimeInterval(63 * 3600 + 60))
            for _ in 0..<3 {
                async let a = first.sweep(at: clock.now)
                async let b = second.sweep(at: clock.now)
                _ = try await (a, b)
            }
            let escalations: Int = try await harness.scalar("SELECT count(*)::int FROM grids.case_events WHERE kind = 'escalated'")
            #expect(escalations == 30)
            let perCase: Int = try await harness.scalar(
                "SELECT max(n)::int FROM (SELECT count(*) AS n FROM grids.case_events WHERE kind = 'escalated' GROUP BY case_id) c"
            )
            #expect(perCase == 1)
            let levels: Int = try await harness.scalar("SELECT count(*)::int FROM grids.cases WHERE level = 'community'")
            #expect(levels == 30)
        }
    }

    @Test func aDaemonSkipsWhileAnotherHoldsTheLock() async throws {
        let clock = ManualClock(GridsFixture.monday)
        try await GridsFixture.with(clock: clock) { (harness: ModuleHarness) async throws in
            let sweeper = GridsFixture.module(harness).escalation.job
            let id = try await harness.create("grid case report grid=W1 category=乱停车 description=占道")
            clock.set(GridsFixture.monday.addingTimeInterval(70 * 3600))
            try await harness.pool.withTransaction { session in
                _ = try await session.query(PostgresStatement(unnamed: "SELECT pg_advisory_xact_lock($1)"), [EscalationSweeper.lockKey])
                #expect(try await sweeper.sweep(at: clock.now).skipped)
            }
            #expect(try await Self.level(harness, id) == "complex")
            #expect(try await sweeper.sweep(at: clock.now).escalated == 1)
        }
    }

    @Test func theServiceSweepsOnItsOwn() async throws {
        let clock = ManualClock(GridsFixture.monday)
        let config: [AbsoluteConfigKey: ConfigValue] = ["modules.grids.sweep_interval_seconds": .init(.double(0.1), isSecret: false)]
        try await GridsFixture.with(config: config, clock: clock) { (harness: ModuleHarness) async throws in
            let id = try await harness.create("grid case report grid=W1 category=乱停车 description=占道")
            clock.set(GridsFixture.monday.addingTimeInterval(63 * 3600 + 60))
            let service = GridsFixture.module(harness).escalation
            let escalated = try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    try await service.run()
                    return false
                }
                group.addTask {
                    // Poll the database (not the clock) until the service has acted.
                    for _ in 0..<200 {
                        if try await Self.level(harness, id) == "community" { return true }
                        try await Task.sleep(for: .milliseconds(50))
                    }
                    return false
                }
                let result = try await group.next()!
                group.cancelAll()
                return result
            }
            #expect(escalated)
        }
    }
}
