import Foundation
import Testing
@testable import PropertyModule

@Suite("The red/black list formula (红黑榜)")
struct RankingFormulaTests {
    static func d(_ text: String) -> Decimal { Decimal(string: text)! }

    /// (positive points, deductions, violations, decided, on time) → checklist, complaints,
    /// score, list; with the default formula (0.7 / 0.3, red ≥ 90 clean, black < 60) and 100
    /// positive points possible.
    @Test(arguments: [
        (100, 0, 0, 0, 0, "100", "100", "100", RankingFormula.List.red),
        (94, 0, 0, 4, 3, "94", "75", "88.3", .middle),  // 65.8 + 22.5
        (100, 10, 1, 2, 2, "90", "100", "93", .middle),  // red by score, but a negative item was violated
        (60, 20, 1, 3, 1, "40", "33.33", "38", .black),  // 28 + 9.999 → 37.999 → 38.00
        (10, 25, 2, 0, 0, "0", "100", "30", .black),  // the checklist score does not go below 0
        (80, 0, 0, 7, 3, "80", "42.86", "68.86", .middle),  // 56 + 12.858
        (86, 0, 0, 1, 1, "86", "100", "90.2", .red),
    ])
    func scores(
        _ positive: Int, _ deductions: Int, _ violations: Int, _ decided: Int, _ onTime: Int, _ checklist: String, _ complaints: String,
        _ score: String, _ list: RankingFormula.List
    ) {
        let breakdown = RankingFormula().score(
            positivePoints: Decimal(positive), positiveTotal: 100, deductions: Decimal(deductions), violations: violations, decided: decided,
            onTime: onTime
        )
        #expect(breakdown.checklistScore == Self.d(checklist))
        #expect(breakdown.complaintScore == Self.d(complaints))
        #expect(breakdown.score == Self.d(score))
        #expect(breakdown.list == list)
    }

    @Test func positivePointsAreScaledToTheChecklistsTotal() {
        let breakdown = RankingFormula().score(positivePoints: 30, positiveTotal: 40, deductions: 0, violations: 0, decided: 0, onTime: 0)
        #expect(breakdown.checklistScore == 75)
        #expect(breakdown.score == Self.d("82.5"))
    }

    @Test func rankingOrdersByScoreThenComplaintsThenCreditCode() {
        func evaluation(_ company: Int64, _ points: Decimal) -> EvaluationScore {
            EvaluationScore(
                evaluationID: company * 10, companyID: company, version: "v", positivePoints: points, positiveTotal: 100, deductions: 0, metItems: [],
                violatedItems: []
            )
        }
        let companies = (1...5).map { Ranking.Company(id: Int64($0), name: "C\($0)", creditCode: "code\(6 - $0)") }
        let ranking = Ranking(
            companies: companies,
            evaluations: [1: evaluation(1, 80), 2: evaluation(2, 90), 3: evaluation(3, 80), 4: evaluation(4, 80)],
            complaints: [
                // C1 and C3 tie at 80 + all on time; C4 has 80 with a late complaint.
                4: ComplaintFigures(filed: 2, decided: 2, onTime: 1), 5: ComplaintFigures(filed: 1, decided: 1, onTime: 0),
            ],
            formula: RankingFormula()
        )
        #expect(ranking.entries.map(\.companyName) == ["C2", "C3", "C1", "C4", "C5"])
        #expect(ranking.entries.map(\.rank) == [1, 2, 3, 4, nil])
        #expect(ranking.entries.last?.list == .notEvaluated)
        #expect(ranking.entries.last?.complaints == ComplaintFigures(filed: 1, decided: 1, onTime: 0))
        #expect(ranking.counts == "1 red, 0 black, 3 middle, 1 not evaluated")
    }
}
