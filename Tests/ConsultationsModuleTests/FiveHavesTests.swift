import Foundation
import Testing
import WorkbenchPostgres
import WorkbenchTestSupport
@testable import ConsultationsModule

/// The five haves 五有 as rules: a session closes only with a place, a sign, minutes, a reply
/// to every proposer, a vote on every topic and the three sides present; the refusal names
/// what is missing, and the database refuses the same close from raw SQL.
@Suite("Sessions and the five haves 五有 against a real database")
struct FiveHavesTests {
    /// Each line of ``ConsultationsFixture/fiveHaves`` and the words that leave the refusal once
    /// it has run.
    static let steps: [(index: Int, named: String)] = [
        (0, "有场所"), (1, "有标识"), (2, "有记录"), (3, "vote and resolution on topic"), (4, "有回声"),
        (5, "convener 问题召集方"), (6, "stakeholder 利益相关方"), (7, "coordinator 协调处置方"),
    ]

    @Test func closingIsRefusedNamingWhatIsMissingUntilEveryHaveIsThere() async throws {
        try await ConsultationsFixture.with { harness in
            let topic = try await ConsultationsFixture.acceptedTopic(harness)
            let session = try await harness.create("consult session schedule unit=C1 topics=\(topic) at=2026-11-18T09:00 title=停车难议事会")
            #expect(try await harness.scalar("SELECT status FROM consultations.topics WHERE id = $1", [topic], as: String.self) == "scheduled")

            let lines = ConsultationsFixture.fiveHaves(session: session, topic: topic)
            for (position, step) in Self.steps.enumerated() {
                let refused = await harness.send("consult session close session=\(session)")
                #expect(refused.status == 422, "\(refused)")
                #expect(refused.raw.contains("consultations.session.five_haves_missing") || refused.summary.contains("cannot close"), "\(refused)")
                // Everything not yet supplied is named; what was supplied is not.
                for later in Self.steps[position...] {
                    #expect(refused.summary.contains(later.named), "\(later.named) missing from: \(refused.summary)")
                }
                for earlier in Self.steps[..<position] {
                    #expect(!refused.summary.contains(earlier.named), "\(earlier.named) still named: \(refused.summary)")
                }
                try await ConsultationsFixture.succeed(harness, lines[step.index])
            }
            // Before the close, the session reads as data: its haves as fields, its agenda and
            // participants as tables (a resident's name masked for an operator).
            let shown = try await ConsultationsFixture.succeed(harness, "consult session show session=\(session)")
            #expect(shown.field("venue") == "小巷公议会" && shown.field("notice_posted_on") == "2026-11-17", "\(shown)")
            #expect(shown.field("every_proposer_replied") == "true" && shown.field("status") == "scheduled", "\(shown)")
            let agenda = shown.section("agenda")
            #expect(agenda.count == 1 && agenda.first?["topic"] == "\(topic)" && agenda.first?["votes_for"] == "11", "\(shown)")
            #expect(agenda.first?["adopted"] == "true" && agenda.first?["replied"] == "true", "\(shown)")
            #expect(shown.column("role", in: "participants") == ["convener", "stakeholder", "coordinator"], "\(shown)")
            #expect(shown.column("name", in: "participants")[1] != "业主 陈建国", "a resident's name is masked: \(shown)")
            let closed = try await ConsultationsFixture.succeed(harness, "consult session close session=\(session)")
            #expect(closed.summary.contains("closed with the five haves"))
            #expect(try await harness.scalar("SELECT status FROM consultations.topics WHERE id = $1", [topic], as: String.self) == "implementing")

            // A closed session is final: no more votes, minutes or participants.
            for line in [
                "consult session minutes session=\(session) text=补记 amend=yes", "consult session close session=\(session)",
                "consult session cancel session=\(session) reason=x", "consult session attend session=\(session) name=某人 role=observer",
            ] {
                let refused = await harness.send(line)
                #expect(refused.status == 409, "\(line): \(refused)")
            }
        }
    }

