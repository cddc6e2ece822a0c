import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// The vanguard index (先锋指数): an append-only points ledger per member, ranked over any
/// subtree and period.
enum PointsStore {
    enum Queries {
        static let insert = PostgresStatement(
            "organizations.points.insert",
            "INSERT INTO organizations.points (member_id, category, points, reason, awarded_at) VALUES ($1, $2, $3, $4, $5) RETURNING id"
        )
        /// Members ranked by their points in the period; ties share a rank (1, 2, 2, 4).
        /// Members count where they belong now; the period is [from, to] in the session's time zone.
        static let rank = PostgresStatement(
            "organizations.points.rank",
            """
            SELECT rank() OVER (ORDER BY sum(p.points) DESC) AS rank, m.id, m.name, u.code AS unit_code,
                   sum(p.points) AS points, count(*) AS entries
            FROM organizations.points p
            JOIN organizations.members m ON m.id = p.member_id
            JOIN organizations.units u ON u.id = m.unit_id
            WHERE ($1::text IS NULL OR u.path OPERATOR(public.<@) $1::public.ltree)
              AND m.left_on IS NULL
              AND p.awarded_at >= (SELECT $2::date::timestamptz) AND p.awarded_at < (SELECT ($3::date + 1)::timestamptz)
              AND ($4::text IS NULL OR p.category = $4)
            GROUP BY m.id, m.name, u.code
            ORDER BY points DESC, m.id
            LIMIT $5
            """
        )
        static let ledger = PostgresStatement(
            "organizations.points.ledger",
            """
            SELECT * FROM (
                SELECT id, awarded_at, category, points, reason, sum(points) OVER (ORDER BY id) AS balance
                FROM organizations.points WHERE member_id = $1
            ) ledger
            WHERE id > $2
            ORDER BY id
            LIMIT $3
            """
        )
    }

    static func add(
        member memberID: Int64, category: String, points: Int, reason: String, at instant: Date, in session: PostgresSession
    ) async throws -> (Int64, Member) {
        let member = try await MemberStore.findActive(memberID, in: session)
        let id: Int64 = try await session.query(Queries.insert, [member.id, category, points, reason, instant]).single().decode("id")
        return (id, member)
    }

    struct Ranked: Sendable, Equatable {
        var rank: Int
        var memberID: Int64
        var name: String
        var unitCode: String
        var points: Int
        var entries: Int
    }

    static func rank(
        underPath: String?, from: CalendarDate, to: CalendarDate, category: String?, limit: Int, in session: PostgresSession
    ) async throws -> [Ranked] {
        try await session.query(Queries.rank, [underPath, from, to, category, limit]).map { row in
            Ranked(
                rank: try row.decode("rank"), memberID: try row.decode("id"), name: try row.decode("name"), unitCode: try row.decode("unit_code"),
                points: try row.decode("points"), entries: try row.decode("entries")
            )
        }
    }
}
