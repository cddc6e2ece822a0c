import WorkbenchKit
import WorkbenchPostgres

/// A Party-building service project 党建服务项目 a property company claimed 认领 from a
/// community under its Party-building agreement.
struct Project: Sendable {
    var id: Int64
    var title: String
    var status: ProjectStatus
    var claimedOn: CalendarDate
    var finishedOn: CalendarDate?
    var outcome: String?
    var companyName: String
    var communityCode: String

    /// The columns ``init(row:)`` reads, for `p` = projects, `m` = its company, `c` = its community.
    static let columns = """
        p.id, p.title, p.status, p.claimed_on, p.finished_on, p.outcome, m.name AS company_name, c.code AS community_code
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        title = try row.decode("title")
        status = try row.decode("status")
        claimedOn = try row.decode("claimed_on")
        finishedOn = try row.decode("finished_on")
        outcome = try row.decode("outcome")
        companyName = try row.decode("company_name")
        communityCode = try row.decode("community_code")
    }

    /// The columns of `project list`.
    static let listColumns = ["id", "company", "community", "title", "status", "claimed_on", "finished_on", "outcome"]

    /// One row of `project list`.
    var listValues: [ReplyValue] {
        [
            .int(id), .string(companyName), .string(communityCode), .string(title), .string(status.rawValue), .date(claimedOn),
            .date(finishedOn), .string(outcome),
        ]
    }
}
