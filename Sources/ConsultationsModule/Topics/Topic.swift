import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

/// A topic 议题 for consultation: a matter a resident raised, one assigned from above, one a
/// grid found or a people's suggestion, with its review and where it stands.
struct Topic: Sendable {
    var id: Int64
    var communityID: Int64
    var communityCode: String
    var communityPath: String
    var title: String
    var description: String
    var category: String
    var source: TopicSource
    var gridCaseCode: String?
    var proposer: String
    var proposerPhone: String?
    var status: TopicStatus
    var proposedAt: Date
    var reviewedAt: Date?
    var declineReason: String?
    var withdrawReason: String?
    var settledAt: Date?

    /// The columns ``init(row:)`` reads, for `t` = topics and `u` = its community.
    static let columns = """
        t.id, t.community_id, u.code AS community_code, u.path::text AS community_path, t.title, t.description, t.category, t.source,
        t.grid_case_code, t.proposer, t.proposer_phone, t.status, t.proposed_at, t.reviewed_at, t.decline_reason, t.withdraw_reason,
        t.settled_at
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        communityID = try row.decode("community_id")
        communityCode = try row.decode("community_code")
        communityPath = try row.decode("community_path")
        title = try row.decode("title")
        description = try row.decode("description")
        category = try row.decode("category")
        source = try row.decode("source")
        gridCaseCode = try row.decode("grid_case_code")
        proposer = try row.decode("proposer")
        proposerPhone = try row.decode("proposer_phone")
        status = try row.decode("status")
        proposedAt = try row.decode("proposed_at")
        reviewedAt = try row.decode("reviewed_at")
        declineReason = try row.decode("decline_reason")
        withdrawReason = try row.decode("withdraw_reason")
        settledAt = try row.decode("settled_at")
    }

    /// `topic 12 《小区停车难》`.
    var label: String { "topic \(id) 《\(title)》" }

    /// The proposer as a role may see them: names and phones are masked below admin.
    func proposerText(unmasked: Bool) -> String { unmasked ? proposer : PersonNameMask.masked(proposer) }

    func fields(unmasked: Bool) -> [(String, ReplyValue)] {
        [
            ("id", .int(id)), ("title", .string(title)), ("community", .string(communityCode)), ("category", .string(category)),
            ("source", .string("\(source.rawValue) \(source.chinese)")), ("grid_case", gridCaseCode.map(ReplyValue.string) ?? .null),
            ("proposer", .string(proposerText(unmasked: unmasked))),
            ("proposer_phone", proposerPhone.map { .string(unmasked ? $0 : OrganizationDirectory.maskedPhone($0)) } ?? .null),
            ("status", .string(status.label)), ("description", .string(description)), ("proposed_at", .timestamp(proposedAt)),
            ("reviewed_at", reviewedAt.map(ReplyValue.timestamp) ?? .null), ("decline_reason", declineReason.map(ReplyValue.string) ?? .null),
            ("withdraw_reason", withdrawReason.map(ReplyValue.string) ?? .null), ("settled_at", settledAt.map(ReplyValue.timestamp) ?? .null),
        ]
    }
}