    @Test func theDatabaseRefusesAnIncompleteCloseAndLateChangesFromRawSQL() async throws {
        try await ConsultationsFixture.with { harness in
            let topic = try await ConsultationsFixture.acceptedTopic(harness)
            let session = try await harness.create("consult session schedule unit=C1 topics=\(topic) at=2026-11-18T09:00 venue=议事厅")
            await #expect(throws: (any Error).self) {
                try await harness.pool.withConnection { connection in
                    _ = try await connection.execute(
                        PostgresStatement(unnamed: "UPDATE consultations.sessions SET status = 'closed', closed_at = now() WHERE id = $1"), [session]
                    )
                }
            }
            let status = try await harness.scalar("SELECT status FROM consultations.sessions WHERE id = $1", [session], as: String.self)
            #expect(status == "scheduled")
            // The shortfalls the function reports are the command's.
            let missing = try await harness.scalar(
                "SELECT string_agg(item, ',' ORDER BY item) FROM consultations.session_missing($1)", [session], as: String.self)
            #expect(missing == "minutes,reply,side:convener,side:coordinator,side:stakeholder,sign,vote")

            for line in ConsultationsFixture.fiveHaves(session: session, topic: topic) { try await ConsultationsFixture.succeed(harness, line) }
            try await ConsultationsFixture.succeed(harness, "consult session close session=\(session)")
            await #expect(throws: (any Error).self) {
                try await harness.pool.withConnection { connection in
                    _ = try await connection.execute(
                        PostgresStatement(unnamed: "UPDATE consultations.session_topics SET resolution = '改' WHERE session_id = $1"), [session]
                    )
                }
            }
        }
    }

    @Test func aVoteNotAdoptedOrACancelledSessionReturnsTheTopicToAccepted() async throws {
        try await ConsultationsFixture.with { harness in
            let topic = try await ConsultationsFixture.acceptedTopic(harness)
            let first = try await harness.create("consult session schedule unit=S1 topics=\(topic) at=2026-11-18T09:00")
            // A topic is on one session at a time.
            let twice = await harness.send("consult session schedule unit=C1 topics=\(topic) at=2026-11-19T09:00")
            #expect(twice.status == 409, "\(twice)")
            let cancelled = try await ConsultationsFixture.succeed(harness, "consult session cancel session=\(first) reason=台风预警")
            #expect(cancelled.summary.contains("back to accepted"))
            #expect(try await harness.scalar("SELECT status FROM consultations.topics WHERE id = $1", [topic], as: String.self) == "accepted")

            let second = try await harness.create("consult session schedule unit=C1 topics=\(topic) at=2026-11-18T09:30")
            for line in ConsultationsFixture.fiveHaves(session: second, topic: topic, votesFor: 5, against: 5) {
                try await ConsultationsFixture.succeed(harness, line)
            }
            let vote = try await harness.scalar("SELECT adopted FROM consultations.session_topics WHERE session_id = $1", [second], as: Bool.self)
            #expect(!vote, "5 for of 10 is not more than half")
            let closed = try await ConsultationsFixture.succeed(harness, "consult session close session=\(second)")
            #expect(closed.raw.contains("accepted"))
            #expect(try await harness.scalar("SELECT status FROM consultations.topics WHERE id = $1", [topic], as: String.self) == "accepted")
            let timeline = try await ConsultationsFixture.succeed(harness, "consult topic timeline topic=\(topic)")
            #expect(timeline.column("event") == ["proposed", "accepted", "scheduled", "unscheduled", "scheduled", "voted", "replied", "not_adopted"])
        }
    }

    @Test func sessionRefusalsChangeNothing() async throws {
        try await ConsultationsFixture.with { harness in
            let topic = try await ConsultationsFixture.acceptedTopic(harness)
            let proposed = try await harness.create("consult topic propose community=C3 title=路灯不亮 description=x category=公共设施 proposer=赵六")
            let elsewhere = try await harness.create("consult topic propose community=C3 title=垃圾清运 description=x category=环境卫生 proposer=赵六")
            try await ConsultationsFixture.succeed(harness, "consult topic review topic=\(elsewhere) decision=accept")
            let session = try await harness.create("consult session schedule unit=C1 topics=\(topic) at=2026-11-18T09:00")
            let cases: [(line: String, status: Int, words: String)] = [
                ("consult session schedule unit=C1 topics=\(proposed) at=2026-11-20T09:00", 409, "Review it first"),
                ("consult session schedule unit=C1 topics=\(elsewhere) at=2026-11-20T09:00", 422, "outside"),
                ("consult session schedule unit=C1 topics=1,x at=2026-11-20T09:00", 400, "not a list of topic ids"),
                ("consult session schedule unit=C1 topics=999 at=2026-11-20T09:00", 404, "no topic 999"),
                ("consult session vote session=\(session) topic=\(elsewhere) for=3 resolution=x", 422, "not on"),
                ("consult session vote session=\(session) topic=\(topic) for=0 resolution=x", 400, "no votes"),
                ("consult session notice session=\(session) on=2026-11-19", 400, "future"),
                ("consult session attend session=\(session) name=某人 role=boss", 400, "role"),
                ("consult session update session=\(session)", 400, "at least one"),
                ("consult session close session=999", 404, "no session 999"),
                ("consult session reply session=\(session) topic=\(proposed) text=x", 422, "not on"),
            ]
            let before = try await harness.scalar("SELECT count(*) FROM workbench.audit_log WHERE reply_status < 300", as: Int64.self)
            for refusal in cases {
                let reply = await harness.send(refusal.line)
                #expect(reply.status == refusal.status, "\(refusal.line): \(reply)")
                #expect(reply.raw.contains(refusal.words), "\(refusal.line): \(reply)")
            }
            let after = try await harness.scalar("SELECT count(*) FROM workbench.audit_log WHERE reply_status < 300", as: Int64.self)
            #expect(before == after, "a refusal changed something")
            let votes = try await harness.scalar("SELECT count(*) FROM consultations.session_topics WHERE voted_at IS NOT NULL", as: Int64.self)
            #expect(votes == 0)

            // The agenda keeps the order the topics were given in.
            let a = try await ConsultationsFixture.acceptedTopic(harness, title: "甲")
            let b = try await ConsultationsFixture.acceptedTopic(harness, title: "乙")
            let both = try await harness.create("consult session schedule unit=C1 topics=\(b),\(a) at=2026-11-20T09:00")
            let agenda = try await ConsultationsFixture.succeed(harness, "consult session show session=\(both)")
            #expect(agenda.summary.contains("《乙》"), "the first topic given names the session: \(agenda)")
            let order = try await harness.scalar(
                "SELECT string_agg(topic_id::text, ',' ORDER BY position) FROM consultations.session_topics WHERE session_id = $1", [both],
                as: String.self
            )
            #expect(order == "\(b),\(a)")

            // Minutes are written once; amend=yes adds, never replaces.
            try await ConsultationsFixture.succeed(harness, "consult session minutes session=\(session) text=第一稿")
            let again = await harness.send("consult session minutes session=\(session) text=第二稿")
            #expect(again.status == 409)
            try await ConsultationsFixture.succeed(harness, "consult session minutes session=\(session) text=补充意见 amend=yes")
            let minutes = try await harness.scalar("SELECT minutes FROM consultations.sessions WHERE id = $1", [session], as: String.self)
            #expect(minutes.hasPrefix("第一稿\n[补充 ") && minutes.hasSuffix("补充意见"))
        }
    }

    /// What happens at a session is recorded once it has been held; a notice announces it
    /// beforehand and matches its time and place.
    @Test func aSessionIsRecordedOnceHeldAndItsNoticeMatchesItsTimeAndPlace() async throws {
        try await ConsultationsFixture.with { harness in
            let topic = try await ConsultationsFixture.acceptedTopic(harness)
            let june = try await harness.create("consult session schedule unit=C1 topics=\(topic) at=2027-06-10T09:00 venue=议事厅")
            for line in [
                "consult session attend session=\(june) name=\"社区书记 王芳\" role=convener party=community_party",
                "consult session minutes session=\(june) text=到会12人",
                "consult session vote session=\(june) topic=\(topic) for=11 against=1 resolution=同意",
                "consult session reply session=\(june) topic=\(topic) text=已答复 channel=公示栏",
                "consult session close session=\(june)",
            ] {
                let refused = await harness.send(line)
                #expect(refused.status == 422 && refused.raw.contains("consultations.session.not_held_yet"), "\(line): \(refused)")
                #expect(refused.summary.contains("starts at 2027-06-10"), "\(refused)")
            }
            // A notice ahead of the session is fine; moving the time or the place makes it stale.
            try await ConsultationsFixture.succeed(harness, "consult session notice session=\(june) on=2026-11-17")
            let moved = try await ConsultationsFixture.succeed(harness, "consult session update session=\(june) venue=党群服务中心")
            #expect(moved.summary.contains("post it again"), "\(moved)")
            #expect(try await harness.scalar("SELECT notice_posted_on IS NULL FROM consultations.sessions WHERE id = $1", [june], as: Bool.self))
            try await ConsultationsFixture.succeed(harness, "consult session notice session=\(june) on=2026-11-18")
            let renamed = try await ConsultationsFixture.succeed(harness, "consult session update session=\(june) title=停车议事会")
            #expect(!renamed.summary.contains("post it again"))
            #expect(try await harness.scalar("SELECT notice_posted_on IS NOT NULL FROM consultations.sessions WHERE id = $1", [june], as: Bool.self))

            // A notice put up after the session announced nothing.
            let other = try await ConsultationsFixture.acceptedTopic(harness, title: "丙")
            let held = try await harness.create("consult session schedule unit=C1 topics=\(other) at=2026-11-16T09:00 venue=议事厅")
            let late = await harness.send("consult session notice session=\(held) on=2026-11-17")
            #expect(late.status == 422 && late.raw.contains("consultations.session.notice_after_session"), "\(late)")
        }
    }
}
