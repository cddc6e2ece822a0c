import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// The figures of `grid stats`, computed in SQL in one pass over the cases reported in a
/// period inside a scope, plus one query over the patrols of its basic grids.
///
/// - On-time rate: resolutions that came before the deadline of their level with no deadline
///   missed earlier, over resolved cases (resolved or closed).
/// - Handling time: from report to the (last) resolution, mean and 90th percentile, in hours.
/// - Escalations by level: escalations into each level (manual and automatic); a case enters
///   a level at most once, since levels only go up.
/// - Reopen rate: resolved cases reopened at least once after an unsatisfied follow-up.
/// - Patrol coverage: basic grid-days with at least one patrol, over the basic grids' days in
///   the period from the day each was set up.
///
/// The scope is first resolved to community ids (an organisation subtree) or grid ids (a
/// grid subtree), so the pass reads the cases through `cases_community_reported_idx` or
/// `cases_grid_idx`.
enum CaseStatistics {
    /// The scope as ids the case indexes lead with.
    enum Members: Sendable {
        case communities([Int64])
        case grids([Int64])
    }

    static let communitiesUnder = PostgresStatement(
        "grids.stats.communities_under",
        """
        SELECT coalesce(array_agg(u.id ORDER BY u.id), '{}') FROM organizations.units u
        WHERE u.path OPERATOR(public.<@) $1::public.ltree AND u.kind = 'community'
        """
    )
    static let gridsUnder = PostgresStatement(
        "grids.stats.grids_under",
        "SELECT coalesce(array_agg(g.id ORDER BY g.id), '{}') FROM grids.grids g WHERE g.path OPERATOR(public.<@) $1::public.ltree"
    )

    /// One row with `category` null (the totals) and one per category: `$1`/`$2` the
    /// period's first and last day (local), `$3` the ids, `$4` now. The days become instants
    /// in sub-selects: comparing `timestamptz` with `date` directly is not leakproof, so for a
    /// scoped caller (row-level security) it could not bound the index scan.
    private static func summary(scope column: String) -> String {
        """
        SELECT category, count(*) AS cases,
               count(*) FILTER (WHERE status = 'reported') AS reported,
               count(*) FILTER (WHERE status = 'accepted') AS accepted,
               count(*) FILTER (WHERE status = 'in_progress') AS in_progress,
               count(*) FILTER (WHERE status = 'resolved') AS resolved,
               count(*) FILTER (WHERE status = 'closed') AS closed,
               count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
               count(*) FILTER (WHERE due_at IS NOT NULL) AS open,
               count(*) FILTER (WHERE due_at < $4) AS overdue_now,
               count(*) FILTER (WHERE resolved_at IS NOT NULL) AS handled,
               count(*) FILTER (WHERE resolved_on_time) AS on_time,
               avg(extract(epoch FROM resolved_at - reported_at)) / 3600 AS mean_hours,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - reported_at)) / 3600 AS p90_hours,
               count(*) FILTER (WHERE cardinality(escalated_to) > 0) AS escalated,
               count(*) FILTER (WHERE 'community' = ANY (escalated_to)) AS escalations_to_community,
               count(*) FILTER (WHERE 'street' = ANY (escalated_to)) AS escalations_to_street,
               count(*) FILTER (WHERE 'department' = ANY (escalated_to)) AS escalations_to_department,
               count(*) FILTER (WHERE reopens > 0) AS reopened,
               count(*) FILTER (WHERE status IN ('resolved', 'closed') OR reopens > 0) AS ever_resolved
        FROM grids.cases
        WHERE \(column) = ANY ($3::bigint[])
          AND reported_at >= (SELECT $1::date::timestamptz) AND reported_at < (SELECT ($2::date + 1)::timestamptz)
        GROUP BY GROUPING SETS ((), (category))
        ORDER BY category IS NOT NULL, count(*) DESC, category
        """
    }

    static let summaryByCommunities = PostgresStatement("grids.stats.summary_by_communities", summary(scope: "community_id"))
    static let summaryByGrids = PostgresStatement("grids.stats.summary_by_grids", summary(scope: "grid_id"))

    /// Basic grids among the scope's that existed in the period, their grid-days (each grid
    /// counted from the day it was set up) and the grid-days with a patrol.
    private static func patrols(scope column: String) -> String {
        """
        WITH basic AS (
            SELECT id, greatest(established_on, $1::date) AS first_day FROM grids.grids
            WHERE \(column) = ANY ($3::bigint[]) AND level = 'basic' AND established_on <= $2::date
        )
        SELECT (SELECT count(*) FROM basic) AS grids, (SELECT coalesce(sum($2::date - first_day + 1), 0) FROM basic) AS grid_days,
               (SELECT count(*) FROM (SELECT DISTINCT p.grid_id, p.patrolled_on FROM grids.patrols p JOIN basic b ON b.id = p.grid_id
                                      WHERE p.patrolled_on BETWEEN b.first_day AND $2::date) d) AS patrolled_days
        """
    }

    static let patrolsByCommunities = PostgresStatement("grids.stats.patrols_by_communities", patrols(scope: "community_id"))
    static let patrolsByGrids = PostgresStatement("grids.stats.patrols_by_grids", patrols(scope: "id"))

    /// The ids of `scope`.
    static func members(of scope: StatisticsScope, in session: PostgresSession) async throws -> Members {
        switch scope {
        case .organization(let unit):
            .communities(try await session.query(communitiesUnder, [unit.path]).single().decode(at: 0))
        case .grid(let grid):
            .grids(try await session.query(gridsUnder, [grid.path]).single().decode(at: 0))
        }
    }

    /// Hours rounded to one place, or null.
    static func hours(_ value: Double?) -> ReplyValue {
        value.map { .double(($0 * 10).rounded() / 10) } ?? .null
    }
}
