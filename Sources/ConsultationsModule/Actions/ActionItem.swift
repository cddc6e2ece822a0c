import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// An action item 落实事项 following an adopted resolution: who owns it (an organisation or a
/// named party), when it is due, how far it has come.
struct ActionItem: Sendable {
    var id: Int64
    var topicID: Int64
    var topicTitle: String
    var title: String
    var ownerUnitCode: String?
    var ownerParty: String?
    var dueOn: CalendarDate
    var status: ActionStatus
    var progress: Int
    var doneAt: Date?
    var dropReason: String?

    /// The columns ``init(row:)`` reads, for `a` = actions, `t` = its topic, `o` = the owning unit.
    static let columns = """
        a.id, a.topic_id, t.title AS topic_title, a.title, o.code AS owner_unit_code, a.owner_party, a.due_on, a.status, a.progress, a.done_at,
        a.drop_reason
        """
    static let joins = """
        JOIN consultations.topics t ON t.id = a.topic_id
        LEFT JOIN organizations.units o ON o.id = a.owner_unit_id
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        topicID = try row.decode("topic_id")
        topicTitle = try row.decode("topic_title")
        title = try row.decode("title")
        ownerUnitCode = try row.decode("owner_unit_code")
        ownerParty = try row.decode("owner_party")
        dueOn = try row.decode("due_on")
        status = try row.decode("status")
        progress = try row.decode("progress")
        doneAt = try row.decode("done_at")
        dropReason = try row.decode("drop_reason")
    }

    /// `action 7 《开放学校操场夜间停车》`.
    var label: String { "action \(id) 《\(title)》" }

    /// A 409 for a change to an action that is done or dropped (both final).
    func refuseUnlessOpen(_ step: String) throws {
        guard status == .open else {
            throw WorkbenchError.conflict(ConsultationsErrorCode.actionFinal, "\(label) is \(status.rawValue); it cannot \(step)")
        }
    }

    /// The owning organisation's code or the named party.
    var owner: String { ownerUnitCode ?? ownerParty ?? "" }

    /// Days past due on `today` (0 when not overdue or no longer open).
    func daysOverdue(on today: CalendarDate) -> Int {
        guard status == .open, dueOn < today else { return 0 }
        let utc = TimeZone(identifier: "UTC")!
        return Int((today.startOfDay(in: utc).timeIntervalSince(dueOn.startOfDay(in: utc)) / 86_400).rounded())
    }

    func row(today: CalendarDate) -> [ReplyValue] {
        [
            .int(id), .int(topicID), .string(title), .string(owner), .date(dueOn), .string(status.rawValue), .int(Int64(progress)),
            .int(Int64(daysOverdue(on: today))), doneAt.map(ReplyValue.timestamp) ?? .null, dropReason.map(ReplyValue.string) ?? .null,
        ]
    }

    static let tableColumns = ["id", "topic", "title", "owner", "due_on", "status", "progress", "days_overdue", "done_at", "drop_reason"]
}
