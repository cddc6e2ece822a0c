import Foundation
import Testing
import WorkbenchKit
import WorkbenchPostgres
import WorkbenchTestSupport
@testable import OrganizationsModule

/// Ends dated after today wait for their day (ScheduledEndsJob applies them), and what hangs
/// on an organisation or a member ends with it.
@Suite("Ends recorded ahead and ending cascades against a real database")
struct ScheduledEndTests {
    static let timeZone = TimeZone(identifier: "Asia/Shanghai")!

    /// The instant `days` from now and its day in the daemon's time zone.
    static func ahead(_ days: Int) -> (instant: Date, day: String) {
        let instant = Date() + Double(days) * 86_400
        return (instant, CalendarDate(containing: instant, in: timeZone).description)
    }

    static func job(_ harness: ModuleHarness) -> ScheduledEndsJob {
        ScheduledEndsJob(database: harness.pool, timeZone: timeZone, logger: TestCluster.logger)
    }

    /// What holds an end (a rule's refusal) and what ends the pass (the database away).
    @Test(arguments: [
        (WorkbenchError.ruleRefused("organizations.unit.not_empty", "still has members") as any Error, true),
        (WorkbenchError.conflict("organizations.report.already_ended", "already ended"), true),
        (PostgresError(code: .server, message: "check", sqlState: .checkViolation, constraint: "seats_ended_in_term"), true),
        (PostgresError(code: .connectionLost, message: "gone"), false),
        (PostgresError(code: .server, message: "canceled", sqlState: .queryCanceled), false),
        (WorkbenchError(status: .unavailable, code: "database.unavailable", message: "away"), false),
        (CancellationError(), false),
    ])
    func heldOnlyWhenARuleRefuses(_ error: any Error, _ held: Bool) {
        #expect((ScheduledEndsJob.refusal(error) != nil) == held)
    }

    @Test func aLeavingRecordedAheadKeepsTheMemberOnTheRollsUntilItsDay() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            let id = try await OrganizationsFixture.member(harness, "李强", unit: "R1", extra: "work_unit=区人民医院")
            let report = try await harness.create("org report member member=\(id) community=C1 on=2026-01-10")
            let (instant, day) = Self.ahead(10)
            let leave = await harness.send("org member leave member=\(id) reason=transferred_out on=\(day)")
            #expect(leave.status == 200 && leave.field("takes_effect_on") == day, "\(leave)")
            #expect(leave.summary.contains("recorded ahead"), "\(leave)")
            let ending = try #require(leave.field("ending"))

            // Until its day nothing changes: on the rolls, counted, the report open.
            let show = await harness.send("org member show member=\(id)")
            #expect((show.field("left_on") ?? "").isEmpty, "\(show)")
            #expect(show.field("leaves_on") == day)
            #expect(await harness.send("org member list under=D1").column("name") == ["李强"])
            #expect(await harness.send("org stats unit=D1").field("members") == "1")
            #expect(await harness.send("org report list community=C1").column("id") == ["\(report)"])
            #expect(await harness.send("org ending list unit=D1").column("id") == [ending])
            #expect(await harness.send("org ending list unit=S2").rows.isEmpty, "filed under the member's organisation")
            let twice = await harness.send("org member leave member=\(id) reason=deceased on=\(Self.ahead(20).day)")
            #expect(twice.status == 409 && twice.raw.contains("organizations.ending.already_recorded"), "\(twice)")

