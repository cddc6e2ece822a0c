import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// Household files 一户一档 and their visits in `grids.households` and `grids.household_visits`.
enum HouseholdStore {
    enum Queries {
        static let find = PostgresStatement(
            "grids.household.find",
            "SELECT \(Household.columns) FROM grids.households h JOIN grids.grids g ON g.id = h.grid_id WHERE h.id = $1"
        )
        /// The households at the addresses `$2` of the grids `$1` (pairwise).
        static let findByAddresses = PostgresStatement(
            "grids.household.find_by_addresses",
            """
            SELECT \(Household.columns) FROM grids.households h JOIN grids.grids g ON g.id = h.grid_id
            WHERE (h.grid_id, h.address) IN (SELECT * FROM unnest($1::bigint[], $2::text[]))
            """
        )
        static let findForShare = PostgresStatement("grids.household.find_for_share", find.sql + " FOR SHARE OF h")
        static let findForUpdate = PostgresStatement("grids.household.find_for_update", find.sql + " FOR UPDATE OF h")
        /// `$1` grid, `$2` address, `$3` head's name, `$4` phone, `$5` size, `$6` tags, `$7` note.
        static let insert = PostgresStatement(
            "grids.household.insert",
            """
            INSERT INTO grids.households (grid_id, address, head_name, head_phone, size, tags, note, latitude, longitude)
            VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9)
            RETURNING id
            """
        )
        /// Only what is given changes: `$2` head's name, `$3` whether to set the phone to `$4`,
        /// `$5` size, `$6` tags, `$7` whether to set the note to `$8`, `$9`/`$10` the position.
        static let update = PostgresStatement(
            "grids.household.update",
            """
            UPDATE grids.households
            SET head_name = COALESCE($2, head_name), head_phone = CASE WHEN $3::boolean THEN $4 ELSE head_phone END,
                size = COALESCE($5, size), tags = COALESCE($6::text[], tags),
                note = CASE WHEN $7::boolean THEN $8 ELSE note END, latitude = COALESCE($9, latitude),
                longitude = COALESCE($10, longitude), updated_at = now()
            WHERE id = $1
            """
        )
        /// Households filtered: `$2` grid path (subtree), `$3` organisation path (communities
        /// in the subtree), `$4` tag, `$5` part of the address, `$6` only those whose latest
        /// visit asked for a follow-up; with the latest visit's day and follow-up flag.
        static let list = PostgresStatement(
            "grids.household.list",
            """
            SELECT \(Household.columns), last.visited_on AS last_visit, last.follow_up
            FROM grids.households h JOIN grids.grids g ON g.id = h.grid_id
            LEFT JOIN LATERAL (
                SELECT v.visited_on, v.follow_up FROM grids.household_visits v
                WHERE v.household_id = h.id ORDER BY v.visited_on DESC, v.id DESC LIMIT 1
            ) last ON true
            WHERE h.id > $1
              AND ($2::text IS NULL OR g.path OPERATOR(public.<@) $2::public.ltree)
              AND ($3::text IS NULL OR g.community_id IN (
                    SELECT u.id FROM organizations.units u WHERE u.path OPERATOR(public.<@) $3::public.ltree AND u.kind = 'community'))
              AND ($4::text IS NULL OR h.tags @> ARRAY[$4::text])
              AND ($5::text IS NULL OR strpos(h.address, $5::text) > 0)
              AND (NOT $6::boolean OR last.follow_up)
            ORDER BY h.id
            LIMIT $7
            """
        )
        /// `$1` household, `$2` day, `$3` visitor, `$4` note, `$5` needs, `$6` follow-up.
        static let insertVisit = PostgresStatement(
            "grids.household.visit_insert",
            """
            INSERT INTO grids.household_visits (household_id, visited_on, visitor, note, needs, follow_up)
            VALUES ($1, $2, $3, $4, $5, $6)
            RETURNING id
            """
        )
        /// The newest `$2` visits of household `$1`, and how many it has in all.
        static let visits = PostgresStatement(
            "grids.household.visits",
            """
            SELECT id, visited_on, visitor, note, needs, follow_up, count(*) OVER () AS total
            FROM grids.household_visits
            WHERE household_id = $1
            ORDER BY visited_on DESC, id DESC
            LIMIT $2
            """
        )
    }

    /// The household with `id`, or a 404 naming `argument`.
    static func find(_ id: Int64, argument: String, lock: RowLock = .none, in session: PostgresSession) async throws -> Household {
        let statement = lock.statement(plain: Queries.find, share: Queries.findForShare, update: Queries.findForUpdate)
        let row = try await session.row(
            statement, [id],
            orElse: WorkbenchError(
                status: .notFound, code: GridsErrorCode.householdNotFound,
                message: "no household with id \(id) (\(argument)=); find it with 'grid household list grid=<code> address=<part>'",
                argument: argument
            ))
        return try Household(row: row)
    }

    /// What `grid household update` changes; nil leaves a value alone.
    struct Changes: Sendable {
        var head: String?
        var phone: String??
        var size: Int?
        var tags: [String]?
        var note: String??
        var position: (latitude: Double, longitude: Double)?

        /// Whether nothing would change.
        var isEmpty: Bool { head == nil && phone == nil && size == nil && tags == nil && note == nil && position == nil }
    }

    static func update(_ id: Int64, _ changes: Changes, in session: PostgresSession) async throws -> Household {
        let household = try await find(id, argument: "household", lock: .update, in: session)
        try await session.execute(
            Queries.update,
            [
                household.id, changes.head, changes.phone != nil, changes.phone ?? nil, changes.size, changes.tags, changes.note != nil,
                changes.note ?? nil, changes.position?.latitude, changes.position?.longitude,
            ]
        )
        return try await find(id, argument: "household", in: session)
    }
}
