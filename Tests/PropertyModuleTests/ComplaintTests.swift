import Configuration
import Foundation
import Testing
import WorkbenchKit
import WorkbenchTestSupport
@testable import PropertyModule

@Suite("Complaints under the 2310 rule")
struct ComplaintTests {
    /// The documented workflow: (status, action) → new status; every other pair is refused.
    static let allowed: [String: [String: String]] = [
        "filed": ["ack": "acknowledged"],
        "acknowledged": ["resolve": "resolved"],
        "resolved": ["close": "closed", "reopen": "acknowledged"],
        "closed": [:],
    ]
    /// How to bring a fresh complaint to each status.
    static let path: [String: [String]] = [
        "filed": [], "acknowledged": ["ack"], "resolved": ["ack", "resolve note=已处理"], "closed": ["ack", "resolve note=已处理", "close"],
    ]

    static func file(_ harness: ModuleHarness, _ severity: String = "ordinary", complex: String = "XQ1", extra: String = "") async throws -> ReplyText
    {
        let reply = await harness.send("prop complaint file complex=\(complex) severity=\(severity) subject=电梯 description=电梯停运 \(extra)")
        try #require(reply.status == 201, "\(reply)")
        return reply
    }

    /// lpad(id, 6) used to cut the millionth complaint's code to six digits (a duplicate key).
    @Test func codesPastTheMillionthComplaintKeepEveryDigit() async throws {
        try await PropertyFixture.with { (harness: ModuleHarness) async throws in
            _ = try await harness.scalar("SELECT setval('property.complaint_number', 999999)", as: Int64.self, asOwner: true)
            #expect(try await Self.file(harness).field("code") == "PC-2026-1000000")
            #expect(try await Self.file(harness).field("code") == "PC-2026-1000001")
        }
    }

    @Test func eachSeverityGetsItsCalendarDayDeadline() async throws {
        try await PropertyFixture.with { (harness: ModuleHarness) async throws in
            // Filed Friday 2026-09-25 09:00; days are counted from the next day and end at 24:00.
            #expect(try await Self.file(harness, "ordinary").field("due_at") == "2026-09-28T00:00:00+08:00")
            #expect(try await Self.file(harness, "important").field("due_at") == "2026-09-29T00:00:00+08:00")
            #expect(try await Self.file(harness, "major").field("due_at") == "2026-10-06T00:00:00+08:00")
            let shown = await harness.send("prop complaint show complaint=PC-2026-000001")
            #expect(shown.lines.contains("rule: ordinary: 2 days"), "\(shown)")
            #expect(shown.lines.contains("clock: 2d 15h left"), "\(shown)")
            #expect(shown.lines.contains("company: 红心物业"), "\(shown)")
        }
    }

    @Test func workingDayDeadlinesSkipHolidaysAndHonourMakeUpDays() async throws {
        let clock = ManualClock(PropertyFixture.beijing("2026-09-30T10:00"))
        let config: [AbsoluteConfigKey: ConfigValue] = [
            "modules.property.complaint_deadlines.ordinary": .init(.string("2 working_days"), isSecret: false),
            "modules.property.complaint_deadlines.important": .init(.string("3 working_days"), isSecret: false),
            "modules.property.complaint_deadlines.major": .init(.string("10 working_days"), isSecret: false),
        ]
        try await PropertyFixture.with(config: config, clock: clock) { (harness: ModuleHarness) async throws in
            // The shipped 2026 calendar: Oct 1–7 off (Oct 3–4 a weekend), Saturday Oct 10 worked.
            // From Wednesday Sep 30: Oct 1-7 off; Thu 8 (1), Fri 9 (2), Sat 10 make-up (3), Mon 12 … Tue 20 (10).
            #expect(try await Self.file(harness, "ordinary").field("due_at") == "2026-10-10T00:00:00+08:00")
            #expect(try await Self.file(harness, "important").field("due_at") == "2026-10-11T00:00:00+08:00")
            #expect(try await Self.file(harness, "major").field("due_at") == "2026-10-21T00:00:00+08:00")
            // A complaint taken by phone on Saturday Sep 26 counts from then: Mon 28, Tue 29.
            let earlier = try await Self.file(harness, "ordinary", extra: "at=2026-09-26T15:00")
            #expect(earlier.field("due_at") == "2026-09-30T00:00:00+08:00")
            #expect(await harness.send("prop complaint file complex=XQ1 severity=major subject=电梯 description=x at=2026-10-02T00:00").status == 400)
        }
    }

