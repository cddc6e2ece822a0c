import WorkbenchKit
import WorkbenchPostgres

/// Finding and listing claimed projects.
enum ProjectStore {
    /// The project with `id`, locked for update, or a 404 naming `id`.
    static func findForUpdate(_ id: Int64, in session: PostgresSession) async throws -> Project {
        try Project(
            row: try await session.row(
                ProjectQueries.findForUpdate, [id],
                orElse: WorkbenchError(
                    status: .notFound, code: PropertyErrorCode.projectNotFound, message: "no project with id \(id); see 'prop project list'",
                    argument: "id"
                )))
    }

    /// What `project list` filters by.
    struct Filter {
        var companyID: Int64?
        var scopePath: String?
        var status: ProjectStatus?
    }

    /// One page of projects.
    static func list(_ filter: Filter, page: Page, in session: PostgresSession) async throws -> [Project] {
        try await session.query(ProjectQueries.list, [page.afterKey, filter.companyID, filter.scopePath, filter.status, page.fetchLimit])
            .map(Project.init(row:))
    }
}
