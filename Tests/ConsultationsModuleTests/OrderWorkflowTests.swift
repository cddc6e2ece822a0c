import Foundation
import Testing
import WorkbenchPostgres
import WorkbenchTestSupport
@testable import ConsultationsModule

/// "群众点单、社区派单、队伍接单、成员领单": the order state machine, step by step against the
/// database, and the team membership each step checks.
@Suite("Volunteer orders against a real database")
struct OrderWorkflowTests {
    /// The steps that take an order from placed to each status (volunteer 1 is in team DY01).
    static let path: [(status: OrderStatus, line: String)] = [
        (.dispatched, "consult order dispatch order=%d team=DY01"),
        (.accepted, "consult order accept order=%d by=1"),
        (.claimed, "consult order claim order=%d volunteer=1"),
        (.done, "consult order done order=%d hours=1.5"),
        (.rated, "consult order rate order=%d rating=5"),
    ]

    /// Each action, as a line for order `%d` that would succeed from the right status.
    static let actions: [(action: OrderAction, line: String)] = [
        (.dispatch, "consult order dispatch order=%d team=DY01"),
        (.accept, "consult order accept order=%d by=1"),
        (.claim, "consult order claim order=%d volunteer=1"),
        (.done, "consult order done order=%d hours=1"),
        (.rate, "consult order rate order=%d rating=4"),
        (.cancel, "consult order cancel order=%d reason=test"),
    ]

    /// What the table allows: the one status each action needs (cancel: any open one).
    static func allowed(_ action: OrderAction, from status: OrderStatus) -> OrderStatus? {
        let next: [OrderAction: OrderStatus] = [
            .dispatch: .dispatched, .accept: .accepted, .claim: .claimed, .done: .done, .rate: .rated, .cancel: .cancelled,
        ]
        return action.requiredStatuses.contains(status) ? next[action] : nil
    }

    static func order(_ harness: ModuleHarness, at status: OrderStatus) async throws -> Int64 {
        let id = try await harness.create("consult order place community=C1 category=跑腿代办 need=代购药品 address=幸福小区3-2-101 resident=孙大爷")
        if status == .cancelled {
            try await ConsultationsFixture.succeed(harness, "consult order cancel order=\(id) reason=setup")
            return id
        }
        for step in path.prefix(while: { $0.status != status }) + path.filter({ $0.status == status }) where status != .placed {
            try await ConsultationsFixture.succeed(harness, String(format: step.line, id))
        }
        return id
    }

    static func setUpTeams(_ harness: ModuleHarness) async throws {
        for line in [
            "consult team add code=DY01 name=红心志愿服务队 unit=C1 services=跑腿代办,生活照料",
            "consult team add code=DY02 name=和平志愿服务队 unit=C2",
            "consult volunteer add team=DY01 member=1",
            "consult volunteer add team=DY02 name=赵志愿",
            "consult volunteer add team=DY01 name=钱志愿",
        ] {
            _ = try await harness.create(line)
        }
    }

