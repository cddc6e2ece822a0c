import Foundation
import WorkbenchPostgres

/// A company's complaints of one quarter, as the evaluation and the red/black list count
/// them: filed in the quarter; decided when resolved or closed, or still open past the
/// deadline; on time when resolved by the deadline.
struct ComplaintFigures: Sendable, Equatable {
    var filed = 0
    var decided = 0
    var onTime = 0

    /// The on-time rate, nil when nothing is decided yet.
    var onTimeRate: Double? { decided == 0 ? nil : Double(onTime) / Double(decided) }

    /// Per company: complaints filed in `[$1, $2)` (days in zone `$3`), as of `$4`, for
    /// companies `$5` (null: all), in communities of scope `$6` (null: everywhere).
    static let byCompany = PostgresStatement(
        "property.complaint.figures_by_company",
        """
        SELECT p.company_id, count(*) AS filed,
               count(*) FILTER (WHERE p.status IN ('resolved', 'closed') OR p.due_at <= $4) AS decided,
               count(*) FILTER (WHERE p.status IN ('resolved', 'closed') AND p.resolved_on_time) AS on_time
        FROM property.complaints p
        WHERE p.filed_at >= ($1::date)::timestamp AT TIME ZONE $3::text AND p.filed_at < ($2::date)::timestamp AT TIME ZONE $3::text
          AND ($5::bigint[] IS NULL OR p.company_id = ANY ($5::bigint[]))
          AND ($6::text IS NULL OR p.community_id IN (
                SELECT u.id FROM organizations.units u WHERE u.path OPERATOR(public.<@) $6::public.ltree AND u.kind = 'community'))
        GROUP BY p.company_id
        """
    )

    /// The figures of `quarter` by company id.
    static func load(
        quarter: Quarter, companies: [Int64]?, scopePath: String?, now: Date, timeZone: TimeZone, in session: PostgresSession
    ) async throws -> [Int64: ComplaintFigures] {
        let rows = try await session.query(
            byCompany, [quarter.firstDay, quarter.nextFirstDay, timeZone.identifier, now, companies, scopePath]
        )
        var figures: [Int64: ComplaintFigures] = [:]
        for row in rows {
            figures[try row.decode("company_id")] = ComplaintFigures(
                filed: try row.decode("filed"), decided: try row.decode("decided"), onTime: try row.decode("on_time")
            )
        }
        return figures
    }
}
