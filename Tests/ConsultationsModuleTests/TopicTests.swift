import Foundation
import Testing
import WorkbenchPostgres
import WorkbenchTestSupport
@testable import ConsultationsModule

@Suite("Topics 议题 against a real database")
struct TopicTests {
    @Test func aTopicIsProposedReviewedListedAndShownWithTheProposerMasked() async throws {
        try await ConsultationsFixture.with { harness in
            let accepted = try await ConsultationsFixture.acceptedTopic(harness)
            let declined = try await harness.create(
                "consult topic propose community=C2 title=楼上噪音 description=夜间装修 category=邻里纠纷 source=群众提 proposer=钱小二 request_id=t-1"
            )
            // The same request_id returns the first answer and proposes nothing new.
            let replay = await harness.send(
                "consult topic propose community=C2 title=楼上噪音 description=夜间装修 category=邻里纠纷 source=群众提 proposer=钱小二 request_id=t-1"
            )
            #expect(replay.status == 201 && replay.field("id") == String(declined), "\(replay)")
            let reply = try await ConsultationsFixture.succeed(
                harness, "consult topic review topic=\(declined) decision=decline reason=\"属个人纠纷，已转人民调解委员会\" channel=电话"
            )
            #expect(reply.summary.contains("declined"))
            let withdrawn = try await harness.create(
                "consult topic propose community=C3 title=增设座椅 description=x category=公共设施 source=suggestion proposer=孙七")
            try await ConsultationsFixture.succeed(harness, "consult topic withdraw topic=\(withdrawn) reason=已由街道统一安排")

            let shown = try await ConsultationsFixture.succeed(harness, "consult topic show topic=\(declined)")
            #expect(shown.field("status") == "declined 不予受理")
            #expect(shown.field("proposer") == "钱**", "masked for an operator")
            #expect(shown.raw.contains("review via 电话: 属个人纠纷，已转人民调解委员会"), "the reply to the proposer is recorded")
            let admin = try await ConsultationsFixture.succeed(harness, "consult topic show topic=\(accepted)", as: .admin)
            #expect(admin.field("proposer") == "陈建国")
            #expect(admin.field("proposer_phone") == "13900000011")

            let all = try await ConsultationsFixture.succeed(harness, "consult topic list")
            #expect(all.column("id") == [accepted, declined, withdrawn].map(String.init))
            #expect(all.column("status") == ["accepted", "declined", "withdrawn"])
            let street = try await ConsultationsFixture.succeed(harness, "consult topic list scope=S1 source=resident")
            #expect(street.column("id") == [accepted, declined].map(String.init))
            let category = try await ConsultationsFixture.succeed(harness, "consult topic list category=公共设施")
            #expect(category.column("id") == [String(withdrawn)])
            let paged = try await ConsultationsFixture.succeed(harness, "consult topic list limit=2")
            #expect(paged.column("id").count == 2)
            let next = try await ConsultationsFixture.succeed(harness, "consult topic list limit=2 after=\(paged.column("id")[1])")
            #expect(next.column("id") == [String(withdrawn)])
            let tomorrow = try await ConsultationsFixture.succeed(harness, "consult topic list from=2026-11-19")
            #expect(tomorrow.column("id").isEmpty)
        }
    }

