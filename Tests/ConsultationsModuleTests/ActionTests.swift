import Foundation
import Testing
import WorkbenchPostgres
import WorkbenchTestSupport
@testable import ConsultationsModule

/// Implementation 有落实: actions follow an adopted resolution, and a topic is settled only
/// when every action is done or dropped with a reason.
@Suite("Actions 落实 and settling against a real database")
struct ActionTests {
    @Test func aTopicIsSettledWhenItsLastActionIsDoneOrDropped() async throws {
        let clock = ManualClock(ConsultationsFixture.wednesday)
        try await ConsultationsFixture.with(clock: clock) { harness in
            let (topic, _) = try await ConsultationsFixture.implementingTopic(harness)
            let first = try await harness.create("consult action add topic=\(topic) title=\"协调学校夜间开放操场\" owner=C1 due=2026-11-25")
            let second = try await harness.create("consult action add topic=\(topic) title=消防通道设地锁 party=鑫苑物业 due=2026-11-20")
            try await ConsultationsFixture.succeed(harness, "consult action update action=\(first) note=\"已与学校签订错时停车协议\" progress=60")

            // Three days later the second is overdue.
            clock.set(ConsultationsFixture.wednesday.addingTimeInterval(3 * 86_400))
            let overdue = try await ConsultationsFixture.succeed(harness, "consult action overdue scope=S1")
            #expect(overdue.column("id") == [String(second)])
            #expect(overdue.column("days_overdue") == ["1"])
            #expect(overdue.column("owner") == ["鑫苑物业"])
            let open = try await ConsultationsFixture.succeed(harness, "consult action list topic=\(topic) status=open")
            #expect(open.column("progress") == ["60", "0"])

            let done = try await ConsultationsFixture.succeed(harness, "consult action done action=\(first) note=操场夜间停车已开放")
            #expect(done.field("topic_settled") == "false")
            #expect(try await harness.scalar("SELECT status FROM consultations.topics WHERE id = $1", [topic], as: String.self) == "implementing")
            let refused = await harness.send("consult action drop action=\(second)")
            #expect(refused.status == 400, "a drop needs its reason")
            let dropped = try await ConsultationsFixture.succeed(harness, "consult action drop action=\(second) reason=\"业主大会否决，改为划线管理\"")
            #expect(dropped.field("topic_settled") == "true")
            #expect(dropped.summary.contains("settled"))
            #expect(try await harness.scalar("SELECT status FROM consultations.topics WHERE id = $1", [topic], as: String.self) == "settled")

            // Done and dropped are final.
            for line in ["consult action done action=\(first)", "consult action update action=\(second) note=x"] {
                let final = await harness.send(line)
                #expect(final.status == 409, "\(line): \(final)")
            }
            let timeline = try await ConsultationsFixture.succeed(harness, "consult topic timeline topic=\(topic)")
            #expect(
                timeline.column("event") == [
                    "proposed", "accepted", "scheduled", "voted", "replied", "implementing", "action_added", "action_added", "action_progress",
                    "action_done", "action_dropped", "settled",
                ]
            )
            let shown = try await ConsultationsFixture.succeed(harness, "consult topic show topic=\(topic)")
            #expect(shown.field("actions_done") == "1" && shown.field("actions_dropped") == "1" && shown.field("status") == "settled 已办结")
        }
    }

    @Test func actionsFollowAnAdoptedResolutionAndTheDatabaseHoldsTheRules() async throws {
        try await ConsultationsFixture.with { harness in
            let scheduled = try await ConsultationsFixture.acceptedTopic(harness, title: "路灯")
            _ = try await harness.create("consult session schedule unit=C1 topics=\(scheduled) at=2026-11-18T09:00")
            let (topic, _) = try await ConsultationsFixture.implementingTopic(harness)
            let cases: [(line: String, status: Int, words: String)] = [
                ("consult action add topic=\(scheduled) title=x owner=C1 due=2026-12-01", 409, "close its session first"),
                ("consult action add topic=\(topic) title=x due=2026-12-01", 400, "exactly one"),
                ("consult action add topic=\(topic) title=x owner=C1 party=物业 due=2026-12-01", 400, "exactly one"),
                ("consult action add topic=\(topic) title=x owner=C1 due=2026-11-17", 400, "already past"),
                ("consult action add topic=\(topic) title=x owner=NOPE due=2026-12-01", 404, "NOPE"),
                ("consult action update action=999 note=x", 404, "no action item 999"),
                ("consult action update action=999 note=x progress=100", 400, "progress"),
            ]
            for refusal in cases {
                let reply = await harness.send(refusal.line)
                #expect(reply.status == refusal.status, "\(refusal.line): \(reply)")
                #expect(reply.raw.contains(refusal.words), "\(refusal.line): \(reply)")
            }
            #expect(try await harness.scalar("SELECT count(*) FROM consultations.actions", as: Int64.self) == 0)

            // Raw SQL cannot settle a topic without actions, nor with an open one, nor add an
            // action to a topic that is not being implemented.
            let action = try await harness.create("consult action add topic=\(topic) title=x owner=C1 due=2026-12-01")
            for sql in [
                "UPDATE consultations.topics SET status = 'settled', settled_at = now() WHERE id = \(topic)",
                "INSERT INTO consultations.actions (topic_id, title, owner_party, due_on, created_at, updated_at) VALUES (\(scheduled), "
                    + "'x', 'y', '2026-12-01', now(), now())",
                "UPDATE consultations.actions SET status = 'dropped', finished_at = now() WHERE id = \(action)",
            ] {
                await #expect(throws: (any Error).self, "\(sql)") {
                    try await harness.pool.withConnection { connection in _ = try await connection.execute(PostgresStatement(unnamed: sql), []) }
                }
            }
            #expect(try await harness.scalar("SELECT status FROM consultations.topics WHERE id = $1", [topic], as: String.self) == "implementing")
        }
    }

    @Test func twoActionsFinishingAtOnceSettleTheTopicOnce() async throws {
        try await ConsultationsFixture.with { harness in
            let (topic, _) = try await ConsultationsFixture.implementingTopic(harness)
            let actions = [
                try await harness.create("consult action add topic=\(topic) title=a owner=C1 due=2026-12-01"),
                try await harness.create("consult action add topic=\(topic) title=b owner=C1 due=2026-12-01"),
            ]
            let replies = await withTaskGroup(of: ReplyText.self) { group in
                for action in actions { group.addTask { await harness.send("consult action done action=\(action)") } }
                return await group.reduce(into: [ReplyText]()) { $0.append($1) }
            }
            #expect(replies.allSatisfy { $0.status == 200 }, "\(replies)")
            #expect(replies.filter { $0.field("topic_settled") == "true" }.count == 1)
            #expect(try await harness.scalar("SELECT status FROM consultations.topics WHERE id = $1", [topic], as: String.self) == "settled")
        }
    }
}
