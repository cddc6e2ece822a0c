import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// A volunteer team 志愿服务队 of an organisation, which accepts orders its community
/// dispatches (Shizhong District, Zaozhuang: 422 teams in one district).
struct VolunteerTeam: Sendable {
    var id: Int64
    var code: String
    var name: String
    var unitID: Int64
    var unitCode: String
    var unitPath: String
    var services: [String]

    static let columns = "m.id, m.code, m.name, m.unit_id, u.code AS unit_code, u.path::text AS unit_path, m.services"

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        code = try row.decode("code")
        name = try row.decode("name")
        unitID = try row.decode("unit_id")
        unitCode = try row.decode("unit_code")
        unitPath = try row.decode("unit_path")
        services = try row.decode("services")
    }

    /// `DY01 红心志愿服务队`.
    var label: String { "\(code) \(name)" }

    /// Whether the team serves a community at `path`: a team of the community, of an
    /// organisation above it (a street's team), or of one below it (a grid branch's team).
    func serves(communityPath path: String) -> Bool {
        path == unitPath || path.hasPrefix(unitPath + ".") || unitPath.hasPrefix(path + ".")
    }
}