    @Test func aTopicFoundInAGridLinksItsCaseInTheSameCommunity() async throws {
        try await ConsultationsFixture.with(grids: true) { harness in
            for line in [
                "grid add code=G1 name=幸福一网格 community=C1 households=300",
                "grid add code=G3 name=光明一网格 community=C3 households=200",
            ] {
                _ = try await harness.create(line)
            }
            let here = try await harness.create("grid case report grid=G1 category=乱停车 description=消防通道被占 reporter=李娜")
            let there = try await harness.create("grid case report grid=G3 category=乱停车 description=路口拥堵 reporter=李娜")
            let code = try await harness.scalar("SELECT code FROM grids.cases WHERE id = $1", [here], as: String.self)
            let topic = try await harness.create(
                "consult topic propose community=C1 title=消防通道 description=长期被占 category=停车管理 source=grid proposer=网格员李娜 case=\(code)"
            )
            let linked = try await harness.scalar("SELECT grid_case_id FROM consultations.topics WHERE id = $1", [topic], as: Int64.self)
            #expect(linked == here)
            let shown = try await ConsultationsFixture.succeed(harness, "consult topic show topic=\(topic)")
            #expect(shown.field("grid_case") == code)
            #expect(shown.field("source") == "grid 网格发现")

            let cases: [(line: String, status: Int, words: String)] = [
                (
                    "consult topic propose community=C1 title=t description=d category=停车管理 source=grid proposer=p case=\(there)", 422,
                    "another community"
                ),
                ("consult topic propose community=C1 title=t description=d category=停车管理 source=grid proposer=p", 400, "case="),
                ("consult topic propose community=C1 title=t description=d category=停车管理 proposer=p case=\(here)", 400, "source=grid"),
                ("consult topic propose community=C1 title=t description=d category=停车管理 source=grid proposer=p case=GC-2099-000001", 404, "no case"),
            ]
            for refusal in cases {
                let reply = await harness.send(refusal.line)
                #expect(reply.status == refusal.status, "\(refusal.line): \(reply)")
                #expect(reply.raw.contains(refusal.words), "\(refusal.line): \(reply)")
            }
            #expect(try await harness.scalar("SELECT count(*) FROM consultations.topics", as: Int64.self) == 1)
        }
    }

    @Test func topicRefusalsNameTheProblemAndChangeNothing() async throws {
        try await ConsultationsFixture.with { harness in
            let topic = try await ConsultationsFixture.acceptedTopic(harness)
            _ = try await harness.create("consult session schedule unit=C1 topics=\(topic) at=2026-11-18T09:00")
            let proposed = try await harness.create("consult topic propose community=C2 title=t description=d category=其他 proposer=p")
            let cases: [(line: String, status: Int, words: String)] = [
                ("consult topic propose community=C1 title=t description=d category=闲聊 proposer=p", 400, "category"),
                ("consult topic propose community=S1 title=t description=d category=其他 proposer=p", 422, "community"),
                ("consult topic propose community=C1 title=t description=d category=其他 proposer=p at=2026-11-19T10:00", 400, "future"),
                ("consult topic propose community=C1 title=t description=d category=其他 proposer=p phone=12ab", 400, "phone"),
                ("consult topic propose community=C1 title=t description=d category=其他 proposer=p source=hearsay", 400, "source"),
                ("consult topic propose community=XX title=t description=d category=其他 proposer=p", 404, "XX"),
                ("consult topic review topic=\(proposed) decision=decline", 400, "reason="),
                ("consult topic review topic=\(topic) decision=accept", 409, "Only a proposed topic"),
                ("consult topic withdraw topic=\(topic) reason=x", 409, "cancel the session"),
                ("consult topic show topic=999", 404, "no topic 999"),
            ]
            let before = try await harness.scalar("SELECT count(*) FROM consultations.topic_events", as: Int64.self)
            for refusal in cases {
                let reply = await harness.send(refusal.line)
                #expect(reply.status == refusal.status, "\(refusal.line): \(reply)")
                #expect(reply.raw.contains(refusal.words), "\(refusal.line): \(reply)")
            }
            #expect(try await harness.scalar("SELECT count(*) FROM consultations.topic_events", as: Int64.self) == before)
            #expect(try await harness.scalar("SELECT count(*) FROM consultations.topics", as: Int64.self) == 2)
            // A viewer reads but does not propose.
            let viewer = await harness.send("consult topic propose community=C1 title=t description=d category=其他 proposer=p", as: .viewer)
            #expect(viewer.status == 403)
            // The status changes only along the transitions table, whoever writes it.
            await #expect(throws: (any Error).self) {
                try await harness.pool.withConnection { connection in
                    _ = try await connection.execute(
                        PostgresStatement(unnamed: "UPDATE consultations.topics SET status = 'proposed' WHERE id = $1"), [topic])
                }
            }
        }
    }
}
