import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// One grid as stored, with its community's and parent's codes.
struct Grid: Sendable, Equatable {
    var id: Int64
    var code: String
    var name: String
    var level: GridLevel
    var communityID: Int64
    var communityCode: String
    var parentID: Int64?
    var parentCode: String?
    /// The ltree path of grid ids from the level-1 grid (`3.41.977`).
    var path: String
    var branchID: Int64?
    var branchCode: String?
    var latitude: Double?
    var longitude: Double?
    var boundary: GridBoundary?
    var households: Int
    /// The day the grid was set up: patrols and patrol coverage count from it.
    var establishedOn: CalendarDate

    /// How messages name it: `WG0101 新华一网格`.
    var label: String { "\(code) \(name)" }

    /// A grid's households: a basic grid's own count; a level-1 or level-2 grid's is the sum
    /// over the grids below it (its own count, if one was given, included).
    static let households = """
        CASE WHEN g.level = 'basic' THEN g.households
             ELSE (SELECT sum(d.households)::integer FROM grids.grids d WHERE d.path OPERATOR(public.<@) g.path) END
        """

    /// The columns every grid query selects: `g` the grid, `c` its community, `p` its parent,
    /// `b` its branch.
    static let columns = """
        g.id, g.code, g.name, g.level, g.community_id, c.code AS community_code, g.parent_id, p.code AS parent_code,
        g.path::text AS path, g.branch_id, b.code AS branch_code, g.latitude, g.longitude, g.boundary::text AS boundary,
        \(households) AS households, g.established_on
        """

    /// The joins that go with ``columns``.
    static let joins = """
        JOIN organizations.units c ON c.id = g.community_id
        LEFT JOIN grids.grids p ON p.id = g.parent_id
        LEFT JOIN organizations.units b ON b.id = g.branch_id
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        code = try row.decode("code")
        name = try row.decode("name")
        let levelText: String = try row.decode("level")
        guard let level = GridLevel(rawValue: levelText) else {
            throw PostgresError(code: .unexpectedResult, message: "unknown grid level '\(levelText)' in grids.grids")
        }
        self.level = level
        communityID = try row.decode("community_id")
        communityCode = try row.decode("community_code")
        parentID = try row.decode("parent_id")
        parentCode = try row.decode("parent_code")
        path = try row.decode("path")
        branchID = try row.decode("branch_id")
        branchCode = try row.decode("branch_code")
        latitude = try row.decode("latitude")
        longitude = try row.decode("longitude")
        boundary = (try row.decode("boundary", as: String?.self)).flatMap(GridBoundary.init(postgres:))
        households = try row.decode("households")
        establishedOn = try row.decode("established_on")
    }

    /// The fields `grid show` and `grid add` print.
    var fields: [(String, ReplyValue)] {
        [
            ("id", .int(id)), ("code", .string(code)), ("name", .string(name)), ("level", .string(level.rawValue)),
            ("level_name", .string(level.label)), ("community", .string(communityCode)), ("parent", .string(parentCode)),
            ("branch", .string(branchCode)), ("latitude", latitude.map { .double($0) } ?? .null),
            ("longitude", longitude.map { .double($0) } ?? .null), ("boundary", .string(boundary?.text)),
            ("households", .int(households)), ("established_on", .date(establishedOn)),
        ]
    }
}
