import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// Venues and the "two full coverages" (两个全覆盖): organisational coverage (an organisation
/// serves the venue as of the period's last day) and work coverage (Party activity held there
/// within the period).
enum CoverageStore {
    enum Queries {
        static let insertVenue = PostgresStatement(
            "organizations.venue.insert",
            "INSERT INTO organizations.venues (name, kind, area_id, address, employees, members) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id"
        )
        static let findVenue = PostgresStatement(
            "organizations.venue.find", "SELECT id, name FROM organizations.venues WHERE id = $1 FOR SHARE"
        )
        static let cover = PostgresStatement(
            "organizations.venue.cover", "INSERT INTO organizations.venue_covers (venue_id, unit_id, since) VALUES ($1, $2, $3) RETURNING id"
        )
        static let uncover = PostgresStatement(
            "organizations.venue.uncover",
            "UPDATE organizations.venue_covers SET ended_on = $3 WHERE venue_id = $1 AND unit_id = $2 AND ended_on IS NULL AND since <= $3"
        )
        static let activity = PostgresStatement(
            "organizations.venue.activity",
            "INSERT INTO organizations.venue_activities (venue_id, held_on, title) VALUES ($1, $2, $3) RETURNING id"
        )
        /// Whether cover `c` by organisation `u` holds on day `day`: begun, not ended before
        /// it, its organisation not dissolved by then. `venue list` (as of today) and
        /// `org coverage` (as of the period's last day) read coverage through it alike.
        static func coversOn(_ day: String) -> String {
            "c.since <= \(day)::date AND (c.ended_on IS NULL OR c.ended_on >= \(day)::date) AND (u.dissolved_on IS NULL OR u.dissolved_on > "
                + "\(day)::date)"
        }

        /// Whether venue `venue` (an SQL expression for its id) is covered by some
        /// organisation on `day`: the one rule `venue list`, `org coverage` and `org stats` share.
        static func organisationallyCovered(venue: String, on day: String) -> String {
            """
            EXISTS (SELECT 1 FROM organizations.venue_covers c JOIN organizations.units u ON u.id = c.unit_id
                    WHERE c.venue_id = \(venue) AND \(coversOn(day)))
            """
        }

        /// Whether venue `venue` held an activity (工作覆盖) from `from` to `to`.
        static func workCovered(venue: String, from: String, to: String) -> String {
            "EXISTS (SELECT 1 FROM organizations.venue_activities x WHERE x.venue_id = \(venue) AND x.held_on BETWEEN \(from) AND \(to))"
        }

        static let list = PostgresStatement(
            "organizations.venue.list",
            """
            SELECT v.id, v.name, v.kind, a.code AS area, v.employees, v.members,
                   (SELECT string_agg(u.code, ',' ORDER BY u.code) FROM organizations.venue_covers c JOIN organizations.units u ON u.id = c.unit_id
                    WHERE c.venue_id = v.id AND \(coversOn("$6"))) AS covered_by,
                   (SELECT max(x.held_on) FROM organizations.venue_activities x WHERE x.venue_id = v.id) AS last_activity
            FROM organizations.venues v JOIN organizations.units a ON a.id = v.area_id
            WHERE v.id > $1
              AND ($2::text IS NULL OR a.path OPERATOR(public.<@) $2::public.ltree)
              AND ($3::text IS NULL OR v.kind = $3)
              AND (NOT $4 OR NOT \(organisationallyCovered(venue: "v.id", on: "$6")))
            ORDER BY v.id
            LIMIT $5
            """
        )
        /// One row per direct child of the scope (plus the scope itself for venues attached to
        /// it directly), then the caller adds the total.
        static let report = PostgresStatement(
            "organizations.coverage.report",
            """
            WITH scope AS (SELECT path, public.nlevel(path) AS level FROM organizations.units WHERE id = $1),
            counted AS (
                SELECT v.id, v.employees, v.members,
                       public.subpath(a.path, 0, LEAST(public.nlevel(a.path), scope.level + 1)) AS bucket,
                       \(organisationallyCovered(venue: "v.id", on: "$3")) AS org_covered,
                       \(workCovered(venue: "v.id", from: "$2", to: "$3")) AS work_covered
                FROM organizations.venues v JOIN organizations.units a ON a.id = v.area_id, scope
                WHERE a.path OPERATOR(public.<@) scope.path
            )
            SELECT b.code, b.name, count(*) AS venues,
                   count(*) FILTER (WHERE org_covered) AS org_covered,
                   count(*) FILTER (WHERE work_covered) AS work_covered,
                   sum(employees) AS employees, sum(members) AS members
            FROM counted JOIN organizations.units b ON b.path = counted.bucket
            GROUP BY b.id, b.code, b.name
            ORDER BY b.code
            """
        )
    }

    static func addVenue(
        name: String, kind: VenueKind, area reference: UnitReference, address: String?, employees: Int, members: Int, in session: PostgresSession
    ) async throws -> (Int64, Unit) {
        let area = try await UnitStore.findActive(reference, argument: "area", in: session)
        guard [.district, .street, .community].contains(area.kind) else {
            throw WorkbenchError(
                status: .unprocessable, code: OrganizationsErrorCode.venueNotAnArea,
                message: "a venue lies in a district, street or community; \(area.label) is a \(area.kind.label)", argument: "area"
            )
        }
        let id: Int64 = try await session.query(Queries.insertVenue, [name, kind.rawValue, area.id, address, employees, members]).single().decode(
            "id")
        return (id, area)
    }

    static func findVenue(_ id: Int64, in session: PostgresSession) async throws -> String {
        let row = try await session.row(
            Queries.findVenue, [id],
            orElse: WorkbenchError(
                status: .notFound, code: OrganizationsErrorCode.venueNotFound, message: "no venue with id \(id); see 'org venue list'",
                argument: "venue"))
        return try row.decode("name")
    }

    /// One line of the coverage report.
    struct Line: Sendable, Equatable {
        var code: String
        var name: String
        var venues: Int
        var organisationallyCovered: Int
        var workCovered: Int
        var employees: Int
        var members: Int

    }

    static func report(scope: Unit, from: CalendarDate, to: CalendarDate, in session: PostgresSession) async throws -> [Line] {
        try await session.query(Queries.report, [scope.id, from, to]).map { row in
            Line(
                code: try row.decode("code"), name: try row.decode("name"), venues: try row.decode("venues"),
                organisationallyCovered: try row.decode("org_covered"), workCovered: try row.decode("work_covered"),
                employees: try row.decode("employees"), members: try row.decode("members")
            )
        }
    }
}
