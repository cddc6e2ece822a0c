import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

/// The rules of a claimed project: only a company with its own Party organisation claims one,
/// and it moves only along `property.project_transitions` (read at start into ``machine``),
/// a finished one with its outcome.
struct ProjectWorkflow: Sendable {
    /// `property.project_transitions`.
    var machine: StatusMachine

    /// Records that `company` claims a project from `community`.
    ///
    /// - Returns: The project's id.
    func claim(
        company: Company, community: OrganizationDirectory.Organization, title: String, description: String?, on day: CalendarDate, at now: Date,
        in session: PostgresSession
    ) async throws -> Int64 {
        guard company.partyUnitID != nil else {
            throw WorkbenchError.ruleRefused(
                PropertyErrorCode.projectCompanyWithoutPartyOrg,
                "\(company.label) has no Party organisation; record it first with 'prop company update "
                    + "company=\(company.creditCode) party_org=<code>'"
            )
        }
        return try await session.query(ProjectQueries.insert, [company.id, community.id, title, description, day, now]).single().decode("id")
    }

    /// Moves a project to `target`: a 409 listing where it may go when the table does not
    /// allow it, a 400 when a finished project comes without its outcome.
    ///
    /// - Returns: The project as it now stands.
    func move(
        _ project: Project, to target: ProjectStatus, outcome: String?, finishedOn day: CalendarDate, at now: Date, in session: PostgresSession
    ) async throws -> Project {
        guard machine.action(from: project.status.rawValue, to: target.rawValue) != nil else {
            let next = machine.nextStatuses(from: project.status.rawValue)
            throw WorkbenchError.conflict(
                PropertyErrorCode.projectTransitionNotAllowed,
                "project \(project.id) is \(project.status.rawValue); it can move to "
                    + "\(next.isEmpty ? "nothing: it is finished" : next.joined(separator: ", "))"
            )
        }
        if target.isFinished, outcome == nil {
            throw WorkbenchError.invalidArgument(
                "outcome", code: PropertyErrorCode.projectOutcomeMissing,
                "a \(target.rawValue) project needs outcome=: what came of it or why it stopped"
            )
        }
        var moved = project
        moved.status = target
        moved.finishedOn = target.isFinished ? day : nil
        moved.outcome = target.isFinished ? outcome : nil
        try await session.execute(ProjectQueries.update, [project.id, project.status, target, moved.finishedOn, moved.outcome, now])
        return moved
    }
}
