import Configuration
import Foundation
import Testing
import WorkbenchKit
import WorkbenchPostgres
import WorkbenchTestSupport
@testable import PropertyModule

@Suite("The complaint clock service")
struct ComplaintClockTests {
    static func events(_ harness: ModuleHarness, _ kind: String) async throws -> Int {
        try await harness.scalar("SELECT count(*)::int FROM property.complaint_events WHERE kind = $1", [kind])
    }

    @Test func warnsAtTheShareAndNotesTheDeadlineOnceEach() async throws {
        let clock = ManualClock(PropertyFixture.friday)
        try await PropertyFixture.with(clock: clock) { (harness: ModuleHarness) async throws in
            // Filed Friday 09:00, due Monday 00:00 (63 h): the warning is due at 80 %, 50.4 h in.
            _ = try await harness.create("prop complaint file complex=XQ1 severity=ordinary subject=电梯 description=停运")
            let sweeper = PropertyFixture.module(harness).complaintClock.job
            #expect(try await sweeper.sweep(at: PropertyFixture.beijing("2026-09-27T11:00")) == .init())
            #expect(try await sweeper.sweep(at: PropertyFixture.beijing("2026-09-27T11:30")) == .init(warned: 1))
            #expect(try await sweeper.sweep(at: PropertyFixture.beijing("2026-09-27T12:00")) == .init())
            #expect(try await sweeper.sweep(at: PropertyFixture.beijing("2026-09-28T00:00")) == .init(overdue: 1))
            #expect(try await sweeper.sweep(at: PropertyFixture.beijing("2026-09-29T00:00")) == .init())
            let shown = await harness.send("prop complaint show complaint=1")
            let timeline = shown.section("timeline")
            #expect(
                timeline.contains {
                    $0["at"] == "2026-09-27T11:24:00+08:00" && $0["kind"] == "warning" && $0["actor"] == "dangjiand"
                        && $0["note"] == "80 % of the time used; deadline 2026-09-28 00:00"
                }, "\(shown)")
            #expect(
                timeline.contains {
                    $0["at"] == "2026-09-28T00:00:00+08:00" && $0["kind"] == "overdue"
                        && $0["note"]?.hasPrefix("the 2310 deadline (ordinary: 2 days)") == true
                }, "\(shown)")
        }
    }

    @Test func aDaemonThatWasDownCatchesUpWithTheRightDatesAndNoStaleWarning() async throws {
        let clock = ManualClock(PropertyFixture.friday)
        try await PropertyFixture.with(clock: clock) { (harness: ModuleHarness) async throws in
            for _ in 0..<3 {
                _ = try await harness.create("prop complaint file complex=XQ2 severity=important subject=保洁 description=垃圾未清")
            }
            var sweeper = PropertyFixture.module(harness).complaintClock.job
            sweeper.batchSize = 2
            // A week later: each is past its deadline, so each gets an overdue event and no warning.
            #expect(try await sweeper.sweep(at: PropertyFixture.beijing("2026-10-02T09:00")) == .init(overdue: 3))
            #expect(try await Self.events(harness, "warning") == 0)
            let dated: Int = try await harness.scalar(
                "SELECT count(*)::int FROM property.complaint_events WHERE kind = 'overdue' AND at = '2026-09-29T00:00:00+08'"
            )
            #expect(dated == 3)
            // A reopened complaint past its deadline is noted again.
            _ = await harness.send("prop complaint ack complaint=1")
            _ = await harness.send("prop complaint resolve complaint=1 note=x")
            _ = await harness.send("prop complaint reopen complaint=1 reason=y")
            #expect(try await sweeper.sweep(at: PropertyFixture.beijing("2026-10-02T10:00")) == .init(overdue: 1))
        }
    }

    @Test func twoDaemonsNeverRecordAnEventTwice() async throws {
        let clock = ManualClock(PropertyFixture.friday)
        try await PropertyFixture.with(clock: clock) { (harness: ModuleHarness) async throws in
            for index in 0..<30 {
                _ = try await harness.create("prop complaint file complex=XQ\(index % 3 + 1) severity=ordinary subject=电梯 description=\(index)")
            }
            let first = PropertyFixture.module(harness).complaintClock.job
            let second = ComplaintSweeper(
                warningShare: 0.8, database: harness.pool, timeZone: TimeZone(identifier: "Asia/Shanghai")!, logger: .init(label: "second"))
            for instant in ["2026-09-27T12:00", "2026-09-28T01:00", "2026-09-28T02:00"] {
                let at = PropertyFixture.beijing(instant)
                async let a = first.sweep(at: at)
                async let b = second.sweep(at: at)
                _ = try await (a, b)
            }
            #expect(try await Self.events(harness, "warning") == 30)
            #expect(try await Self.events(harness, "overdue") == 30)
        }
    }

    @Test func aSweeperSkipsWhileAnotherHoldsTheLock() async throws {
        try await PropertyFixture.with { (harness: ModuleHarness) async throws in
            let sweeper = PropertyFixture.module(harness).complaintClock.job
            try await harness.pool.withTransaction { session in
                _ = try await session.query(PostgresStatement(unnamed: "SELECT pg_advisory_xact_lock($1)"), [ComplaintSweeper.lockKey])
                let outcome = try await sweeper.sweep(at: Date())
                #expect(outcome.skipped)
            }
        }
    }

    @Test func theServiceRunsPassesByItself() async throws {
        let clock = ManualClock(PropertyFixture.friday)
        let config: [AbsoluteConfigKey: ConfigValue] = ["modules.property.sweep_interval_seconds": .init(.double(0.1), isSecret: false)]
        try await PropertyFixture.with(config: config, clock: clock) { (harness: ModuleHarness) async throws in
            _ = try await harness.create("prop complaint file complex=XQ1 severity=ordinary subject=电梯 description=停运")
            clock.set(PropertyFixture.beijing("2026-09-28T01:00"))
            let service = PropertyFixture.module(harness).complaintClock
            let noted = try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    try await service.run()
                    return false
                }
                group.addTask {
                    for _ in 0..<200 {
                        if try await Self.events(harness, "overdue") == 1 { return true }
                        try await Task.sleep(for: .milliseconds(50))
                    }
                    return false
                }
                let result = try await group.next()!
                group.cancelAll()
                return result
            }
            #expect(noted)
        }
    }
}