    @Test func everyActionFromEveryStatus() async throws {
        try await PropertyFixture.with { (harness: ModuleHarness) async throws in
            let table = try await harness.scalar(
                "SELECT string_agg(from_status || ' ' || action || ' ' || to_status, ', ' ORDER BY from_status, action) FROM "
                    + "property.complaint_transitions",
                as: String.self
            )
            let documented = Self.allowed.flatMap { from, actions in actions.map { "\(from) \($0.key) \($0.value)" } }.sorted().joined(
                separator: ", ")
            #expect(table == documented)
            for (status, steps) in Self.path {
                for action in ComplaintAction.allCases {
                    let code = try #require(try await Self.file(harness).field("code"))
                    for step in steps {
                        #expect(await harness.send("prop complaint \(step) complaint=\(code)").status == 200, "\(step)")
                    }
                    let events: Int = try await harness.scalar(
                        "SELECT count(*)::int FROM property.complaint_events e JOIN property.complaints p ON p.id = e.complaint_id WHERE p.code = $1",
                        [code]
                    )
                    let argument = action == .resolve ? " note=x" : action == .reopen ? " reason=x" : ""
                    let reply = await harness.send("prop complaint \(action.rawValue) complaint=\(code)\(argument)")
                    let now: String = try await harness.scalar("SELECT status FROM property.complaints WHERE code = $1", [code])
                    if let target = Self.allowed[status]?[action.rawValue] {
                        #expect(reply.status == 200, "\(status) \(action): \(reply)")
                        #expect(now == target, "\(status) \(action)")
                    } else {
                        #expect(reply.status == 409, "\(status) \(action): \(reply)")
                        #expect(
                            reply.raw.contains("property.complaint.transition_not_allowed") || reply.raw.contains("it cannot \(action.rawValue)"),
                            "\(reply)")
                        #expect(now == status, "\(status) \(action) changed nothing")
                        #expect(
                            try await harness.scalar(
                                "SELECT count(*)::int FROM property.complaint_events e JOIN property.complaints p ON p.id = e.complaint_id "
                                    + "WHERE p.code = $1",
                                [code]
                            ) == events
                        )
                    }
                }
            }
        }
    }

    @Test func theRefusalNamesWhatIsAllowed() async throws {
        try await PropertyFixture.with { (harness: ModuleHarness) async throws in
            _ = try await Self.file(harness)
            let refused = await harness.send("prop complaint resolve complaint=PC-2026-000001 note=x")
            #expect(refused.raw.contains("PC-2026-000001 is filed (已登记); it cannot resolve. Allowed from filed: ack (→ acknowledged)"), "\(refused)")
            let raw = await harness.send("prop complaint show complaint=PC-2026-000001")
            #expect(raw.field("status") == "filed" && raw.field("status_name") == "已登记")
            // The trigger refuses an out-of-order change even from raw SQL, and the history is append-only.
            await #expect(throws: (any Error).self) {
                let _: Int = try await harness.scalar(
                    "WITH u AS (UPDATE property.complaints SET status = 'closed', closed_at = now(), verdict = 'satisfied', resolved_at = "
                        + "now(), resolved_on_time = true RETURNING id) SELECT count(*)::int FROM u"
                )
            }
            await #expect(throws: (any Error).self) {
                let _: Int = try await harness.scalar("WITH d AS (DELETE FROM property.complaint_events RETURNING id) SELECT count(*)::int FROM d")
            }
        }
    }

    @Test func aReopenedComplaintKeepsItsDeadlineAndResolutionIsJudgedAgainstIt() async throws {
        let clock = ManualClock(PropertyFixture.friday)
        try await PropertyFixture.with(clock: clock) { (harness: ModuleHarness) async throws in
            _ = try await Self.file(harness)  // due 2026-09-28T00:00
            _ = await harness.send("prop complaint ack complaint=1")
            clock.set(PropertyFixture.beijing("2026-09-26T10:00"))
            let resolved = await harness.send("prop complaint resolve complaint=1 note=已修复")
            #expect(resolved.field("clock") == "resolved on time", "\(resolved)")
            clock.set(PropertyFixture.beijing("2026-09-28T10:00"))
            let reopened = await harness.send("prop complaint reopen complaint=1 reason=再次停运")
            #expect(reopened.field("status") == "acknowledged" && reopened.field("status_name") == "已响应")
            #expect(reopened.field("due_at") == "2026-09-28T00:00:00+08:00")
            #expect(reopened.field("clock") == "overdue by 10h", "\(reopened)")
            #expect(await harness.send("prop complaint overdue").column("code") == ["PC-2026-000001"])
            let late = await harness.send("prop complaint resolve complaint=1 note=更换主板")
            #expect(late.field("clock") == "resolved late", "\(late)")
            #expect(await harness.send("prop complaint close complaint=1 verdict=basically_satisfied").field("verdict") == "basically_satisfied")
            let shown = await harness.send("prop complaint show complaint=1")
            let timeline = shown.section("timeline")
            #expect(timeline.map { $0["kind"] } == ["filed", "acknowledged", "resolved", "reopened", "resolved", "closed"], "\(shown)")
            #expect(
                timeline.contains {
                    $0["kind"] == "resolved" && $0["from_status"] == "acknowledged" && $0["to_status"] == "resolved"
                        && $0["note"]?.contains("更换主板; late, overdue by 10h") == true
                }, "\(shown)")
        }
    }

    @Test func listsFilterAndTheOverdueListFollowsTheClock() async throws {
        let clock = ManualClock(PropertyFixture.friday)
        try await PropertyFixture.with(clock: clock) { (harness: ModuleHarness) async throws in
            _ = try await Self.file(harness, "ordinary", complex: "XQ1")
            _ = try await Self.file(harness, "major", complex: "XQ2")
            _ = try await Self.file(harness, "important", complex: "XQ3")
            #expect(await harness.send("prop complaint list scope=S1").column("complex") == ["XQ1", "XQ2"])
            #expect(await harness.send("prop complaint list company=\(PropertyFixture.companyA)").column("complex") == ["XQ1", "XQ3"])
            #expect(await harness.send("prop complaint list severity=major").column("complex") == ["XQ2"])
            #expect(await harness.send("prop complaint list limit=2").summary == "2 rows; more with after=2")
            #expect(await harness.send("prop complaint overdue").rows.isEmpty)
            clock.set(PropertyFixture.beijing("2026-09-28T12:00"))
            #expect(await harness.send("prop complaint overdue").column("complex") == ["XQ1"])
            clock.set(PropertyFixture.beijing("2026-09-29T12:00"))
            #expect(await harness.send("prop complaint overdue").column("complex") == ["XQ1", "XQ3"])
            #expect(await harness.send("prop complaint overdue scope=S2").column("complex") == ["XQ3"])
            #expect(await harness.send("prop complaint list overdue=true severity=ordinary").column("complex") == ["XQ1"])
        }
    }

    @Test func complainantsAreMaskedBelowAdminAndBadInputChangesNothing() async throws {
        try await PropertyFixture.with { (harness: ModuleHarness) async throws in
            _ = try await Self.file(harness, extra: "complainant=刘晓红 phone=13900000002")
            let seen = await harness.send("prop complaint show complaint=1", as: .viewer)
            #expect(seen.lines.contains("complainant: 刘**") && seen.lines.contains("phone: 139****0002"), "\(seen)")
            let admin = await harness.send("prop complaint show complaint=1", as: .admin)
            #expect(admin.lines.contains("complainant: 刘晓红") && admin.lines.contains("phone: 13900000002"), "\(admin)")
            let before: Int = try await harness.scalar("SELECT count(*)::int FROM property.complaints")
            #expect(await harness.send("prop complaint file complex=XQ1 severity=ordinary subject=闲聊 description=x").status == 400)
            #expect(await harness.send("prop complaint file complex=XQ1 severity=urgent subject=电梯 description=x").status == 400)
            #expect(await harness.send("prop complaint file complex=XQ404 severity=ordinary subject=电梯 description=x").status == 404)
            _ = try await harness.create("prop complex add code=XQ4 name=无物业小区 address=x community=C2")
            let noCompany = await harness.send("prop complaint file complex=XQ4 severity=ordinary subject=电梯 description=x")
            #expect(noCompany.status == 422 && noCompany.raw.contains("no serving company"), "\(noCompany)")
            #expect(try await harness.scalar("SELECT count(*)::int FROM property.complaints") == before)
            // A repeated request_id files one complaint: one audit row for the change, one for the replay.
            let audited: Int = try await harness.scalar("SELECT count(*)::int FROM workbench.audit_log WHERE module = 'property'")
            let first = await harness.send("prop complaint file complex=XQ1 severity=ordinary subject=电梯 description=重复 request_id=r-1")
            let second = await harness.send("prop complaint file complex=XQ1 severity=ordinary subject=电梯 description=重复 request_id=r-1")
            #expect(first.raw == second.raw)
            #expect(try await harness.scalar("SELECT count(*)::int FROM property.complaints") == before + 1)
            #expect(try await harness.scalar("SELECT count(*)::int FROM workbench.audit_log WHERE module = 'property'") == audited + 2)
            #expect(
                try await harness.scalar(
                    "SELECT count(*)::int FROM workbench.audit_log WHERE module = 'property' AND request_id = 'r-1' AND reply_code = "
                        + "'request.replayed'"
                ) == 1
            )
        }
    }
}
