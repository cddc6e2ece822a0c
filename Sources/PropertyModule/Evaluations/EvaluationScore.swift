import Foundation
import WorkbenchPostgres

/// A standing evaluation reduced to the figures the red/black list needs, with the items
/// behind them.
struct EvaluationScore: Sendable, Equatable {
    var evaluationID: Int64
    var companyID: Int64
    var version: String
    /// Weights of the positive items met.
    var positivePoints: Decimal
    /// Weights of all positive items of the pinned checklist.
    var positiveTotal: Decimal
    /// Weights of the negative items violated.
    var deductions: Decimal
    /// Codes of the positive items met, in checklist order.
    var metItems: [String]
    /// Codes of the negative items violated, in checklist order.
    var violatedItems: [String]

    init(
        evaluationID: Int64, companyID: Int64, version: String, positivePoints: Decimal, positiveTotal: Decimal, deductions: Decimal,
        metItems: [String], violatedItems: [String]
    ) {
        self.evaluationID = evaluationID
        self.companyID = companyID
        self.version = version
        self.positivePoints = positivePoints
        self.positiveTotal = positiveTotal
        self.deductions = deductions
        self.metItems = metItems
        self.violatedItems = violatedItems
    }

    init(row: PostgresRow) throws {
        evaluationID = try row.decode("id")
        companyID = try row.decode("company_id")
        version = try row.decode("checklist_version")
        positivePoints = try row.decode("positive_points")
        positiveTotal = try row.decode("positive_total")
        deductions = try row.decode("deductions")
        metItems = try row.decode("met_items")
        violatedItems = try row.decode("violated_items")
    }

    /// The scoring of evaluations from their items and the pinned checklist's weights.
    private static let selection = """
        SELECT e.id, e.company_id, e.checklist_version,
               coalesce(sum(i.weight) FILTER (WHERE ei.outcome = 'met'), 0) AS positive_points,
               coalesce(sum(i.weight) FILTER (WHERE ei.kind = 'positive'), 0) AS positive_total,
               coalesce(sum(i.weight) FILTER (WHERE ei.outcome = 'violated'), 0) AS deductions,
               coalesce(array_agg(ei.item_code ORDER BY i.position) FILTER (WHERE ei.outcome = 'met'), '{}') AS met_items,
               coalesce(array_agg(ei.item_code ORDER BY i.position) FILTER (WHERE ei.outcome = 'violated'), '{}') AS violated_items
        FROM property.evaluations e
        JOIN property.evaluation_items ei ON ei.evaluation_id = e.id
        JOIN property.checklist_items i ON i.version = ei.checklist_version AND i.code = ei.item_code
        """

    /// Standing evaluations of quarter `$1`, scored.
    static let standing = PostgresStatement(
        "property.evaluation.standing_scores", selection + " WHERE e.quarter = $1 AND e.superseded_at IS NULL GROUP BY e.id"
    )
}
