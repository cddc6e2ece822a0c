public import Foundation

/// How a company's quarter becomes a score and a place on the red/black list 红黑榜.
///
/// ```
/// checklist  = max(0, 100 × positive points met / positive points possible − deductions)
/// on-time    = complaints resolved by their "2310" deadline / complaints decided
///              (decided: resolved or closed, or still open past the deadline;
///               1 when the quarter has none)
/// score      = (1 − w) × checklist + w × 100 × on-time         (w = complaint_weight, 0.3)
/// red  红榜  = score ≥ red_min_score (90) and no negative item violated
/// black 黑榜 = score < black_below_score (60)
/// ```
///
/// Complaints count in the quarter they were filed in. Companies are ordered by score, then
/// on-time rate, then credit code. The checklist and complaint scores are rounded to two
/// decimals (half away from zero), and so is the score made from them.
public struct RankingFormula: Sendable, Equatable, CustomStringConvertible {
    /// The complaint figure's share of the score, 0…1.
    public var complaintWeight: Decimal
    /// The lowest score on the red list.
    public var redMinimum: Decimal
    /// Scores below this are on the black list.
    public var blackBelow: Decimal

    /// Creates a formula.
    public init(complaintWeight: Decimal = Decimal(string: "0.3")!, redMinimum: Decimal = 90, blackBelow: Decimal = 60) {
        self.complaintWeight = complaintWeight
        self.redMinimum = redMinimum
        self.blackBelow = blackBelow
    }

    /// Which list a company lands on.
    public enum List: String, Sendable, CaseIterable {
        /// 红榜.
        case red
        /// 黑榜.
        case black
        /// Neither.
        case middle
        /// No standing evaluation for the quarter: not ranked.
        case notEvaluated = "not_evaluated"
    }

    /// A score with the figures behind it.
    public struct Breakdown: Sendable, Equatable {
        /// 0…100 from the checklist.
        public var checklistScore: Decimal
        /// 0…100 from the complaints' on-time rate.
        public var complaintScore: Decimal
        /// The weighted total.
        public var score: Decimal
        /// The list it puts the company on.
        public var list: List
    }

    /// Scores one company's quarter.
    ///
    /// - Parameters:
    ///   - positivePoints: Weights of the positive items met.
    ///   - positiveTotal: Weights of all positive items of the pinned checklist.
    ///   - deductions: Weights of the negative items violated.
    ///   - violations: How many negative items were violated.
    ///   - decided: Complaints decided in the quarter.
    ///   - onTime: Of those, resolved by their deadline.
    public func score(
        positivePoints: Decimal, positiveTotal: Decimal, deductions: Decimal, violations: Int, decided: Int, onTime: Int
    ) -> Breakdown {
        let raw = positiveTotal > 0 ? 100 * positivePoints / positiveTotal - deductions : -deductions
        let checklist = Self.rounded(max(0, raw))
        let complaints = decided == 0 ? 100 : Self.rounded(100 * Decimal(onTime) / Decimal(decided))
        let score = Self.rounded((1 - complaintWeight) * checklist + complaintWeight * complaints)
        let list: List = score >= redMinimum && violations == 0 ? .red : score < blackBelow ? .black : .middle
        return Breakdown(checklistScore: checklist, complaintScore: complaints, score: score, list: list)
    }

    /// Rounds half away from zero to two decimals.
    public static func rounded(_ value: Decimal) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, 2, .plain)
        return output
    }

    /// One line for the published record: `score = 0.7 × checklist + 0.3 × on-time; red ≥ 90 …`.
    public var description: String {
        "score = \(1 - complaintWeight) × checklist + \(complaintWeight) × complaints on time; red ≥ \(redMinimum) with no negative item; "
            + "black < \(blackBelow)"
    }
}