            #expect(try await Self.job(harness).apply(at: Date()) == .init(applied: 0, held: 0), "not due today")
            #expect(try await Self.job(harness).apply(at: instant) == .init(applied: 1, held: 0))
            let after = await harness.send("org member show member=\(id)")
            #expect(after.field("left_on") == day && after.field("leaves_on") == nil, "\(after)")
            #expect(await harness.send("org stats unit=D1").field("members") == "0")
            // The member's own double report ended with the leaving.
            #expect(await harness.send("org report list community=C1").rows.isEmpty)
            #expect(await harness.send("org report list community=C1 state=ended").column("ended_on") == [day])
            #expect(await harness.send("org ending list").rows.isEmpty)
            #expect(await harness.send("org ending list state=applied").column("id") == [ending])
            let late = await harness.send("org ending cancel id=\(ending)")
            #expect(late.status == 409 && late.raw.contains("organizations.ending.already_applied"), "\(late)")
            #expect(try await Self.job(harness).apply(at: instant) == .init(applied: 0, held: 0), "applied once")
        }
    }

    @Test func aDissolutionRecordedAheadIsHeldWhileItsRulesRefuseItAndCanBeCancelled() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            _ = try await OrganizationsFixture.member(harness, "甲", unit: "B1")
            let (instant, day) = Self.ahead(5)
            let empty = await harness.send("org unit dissolve unit=C2 on=\(day)")
            #expect(empty.status == 200 && empty.field("takes_effect_on") == day, "\(empty)")
            #expect(await harness.send("org unit show unit=C2").field("dissolves_on") == day)
            #expect((await harness.send("org unit show unit=C2").field("dissolved_on") ?? "").isEmpty)
            // Recorded although G1 still has a child and a member: they may move out before the day.
            let busy = await harness.send("org unit dissolve unit=G1 on=\(day)")
            #expect(busy.status == 200, "\(busy)")
            let busyEnding = try #require(busy.field("ending"))
            #expect(await harness.send("org unit dissolve unit=C1 on=\(day) cascade=true").status == 403, "cascade stays an admin's act")
            #expect(await harness.send("org unit dissolve unit=C2 on=\(Self.ahead(6).day)").status == 409, "one pending end each")

            #expect(try await Self.job(harness).apply(at: instant) == .init(applied: 1, held: 1))
            #expect(await harness.send("org unit show unit=C2").field("dissolved_on") == day)
            #expect((await harness.send("org unit show unit=G1").field("dissolved_on") ?? "").isEmpty)
            let held = await harness.send("org ending list state=held")
            #expect(held.column("id") == [busyEnding] && held.column("held_reason").first?.contains("still has") == true, "\(held)")
            #expect(try await Self.job(harness).apply(at: instant) == .init(applied: 0, held: 1), "tried again at each pass")

            let cancel = await harness.send("org ending cancel id=\(busyEnding)")
            #expect(cancel.status == 200 && cancel.field("was_due_on") == day, "\(cancel)")
            #expect(await harness.send("org ending cancel id=\(busyEnding)").status == 404)
            #expect(try await Self.job(harness).apply(at: instant) == .init(applied: 0, held: 0))
            #expect((await harness.send("org unit show unit=G1").field("dissolved_on") ?? "").isEmpty)
        }
    }

    @Test func reportAndSeatEndsRecordedAheadWaitAndEndingNowDropsThem() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            let report = try await harness.create("org report unit unit=R1 community=C1 on=2026-01-10")
            let seat = try await harness.create("org seat add committee=C1 person=赵敏 from=R1 term_start=2026-01-01 term_end=2030-12-31")
            let (_, day) = Self.ahead(3)
            #expect(await harness.send("org report end id=\(report) on=\(day)").field("takes_effect_on") == day)
            #expect(await harness.send("org seat end id=\(seat) on=\(day)").field("takes_effect_on") == day)
            let pastTerm = await harness.send("org seat end id=\(seat) on=2031-01-01")
            #expect(pastTerm.status == 400 && pastTerm.raw.contains("2030-12-31"), "\(pastTerm)")
            #expect(await harness.send("org seat list committee=C1").column("person") == ["赵敏"], "open until its day")
            #expect(await harness.send("org ending list").column("kind") == ["report", "seat"])
            // Ending the report today settles it: its pending end goes.
            #expect(await harness.send("org report end id=\(report)").status == 200)
            #expect(await harness.send("org ending list").column("kind") == ["seat"])
        }
    }

    @Test func dissolvingACommunityEndsItsReportsSeatsAndPairs() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            let report = try await harness.create("org report unit unit=R1 community=C2 on=2026-01-10")
            _ = try await harness.create("org seat add committee=C2 person=赵敏 from=R1 term_start=2026-01-01 term_end=2030-12-31")
            _ = try await harness.create("org seat add committee=S1 person=钱多 from=R1 term_start=2026-01-01 term_end=2030-12-31")
            _ = try await harness.create("org pair add unit=R1 community=C2 since=2026-02-01")
            _ = try await harness.create("org pair add unit=R1 community=C1 since=2026-02-01")
            _ = try await harness.create("org report serve report=\(report) hours=2 activity=义诊 on=2026-03-01")
            #expect(await harness.send("org stats unit=S1").field("reports_units") == "1")
            #expect(await harness.send("org stats unit=S1").field("pairs") == "2")

            // Entered late: the community was dissolved on 1 June.
            #expect(await harness.send("org unit dissolve unit=C2 on=2026-06-01").status == 200)
            #expect(await harness.send("org report list community=S1").rows.isEmpty)
            #expect(await harness.send("org report list community=S1 state=ended").column("ended_on") == ["2026-06-01"])
            let late = await harness.send("org report serve report=\(report) hours=2 activity=义诊 on=2026-07-01")
            #expect(late.status == 422 && late.raw.contains("organizations.report.ended"), "\(late)")
            #expect(await harness.send("org seat list committee=D1").column("person") == ["钱多"])
            #expect(await harness.send("org pair list community=D1").column("community") == ["C1"])
            let stats = await harness.send("org stats unit=S1")
            #expect(stats.field("reports_units") == "0" && stats.field("pairs") == "1", "\(stats)")
            #expect(await harness.send("org stats unit=S1 by=child").rows.last?["reports"] == "0")

            // A resident unit that is dissolved ends its own reports, pairs and the seats held for it.
            #expect(await harness.send("org unit dissolve unit=R1").status == 200)
            #expect(await harness.send("org seat list committee=D1").rows.isEmpty)
            #expect(await harness.send("org pair list community=D1").rows.isEmpty)
            let recount: Int64 = try await harness.scalar(
                """
                SELECT count(*) FROM organizations.unit_counts c JOIN organizations.unit_counts_recounted r USING (unit_id)
                WHERE (c.reports_units, c.reports_members, c.pairs) IS DISTINCT FROM (r.reports_units, r.reports_members, r.pairs)
                """
            )
            #expect(recount == 0, "the kept counts agree with a recount")
        }
    }
}
