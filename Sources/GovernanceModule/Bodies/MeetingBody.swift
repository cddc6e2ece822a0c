import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// A joint meeting body 联席会议: the street's 大工委 or the community's 大党委 (or a district's
/// or city's) with its part-time members, meeting at its ``Cadence``.
struct MeetingBody: Sendable {
    var id: Int64
    var unitID: Int64
    var unitCode: String
    var unitName: String
    var unitKind: String
    var unitPath: String
    var name: String
    var cadence: Cadence
    var since: CalendarDate
    var members: Int64
    var lastMeeting: CalendarDate?

    /// The columns ``init(row:)`` reads, for `b` = bodies and `u` = its organisation.
    static let columns = """
        b.id, b.unit_id, u.code AS unit_code, u.name AS unit_name, u.kind AS unit_kind, u.path::text AS unit_path, b.name, b.cadence,
        b.since, (SELECT count(*) FROM governance.body_members m WHERE m.body_id = b.id) AS members,
        (SELECT max(x.held_on) FROM governance.meetings x WHERE x.body_id = b.id) AS last_meeting
        """
    static let joins = "JOIN organizations.units u ON u.id = b.unit_id"

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        unitID = try row.decode("unit_id")
        unitCode = try row.decode("unit_code")
        unitName = try row.decode("unit_name")
        unitKind = try row.decode("unit_kind")
        unitPath = try row.decode("unit_path")
        name = try row.decode("name")
        cadence = try row.decode("cadence")
        since = try row.decode("since")
        members = try row.decode("members")
        lastMeeting = try row.decode("last_meeting")
    }

    /// `body 3 新华路街道大工委 (JD01)`.
    var label: String { "body \(id) \(name) (\(unitCode))" }

    /// The levels a body sits at: the regional organisations that hold joint meetings.
    static let levels = ["city", "district", "street", "community"]

    var fields: [(String, ReplyValue)] {
        [
            ("id", .int(id)), ("organisation", .string(unitCode)), ("organisation_name", .string(unitName)), ("level", .string(unitKind)),
            ("name", .string(name)), ("cadence", .string(cadence.rawValue)), ("since", .date(since)), ("members", .int(members)),
            ("last_meeting", lastMeeting.map(ReplyValue.date) ?? .null),
        ]
    }

    static let tableColumns = ["id", "organisation", "level", "name", "cadence", "since", "members", "last_meeting"]

    var tableRow: [ReplyValue] {
        [
            .int(id), .string(unitCode), .string(unitKind), .string(name), .string(cadence.rawValue), .date(since), .int(members),
            lastMeeting.map(ReplyValue.date) ?? .null,
        ]
    }
}
