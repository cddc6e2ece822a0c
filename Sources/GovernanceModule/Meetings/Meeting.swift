import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// A joint meeting 联席会议 of a body: when, its title and agenda 议程, its decisions 议定事项.
struct Meeting: Sendable {
    var id: Int64
    var bodyID: Int64
    var bodyName: String
    var unitCode: String
    var heldOn: CalendarDate
    var title: String
    var agenda: String
    var decisions: String?
    var attended: Int64
    var problems: Int64
    var tasks: Int64

    /// The columns ``init(row:)`` reads, for `m` = meetings, `b` = its body, `u` = its organisation.
    static let columns = """
        m.id, m.body_id, b.name AS body_name, u.code AS unit_code, m.held_on, m.title, m.agenda, m.decisions,
        (SELECT count(*) FROM governance.attendance a WHERE a.meeting_id = m.id) AS attended,
        (SELECT count(*) FROM governance.problems p WHERE p.meeting_id = m.id) AS problems,
        (SELECT count(*) FROM governance.tasks t WHERE t.meeting_id = m.id) AS tasks
        """
    static let joins = """
        JOIN governance.bodies b ON b.id = m.body_id
        JOIN organizations.units u ON u.id = b.unit_id
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        bodyID = try row.decode("body_id")
        bodyName = try row.decode("body_name")
        unitCode = try row.decode("unit_code")
        heldOn = try row.decode("held_on")
        title = try row.decode("title")
        agenda = try row.decode("agenda")
        decisions = try row.decode("decisions")
        attended = try row.decode("attended")
        problems = try row.decode("problems")
        tasks = try row.decode("tasks")
    }

    /// `meeting 4 《2026年第三季度联席会议》`.
    var label: String { "meeting \(id) 《\(title)》" }

    var fields: [(String, ReplyValue)] {
        [
            ("id", .int(id)), ("body", .int(bodyID)), ("body_name", .string(bodyName)), ("organisation", .string(unitCode)),
            ("held_on", .date(heldOn)), ("title", .string(title)), ("agenda", .string(agenda)),
            ("decisions", decisions.map(ReplyValue.string) ?? .null), ("attended", .int(attended)), ("problems", .int(problems)),
            ("tasks", .int(tasks)),
        ]
    }

    static let tableColumns = ["id", "body", "organisation", "held_on", "title", "attended", "problems", "tasks"]

    var tableRow: [ReplyValue] {
        [.int(id), .int(bodyID), .string(unitCode), .date(heldOn), .string(title), .int(attended), .int(problems), .int(tasks)]
    }
}
