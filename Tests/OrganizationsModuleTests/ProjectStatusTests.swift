import Testing
@testable import OrganizationsModule

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

    @Test(arguments: cases)
    func transition(from: ProjectStatus, to: ProjectStatus, allowed: Bool) {
        #expect(from.mayMove(to: to) == allowed)
    }

    @Test func finalStatusesAreClosed() {
        #expect(!ProjectStatus.done.isOpen)
        #expect(!ProjectStatus.cancelled.isOpen)
        #expect(ProjectStatus.planned.isOpen && ProjectStatus.inProgress.isOpen)
    }
}
