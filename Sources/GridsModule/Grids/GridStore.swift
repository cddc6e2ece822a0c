import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

/// Grids and their assignments in `grids.grids` and `grids.assignments`.
enum GridStore {
    enum Queries {
        /// `$1` organisation path: leaf grids of the communities under it, for coverage.
        static let leafGrids = PostgresStatement(
            "grids.grid.leaf_grids",
            """
            SELECT g.id, g.code, g.name, g.households, g.latitude, g.longitude, g.boundary::text AS boundary
            FROM grids.grids g JOIN organizations.units c ON c.id = g.community_id
            WHERE c.path OPERATOR(public.<@) $1::public.ltree
              AND NOT EXISTS (SELECT 1 FROM grids.grids k WHERE k.parent_id = g.id)
            ORDER BY g.id
            """
        )
        /// Households in grids of communities under `$1`, with their positions (null when unknown).
        static let householdPositions = PostgresStatement(
            "grids.grid.household_positions",
            """
            SELECT h.id, g.code, h.address, h.size, h.latitude, h.longitude
            FROM grids.households h JOIN grids.grids g ON g.id = h.grid_id JOIN organizations.units c ON c.id = g.community_id
            WHERE c.path OPERATOR(public.<@) $1::public.ltree
            ORDER BY h.id
            """
        )
        static let find = PostgresStatement(
            "grids.grid.find",
            """
            SELECT \(Grid.columns) FROM grids.grids g \(Grid.joins)
            WHERE g.id = CASE WHEN $1::bigint IS NULL THEN (SELECT id FROM grids.grids WHERE code = $2) ELSE $1::bigint END
            """
        )
        static let findForShare = PostgresStatement("grids.grid.find_for_share", find.sql + " FOR SHARE OF g")
        /// The grids whose codes are in `$1`.
        static let findByCodes = PostgresStatement(
            "grids.grid.find_by_codes", "SELECT \(Grid.columns) FROM grids.grids g \(Grid.joins) WHERE g.code = ANY($1::text[])"
        )
        static let findForUpdate = PostgresStatement("grids.grid.find_for_update", find.sql + " FOR UPDATE OF g")
        static let insert = PostgresStatement(
            "grids.grid.insert",
            """
            INSERT INTO grids.grids (code, name, level, community_id, parent_id, branch_id, latitude, longitude, boundary, households, established_on)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::polygon, $10, $11)
            RETURNING id
            """
        )
        static let update = PostgresStatement(
            "grids.grid.update",
            """
            UPDATE grids.grids
            SET name = COALESCE($2, name), branch_id = CASE WHEN $3::boolean THEN $4 ELSE branch_id END,
                latitude = COALESCE($5, latitude), longitude = COALESCE($6, longitude),
                boundary = CASE WHEN $7::boolean THEN $8::polygon ELSE boundary END,
                households = COALESCE($9, households), established_on = COALESCE($10, established_on), updated_at = now()
            WHERE id = $1
            """
        )
        static let firstPatrol = PostgresStatement(
            "grids.grid.first_patrol", "SELECT min(patrolled_on) AS first FROM grids.patrols WHERE grid_id = $1"
        )
        static let list = PostgresStatement(
            "grids.grid.list",
            """
            SELECT \(Grid.columns),
                   (SELECT count(*) FROM grids.cases k WHERE k.grid_id = g.id AND k.status IN ('reported', 'accepted', 'in_progress')) AS open_cases
            FROM grids.grids g \(Grid.joins)
            WHERE g.id > $1
              AND ($2::bigint IS NULL OR g.community_id = $2)
              AND ($3::text IS NULL OR g.path OPERATOR(public.<@) $3::public.ltree)
              AND ($4::text IS NULL OR g.level = $4)
              AND ($5::text IS NULL OR g.name LIKE '%' || $5 || '%' OR g.code LIKE '%' || $5 || '%')
              AND ($6::text IS NULL OR c.path OPERATOR(public.<@) $6::public.ltree)
            ORDER BY g.id
            LIMIT $7
            """
        )
        /// The grids under a community or grid, depth-first by path, with their open cases
        /// and current workers.
        static let tree = PostgresStatement(
            "grids.grid.tree",
            """
            SELECT g.id, g.code, g.name, g.level, public.nlevel(g.path) AS depth, \(Grid.households) AS households,
                   (SELECT p.code FROM grids.grids p WHERE p.id = g.parent_id) AS parent,
                   (SELECT count(*) FROM grids.cases k WHERE k.grid_id = g.id AND k.status IN ('reported', 'accepted', 'in_progress')) AS open_cases,
                   (SELECT string_agg(a.person, '、' ORDER BY a.id) FROM grids.assignments a
                    WHERE a.grid_id = g.id AND a.role = 'worker' AND a.ends_on IS NULL) AS workers
            FROM grids.grids g
            WHERE ($1::bigint IS NULL OR g.community_id = $1)
              AND ($2::text IS NULL OR g.path OPERATOR(public.<@) $2::public.ltree)
            ORDER BY g.community_id, g.path
            LIMIT $3
            """
        )
        static let children = PostgresStatement(
            "grids.grid.children", "SELECT count(*) FROM grids.grids WHERE parent_id = $1"
        )
        static let openCases = PostgresStatement(
            "grids.grid.open_cases",
            "SELECT count(*) FROM grids.cases WHERE grid_id = $1 AND status IN ('reported', 'accepted', 'in_progress')"
        )
        static let assign = PostgresStatement(
            "grids.assignment.insert",
            """
            INSERT INTO grids.assignments (grid_id, role, member_id, person, phone, work_unit, starts_on, ends_on)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            RETURNING id
            """
        )
        static let findAssignment = PostgresStatement(
            "grids.assignment.find",
            """
            SELECT a.id, g.code AS grid_code, a.role, a.member_id, a.person, a.phone, a.work_unit, a.starts_on, a.ends_on
            FROM grids.assignments a JOIN grids.grids g ON g.id = a.grid_id
            WHERE a.id = $1
            FOR UPDATE OF a
            """
        )
        static let endAssignment = PostgresStatement(
            "grids.assignment.end", "UPDATE grids.assignments SET ends_on = $2 WHERE id = $1"
        )
        static let assignments = PostgresStatement(
            "grids.assignment.list",
            """
            SELECT a.id, g.code AS grid_code, a.role, a.member_id, a.person, a.phone, a.work_unit, a.starts_on, a.ends_on
            FROM grids.assignments a JOIN grids.grids g ON g.id = a.grid_id
            WHERE a.id > $1
              AND ($2::bigint IS NULL OR a.grid_id = $2)
              AND ($3::bigint IS NULL OR a.member_id = $3)
              AND ($4::text IS NULL OR a.role = $4)
              AND ($5::text = 'all' OR ($5 = 'current') = (a.ends_on IS NULL OR a.ends_on >= $6::date))
            ORDER BY a.id
            LIMIT $7
            """
        )
    }

