import Foundation
import Testing
@testable import GovernanceModule

@Suite("Governance: the scoring rules and the 述职评议 result")
struct AssessmentScoringTests {
    @Test(arguments: [
        // (achieved, counted, manual, weight) → (percent, score)
        (Int64(2), Int64(3), nil as Decimal?, Decimal(30), Decimal(string: "66.67")!, Decimal(string: "20")!),
        (1, 2, nil, 20, 50, 10),
        (0, 0, nil, 25, 0, 0),
        (5, 5, nil, 12.5, 100, 12.5),
        (0, 0, 75, 30, 75, Decimal(string: "22.5")!),
        (1, 3, nil, 10, Decimal(string: "33.33")!, Decimal(string: "3.33")!),
    ])
    func aLineIsWeightTimesPercent(achieved: Int64, counted: Int64, manual: Decimal?, weight: Decimal, percent: Decimal, score: Decimal) {
        let line = AssessmentScoring.Line(
            code: "I", weight: weight, achieved: manual == nil ? achieved : nil, counted: manual == nil ? counted : nil, manual: manual)
        #expect(line.percent == percent && line.score == score, "\(line)")
    }

    @Test(arguments: [(Decimal(90), "优秀"), (Decimal(string: "89.99")!, "良好"), (80, "良好"), (60, "一般"), (Decimal(string: "59.99")!, "较差"), (0, "较差")])
    func gradesHaveTheirThresholds(total: Decimal, grade: String) {
        #expect(AssessmentScoring.grade(total) == grade)
    }

    @Test func theWeakestAreTheLowestBelowFullMarksHeavierFirst() {
        let lines = [
            AssessmentScoring.Line(code: "A", weight: 10, achieved: 1, counted: 2),
            AssessmentScoring.Line(code: "B", weight: 30, achieved: 1, counted: 2),
            AssessmentScoring.Line(code: "C", weight: 30, achieved: 2, counted: 2),
            AssessmentScoring.Line(code: "D", weight: 30, achieved: 0, counted: 4),
        ]
        #expect(AssessmentScoring.weakest(lines, count: 2).map(\.code) == ["D", "B"])
        #expect(AssessmentScoring.weakest(lines, count: 5).map(\.code) == ["D", "B", "A"])
    }

    @Test(arguments: [
        ((5, 5, 0, 0), "较好"), ((6, 0, 0, 4), "好"), ((3, 2, 5, 0), "一般"), ((0, 0, 1, 2), "差"), ((1, 0, 0, 0), "好"),
        ((2, 1, 1, 1), "较好"),
    ])
    func theResultIsTheGradeMoreThanHalfTheVotesReach(votes: (Int, Int, Int, Int), result: String) {
        #expect(ReviewVotes(good: votes.0, fairlyGood: votes.1, average: votes.2, poor: votes.3).result == result)
    }

    @Test func noVotesGiveNoResult() {
        #expect(ReviewVotes(good: 0, fairlyGood: 0, average: 0, poor: 0).result == nil)
    }
}
