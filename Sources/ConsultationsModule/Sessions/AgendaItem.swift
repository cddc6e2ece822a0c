import WorkbenchKit
import WorkbenchPostgres

/// A topic on a session's agenda with its vote (议题表决), as `session show` lists it.
struct AgendaItem: Sendable {
    var topicID: Int64
    var title: String
    var votesFor: Int64?
    var votesAgainst: Int64?
    var votesAbstain: Int64?
    var adopted: Bool?
    var resolution: String?
    var replied: Bool

    init(row: PostgresRow) throws {
        topicID = try row.decode("topic_id")
        title = try row.decode("title")
        votesFor = try row.decode("votes_for")
        votesAgainst = try row.decode("votes_against")
        votesAbstain = try row.decode("votes_abstain")
        adopted = try row.decode("adopted")
        resolution = try row.decode("resolution")
        replied = try row.decode("replied")
    }

    /// Whether the topic was voted on.
    var voted: Bool { votesFor != nil }

    /// The columns of the `agenda` table of `session show`.
    static let columns = ["topic", "title", "votes_for", "votes_against", "votes_abstain", "adopted", "resolution", "replied"]

    /// One row of that table (vote fields empty before the vote).
    var values: [ReplyValue] {
        [
            .int(topicID), .string(title), votesFor.map(ReplyValue.int) ?? .null, votesAgainst.map(ReplyValue.int) ?? .null,
            votesAbstain.map(ReplyValue.int) ?? .null, voted ? .bool(adopted ?? false) : .null, .string(resolution), .bool(replied),
        ]
    }
}