    /// The grid named by `reference`, or a 404 naming the argument.
    static func find(_ reference: GridReference, argument: String, lock: RowLock = .none, in session: PostgresSession) async throws -> Grid {
        let statement = lock.statement(plain: Queries.find, share: Queries.findForShare, update: Queries.findForUpdate)
        return try Grid(
            row: try await session.row(
                statement, for: reference,
                orElse: WorkbenchError(
                    status: .notFound, code: GridsErrorCode.gridNotFound,
                    message: "no grid with \(reference) (\(argument)=); list grids with 'grid list community=<code>'", argument: argument
                )
            )
        )
    }

    /// What `grid add` needs.
    struct Draft: Sendable {
        var code: String
        var name: String
        var level: GridLevel
        var community: String
        var parent: String?
        var branch: String?
        var latitude: Double?
        var longitude: Double?
        var boundary: GridBoundary?
        var households: Int
        /// The day it was set up.
        var establishedOn: CalendarDate
    }

    /// The grids with these codes, by code.
    static func find(codes: [String], in session: PostgresSession) async throws -> [String: Grid] {
        let grids = try await session.query(Queries.findByCodes, [codes]).map(Grid.init(row:))
        return Dictionary(grids.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func add(_ draft: Draft, in session: PostgresSession) async throws -> Grid {
        let community = try await OrganizationDirectory.activeUnit(draft.community, argument: "community", kind: "community", in: session)
        var parent: Grid?
        if let reference = draft.parent {
            parent = try await find(GridReference(reference), argument: "parent", lock: .share, in: session)
        }
        if let parent, parent.communityID != community.id {
            throw WorkbenchError(
                status: .unprocessable, code: GridsErrorCode.gridParentInOtherCommunity,
                message: "parent grid \(parent.label) belongs to \(parent.communityCode), not \(community.code); a grid stays inside its community",
                argument: "parent"
            )
        }
        let branch = try await branch(draft.branch, community: community, in: session)
        let id: Int64 = try await session.query(
            Queries.insert,
            [
                draft.code, draft.name, draft.level.rawValue, community.id, parent?.id, branch?.id, draft.latitude, draft.longitude,
                draft.boundary?.postgresText, draft.households, draft.establishedOn,
            ]
        ).single().decode("id")
        return try await find(.id(id), argument: "grid", in: session)
    }

    /// The grid Party branch named by `reference`: an active organisation of kind
    /// `grid_branch` inside `community`.
    static func branch(
        _ reference: String?, community: OrganizationDirectory.Organization, in session: PostgresSession
    ) async throws -> OrganizationDirectory.Organization? {
        guard let reference else { return nil }
        let branch = try await OrganizationDirectory.activeUnit(reference, argument: "branch", kind: "grid_branch", in: session)
        guard branch.path.hasPrefix(community.path + ".") else {
            throw WorkbenchError(
                status: .unprocessable, code: GridsErrorCode.gridBranchInOtherCommunity,
                message: "\(branch.label) is not under \(community.label); a grid is led by a grid branch of its own community",
                argument: "branch"
            )
        }
        return branch
    }

    /// What `grid update` changes; nil leaves a value alone.
    struct Changes: Sendable {
        var name: String?
        var branch: String??
        var latitude: Double?
        var longitude: Double?
        var boundary: GridBoundary??
        var households: Int?
        var establishedOn: CalendarDate?
    }

    static func update(_ reference: GridReference, _ changes: Changes, in session: PostgresSession) async throws -> Grid {
        let grid = try await find(reference, argument: "grid", lock: .update, in: session)
        var branchID: Int64?
        if case .some(let branchReference) = changes.branch {
            let community = try await OrganizationDirectory.unit(String(grid.communityID), argument: "grid", in: session)
            branchID = try await branch(branchReference, community: community, in: session)?.id
        }
        if (changes.latitude == nil) != (changes.longitude == nil) {
            throw WorkbenchError.invalidArgument(changes.latitude == nil ? "lat" : "lon", "give lat= and lon= together")
        }
        if let day = changes.establishedOn,
            let first: CalendarDate = try await session.query(Queries.firstPatrol, [grid.id]).single().decode("first"), day > first
        {
            throw WorkbenchError(
                status: .unprocessable, code: GridsErrorCode.gridPatrolledBefore,
                message: "\(grid.label) was patrolled on \(first); it was set up on that day or earlier", argument: "established_on"
            )
        }
        try await session.execute(
            Queries.update,
            [
                grid.id, changes.name, changes.branch != nil, branchID, changes.latitude, changes.longitude, changes.boundary != nil,
                changes.boundary??.postgresText, changes.households, changes.establishedOn,
            ]
        )
        return try await find(.id(grid.id), argument: "grid", in: session)
    }
}