    @Test func everyActionFromEveryStatusFollowsTheTransitionTable() async throws {
        try await ConsultationsFixture.with { harness in
            try await Self.setUpTeams(harness)
            // The database's table is the Swift one.
            let rows = try await harness.pool.withConnection { connection in
                try await connection.query(
                    PostgresStatement(unnamed: "SELECT from_status, action, to_status FROM consultations.order_transitions"), []
                )
                .map { row in
                    let (from, action, to): (String, String, String) = (
                        try row.decode("from_status"), try row.decode("action"), try row.decode("to_status")
                    )
                    return "\(from) \(action) \(to)"
                }
            }
            var expected: [String] = []
            for status in OrderStatus.allCases {
                for action in OrderAction.allCases {
                    if let next = Self.allowed(action, from: status) { expected.append("\(status.rawValue) \(action.rawValue) \(next.rawValue)") }
                }
            }
            #expect(Set(rows) == Set(expected))

            for status in OrderStatus.allCases {
                for (action, line) in Self.actions {
                    let id = try await Self.order(harness, at: status)
                    let reply = await harness.send(String(format: line, id))
                    let now = try await harness.scalar("SELECT status FROM consultations.orders WHERE id = $1", [id], as: String.self)
                    if let next = Self.allowed(action, from: status) {
                        #expect(reply.status == 200, "\(action) from \(status): \(reply)")
                        #expect(now == next.rawValue)
                    } else {
                        #expect(reply.status == 409, "\(action) from \(status): \(reply)")
                        #expect(
                            reply.raw.contains("consultations.order.transition_not_allowed") || reply.summary.contains("cannot \(action.rawValue)"))
                        #expect(now == status.rawValue, "a refused \(action) changed the order")
                    }
                }
            }
        }
    }

    @Test func onlyTheTeamsVolunteersAcceptClaimAndFinish() async throws {
        try await ConsultationsFixture.with { harness in
            try await Self.setUpTeams(harness)
            let order = try await Self.order(harness, at: .placed)
            let c3 = try await harness.create("consult order place community=C3 category=生活照料 need=x address=y resident=z")
            let legal = try await harness.create("consult order place community=C1 category=心理疏导 need=谈心 address=y resident=z")
            let cases: [(line: String, status: Int, words: String)] = [
                ("consult order dispatch order=\(c3) team=DY01", 422, "does not serve"),
                ("consult order dispatch order=\(legal) team=DY01", 422, "offers 跑腿代办, 生活照料, not 心理疏导"),
                ("consult order dispatch order=\(order) team=NOPE", 404, "no volunteer team"),
                ("consult volunteer add team=DY01 name=未来 joined=2099-01-01", 400, "future"),
            ]
            for refusal in cases {
                let reply = await harness.send(refusal.line)
                #expect(reply.status == refusal.status, "\(refusal.line): \(reply)")
                #expect(reply.raw.contains(refusal.words), "\(refusal.line): \(reply)")
            }
            try await ConsultationsFixture.succeed(harness, "consult order dispatch order=\(order) team=DY01")
            let outsider = await harness.send("consult order accept order=\(order) by=2")
            #expect(outsider.status == 422 && outsider.raw.contains("not in team DY01"), "\(outsider)")
            try await ConsultationsFixture.succeed(harness, "consult order accept order=\(order) by=3")
            let outsiderClaim = await harness.send("consult order claim order=\(order) volunteer=2")
            #expect(outsiderClaim.status == 422)
            try await ConsultationsFixture.succeed(harness, "consult order claim order=\(order) volunteer=3")
            let notClaimer = await harness.send("consult order done order=\(order) hours=1 by=1")
            #expect(notClaimer.status == 422 && notClaimer.raw.contains("only they"), "\(notClaimer)")
            for hours in ["0", "24.5", "1.25"] {
                let bad = await harness.send("consult order done order=\(order) hours=\(hours)")
                #expect(bad.status == 400, "hours=\(hours): \(bad)")
            }
            #expect(try await harness.scalar("SELECT status FROM consultations.orders WHERE id = $1", [order], as: String.self) == "claimed")
            // The trigger holds membership whoever writes.
            await #expect(throws: (any Error).self) {
                try await harness.pool.withConnection { connection in
                    _ = try await connection.execute(
                        PostgresStatement(unnamed: "UPDATE consultations.orders SET claimed_by = 2 WHERE id = $1"), [order])
                }
            }
            let done = try await ConsultationsFixture.succeed(harness, "consult order done order=\(order) hours=2 note=已送达")
            #expect(done.field("points") == nil || done.field("points") == "", "volunteer 3 is not a Party member: \(done)")
            let shown = try await ConsultationsFixture.succeed(harness, "consult order show order=\(order)")
            #expect(shown.field("resident") == "孙**")
            #expect(shown.field("address") == "幸福小区3-2-101", "an operator sends someone to the door")
            let viewed = await harness.send("consult order show order=\(order)", as: .viewer)
            #expect(viewed.field("address") == "幸福小区*-*-***", "\(viewed.raw)")
            let steps = shown.column("action", in: "steps")
            #expect(["dispatch", "claim", "done"].allSatisfy(steps.contains), "each step is a row of the steps table: \(shown)")
            #expect(shown.section("steps").last?["detail"] == "已送达" || shown.column("detail", in: "steps").contains { $0.contains("已送达") })
            let listed = try await ConsultationsFixture.succeed(harness, "consult order list team=DY01 status=done")
            #expect(listed.column("id") == [String(order)])
        }
    }
}
