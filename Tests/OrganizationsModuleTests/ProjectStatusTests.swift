import Testing
import WorkbenchTestSupport
@testable import OrganizationsModule

/// The co-building projects' moves are the table `organizations.project_transitions`, read by
/// the module at start; a trigger refuses any other move, whoever writes it.
@Suite("Co-building project status transitions")
struct ProjectStatusTests {
    static let cases: [(ProjectStatus, ProjectStatus, Bool)] = [
        (.planned, .inProgress, true),
        (.planned, .cancelled, true),
        (.planned, .done, false),
        (.inProgress, .done, true),
        (.inProgress, .cancelled, true),
        (.inProgress, .planned, false),
        (.done, .inProgress, false),
        (.done, .cancelled, false),
        (.cancelled, .planned, false),
        (.cancelled, .inProgress, false),
    ]

    @Test func theModuleReadsTheTableAndTheDatabaseRefusesWhatItDoesNotList() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            let module = try #require(harness.modules["organizations"] as? OrganizationsModule)
            for (from, to, allowed) in Self.cases {
                #expect((module.projectMachine.action(from: from.rawValue, to: to.rawValue) != nil) == allowed, "\(from) → \(to)")
            }
            let pair = try await harness.create("org pair add unit=R1 community=C1 since=2026-01-01")
            let project = try await harness.create("org project add pair=\(pair) title=义诊进社区 category=生活服务")
            await #expect(throws: (any Error).self, "planned → done skips a step") {
                _ = try await harness.scalar(
                    "UPDATE organizations.projects SET status = 'done', outcome = 'x' WHERE id = $1 RETURNING id", [project], as: Int64.self)
            }
            let moved = try await harness.scalar(
                "UPDATE organizations.projects SET status = 'in_progress' WHERE id = $1 RETURNING status", [project], as: String.self)
            #expect(moved == "in_progress")
        }
    }

    @Test func finalStatusesAreClosed() {
        #expect(!ProjectStatus.done.isOpen)
        #expect(!ProjectStatus.cancelled.isOpen)
        #expect(ProjectStatus.planned.isOpen && ProjectStatus.inProgress.isOpen)
    }
}
