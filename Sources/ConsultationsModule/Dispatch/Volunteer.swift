import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// A volunteer of a team; when they are a Party member, their hours earn vanguard points.
struct Volunteer: Sendable {
    var id: Int64
    var teamID: Int64
    var teamCode: String
    var name: String
    var memberID: Int64?
    var phone: String?
    var joinedOn: CalendarDate

    static let columns = "v.id, v.team_id, m.code AS team_code, v.name, v.member_id, v.phone, v.joined_on"

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        teamID = try row.decode("team_id")
        teamCode = try row.decode("team_code")
        name = try row.decode("name")
        memberID = try row.decode("member_id")
        phone = try row.decode("phone")
        joinedOn = try row.decode("joined_on")
    }

    /// `volunteer 3 (DY01)`.
    var label: String { "volunteer \(id) (\(teamCode))" }
}
