import Foundation
import WorkbenchKit

/// One company's line on a red/black list, with every figure behind its score.
struct RankingEntry: Sendable, Equatable {
    var companyID: Int64
    var companyName: String
    var creditCode: String
    /// 1, 2, …; nil when not evaluated.
    var rank: Int?
    var list: RankingFormula.List
    var evaluation: EvaluationScore?
    var complaints: ComplaintFigures
    var breakdown: RankingFormula.Breakdown?

    /// The table columns of `prop ranking` and `prop ranking show`.
    static let columns = [
        "rank", "list", "company", "credit_code", "score", "checklist_score", "positive_points", "positive_total", "deductions", "violated",
        "complaints_filed", "complaints_decided", "complaints_on_time", "complaint_score", "evaluation", "checklist_version", "met",
    ]

    /// The row under ``columns``.
    var values: [ReplyValue] {
        [
            .int(rank), .string(list.rawValue), .string(companyName), .string(creditCode), .decimal(breakdown?.score),
            .decimal(breakdown?.checklistScore), .decimal(evaluation?.positivePoints), .decimal(evaluation?.positiveTotal),
            .decimal(evaluation?.deductions), .string(evaluation.map { $0.violatedItems.joined(separator: ",") }),
            .int(complaints.filed), .int(complaints.decided), .int(complaints.onTime), .decimal(breakdown?.complaintScore),
            evaluation.map { .int($0.evaluationID) } ?? .null, .string(evaluation?.version),
            .string(evaluation.map { $0.metItems.joined(separator: ",") }),
        ]
    }
}
