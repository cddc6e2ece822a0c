import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// The figures of `grid stats`, computed in SQL over the cases reported in a period inside a
/// scope (organisation subtree or grid subtree) and the patrols of its basic grids.
///
/// - On-time rate: resolutions that came before the deadline of their level with no deadline
///   missed earlier, over resolved cases (resolved or closed).
/// - Handling time: from report to the (last) resolution, mean and 90th percentile, in hours.
/// - Escalations by level: how many escalations went into each level (manual and automatic).
/// - Reopen rate: resolved cases reopened at least once after an unsatisfied follow-up.
/// - Patrol coverage: basic grid-days with at least one patrol, over basic grids × days.
enum CaseStatistics {
    /// The cases in scope: `$1`/`$2` the period's first and last day (local), `$3` an
    /// organisation path or `$4` a grid path.
    private static let scoped = """
        SELECT k.* FROM grids.cases k
        WHERE k.reported_at >= $1::date AND k.reported_at < $2::date + 1
          AND ($3::text IS NULL OR k.community_id IN (
                SELECT u.id FROM organizations.units u WHERE u.path OPERATOR(public.<@) $3::public.ltree AND u.kind = 'community'))
          AND ($4::text IS NULL OR k.grid_id IN (SELECT g.id FROM grids.grids g WHERE g.path OPERATOR(public.<@) $4::public.ltree))
        """

    static let totals = PostgresStatement(
        "grids.stats.totals",
        """
        WITH scoped AS (\(scoped))
        SELECT count(*) AS cases,
               count(*) FILTER (WHERE status = 'reported') AS reported,
               count(*) FILTER (WHERE status = 'accepted') AS accepted,
               count(*) FILTER (WHERE status = 'in_progress') AS in_progress,
               count(*) FILTER (WHERE status = 'resolved') AS resolved,
               count(*) FILTER (WHERE status = 'closed') AS closed,
               count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
               count(*) FILTER (WHERE due_at < $5) AS overdue_now,
               count(*) FILTER (WHERE resolved_at IS NOT NULL) AS handled,
               count(*) FILTER (WHERE resolved_on_time) AS on_time,
               avg(extract(epoch FROM resolved_at - reported_at)) / 3600 AS mean_hours,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - reported_at)) / 3600 AS p90_hours,
               count(*) FILTER (WHERE cardinality(escalated_to) > 0) AS escalated,
               count(*) FILTER (WHERE reopens > 0) AS reopened,
               count(*) FILTER (WHERE status IN ('resolved', 'closed') OR reopens > 0) AS ever_resolved
        FROM scoped
        """
    )

    static let byCategory = PostgresStatement(
        "grids.stats.by_category",
        """
        WITH scoped AS (\(scoped))
        SELECT category, count(*) AS cases, count(*) FILTER (WHERE due_at IS NOT NULL) AS open,
               count(*) FILTER (WHERE resolved_at IS NOT NULL) AS handled, count(*) FILTER (WHERE resolved_on_time) AS on_time
        FROM scoped WHERE $5::timestamptz IS NOT NULL
        GROUP BY category ORDER BY count(*) DESC, category
        """
    )

    static let escalations = PostgresStatement(
        "grids.stats.escalations",
        """
        WITH scoped AS (\(scoped))
        SELECT e.level, count(*) AS escalations
        FROM scoped, unnest(scoped.escalated_to) AS e(level)
        WHERE $5::timestamptz IS NOT NULL
        GROUP BY e.level
        """
    )

    /// Basic grids in scope and the grid-days with a patrol in the period.
    static let patrols = PostgresStatement(
        "grids.stats.patrols",
        """
        WITH grids_in_scope AS (
            SELECT g.id FROM grids.grids g
            WHERE g.level = 'basic'
              AND ($3::text IS NULL OR g.community_id IN (
                    SELECT u.id FROM organizations.units u WHERE u.path OPERATOR(public.<@) $3::public.ltree AND u.kind = 'community'))
              AND ($4::text IS NULL OR g.path OPERATOR(public.<@) $4::public.ltree)
        )
        SELECT (SELECT count(*) FROM grids_in_scope) AS grids, $2::date - $1::date + 1 AS days,
               (SELECT count(*) FROM (SELECT DISTINCT p.grid_id, p.patrolled_on FROM grids.patrols p
                                      WHERE p.patrolled_on BETWEEN $1::date AND $2::date
                                        AND p.grid_id IN (SELECT id FROM grids_in_scope)) d) AS patrolled_days
        """
    )

    /// A share rounded to three places, or null when there is nothing to divide by.
    static func rate(_ part: Int, of whole: Int) -> ReplyValue {
        whole == 0 ? .null : .double((Double(part) / Double(whole) * 1000).rounded() / 1000)
    }

    /// Hours rounded to one place, or null.
    static func hours(_ value: Double?) -> ReplyValue {
        value.map { .double(($0 * 10).rounded() / 10) } ?? .null
    }
}
