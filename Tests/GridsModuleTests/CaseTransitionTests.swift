import Testing
import WorkbenchTestSupport
@testable import GridsModule

/// The transition table, exercised through the commands: every action from every status.
@Suite("Case transitions: one table decides, anything else is a 409 naming the allowed actions")
struct CaseTransitionTests {
    /// What each action does from each status: the status it leads to, or nil when refused.
    static let expected: [CaseStatus: [CaseAction: CaseStatus]] = [
        .reported: [.accept: .accepted, .escalate: .reported, .cancel: .cancelled],
        .accepted: [.start: .inProgress, .assign: .accepted, .escalate: .accepted, .resolve: .resolved, .cancel: .cancelled],
        .inProgress: [.assign: .inProgress, .escalate: .inProgress, .resolve: .resolved, .cancel: .cancelled],
        .resolved: [.confirm: .closed, .reopen: .inProgress],
        .closed: [:],
        .cancelled: [:],
    ]

    /// The commands that bring a new case to a status.
    static let path: [CaseStatus: [String]] = [
        .reported: [],
        .accepted: ["accept"],
        .inProgress: ["accept", "start"],
        .resolved: ["accept", "resolve note=已处理"],
        .closed: ["accept", "resolve note=已处理", "confirm"],
        .cancelled: ["cancel reason=重复"],
    ]

    /// The arguments each action needs.
    static func arguments(_ action: CaseAction) -> String {
        switch action {
        case .assign: "to=王师傅"
        case .escalate: "reason=需要上级协调"
        case .resolve: "note=已处理"
        case .reopen, .cancel: "reason=不满意"
        default: ""
        }
    }

    @Test func everyActionFromEveryStatus() async throws {
        try await GridsFixture.with { (harness: ModuleHarness) async throws in
            for status in CaseStatus.allCases {
                for action in CaseAction.allCases {
                    let id = try await harness.create("grid case report grid=W1 category=乱停车 description=占道停车")
                    for step in Self.path[status]! {
                        #expect(await harness.send("grid case \(step) case=\(id)").status == 200, "\(step)")
                    }
                    let reply = await harness.send("grid case \(action.rawValue) case=\(id) \(Self.arguments(action))")
                    let now: String = try await harness.scalar("SELECT status FROM grids.cases WHERE id = $1", [id])
                    if let target = Self.expected[status]![action] {
                        #expect(reply.status == 200, "\(status) --\(action)--> \(reply.raw)")
                        #expect(now == target.rawValue, "\(status) --\(action)-->")
                    } else {
                        #expect(reply.status == 409, "\(status) --\(action)--> \(reply.raw)")
                        #expect(reply.summary.contains("grids.case.transition_not_allowed") || reply.raw.contains("Allowed from"), "\(reply.raw)")
                        #expect(now == status.rawValue, "a refused action changes nothing")
                    }
                }
            }
        }
    }

    @Test func theTableInTheDatabaseIsTheDocumentedOne() async throws {
        try await GridsFixture.with { (harness: ModuleHarness) async throws in
            let rows: String = try await harness.scalar(
                "SELECT string_agg(from_status || ' ' || action || ' ' || to_status, ';' ORDER BY from_status, action) FROM grids.case_transitions"
            )
            let expected = Self.expected.flatMap { status, actions in actions.map { "\(status.rawValue) \($0.key.rawValue) \($0.value.rawValue)" } }
                .sorted().joined(separator: ";")
            #expect(rows == expected)
        }
    }

    @Test func refusalNamesTheAllowedActions() async throws {
        try await GridsFixture.with { (harness: ModuleHarness) async throws in
            let id = try await harness.create("grid case report grid=W1 category=乱停车 description=占道停车")
            let reply = await harness.send("grid case confirm case=\(id)")
            #expect(reply.status == 409)
            #expect(reply.summary.contains("reported"))
            #expect(reply.summary.contains("accept (→ accepted)"))
            #expect(reply.summary.contains("cancel (→ cancelled)"))
            #expect(reply.summary.contains("escalate (→ reported)"))
        }
    }

    @Test func theDatabaseRefusesAStatusChangeTheTableDoesNotList() async throws {
        try await GridsFixture.with { (harness: ModuleHarness) async throws in
            let id = try await harness.create("grid case report grid=W1 category=乱停车 description=占道停车")
            await #expect(throws: (any Error).self) {
                let _: Int = try await harness.scalar(
                    "WITH u AS (UPDATE grids.cases SET status = 'closed', due_at = NULL, warn_at = NULL, clock_started_at = NULL WHERE id = "
                        + "$1 RETURNING 1) SELECT count(*)::int FROM u",
                    [id]
                )
            }
            let status: String = try await harness.scalar("SELECT status FROM grids.cases WHERE id = $1", [id])
            #expect(status == "reported")
        }
    }

    @Test func theHistoryIsAppendOnly() async throws {
        try await GridsFixture.with { (harness: ModuleHarness) async throws in
            let id = try await harness.create("grid case report grid=W1 category=乱停车 description=占道停车")
            await #expect(throws: (any Error).self) {
                let _: Int = try await harness.scalar(
                    "WITH d AS (DELETE FROM grids.case_events WHERE case_id = $1 RETURNING 1) SELECT count(*)::int FROM d", [id]
                )
            }
        }
    }
}
