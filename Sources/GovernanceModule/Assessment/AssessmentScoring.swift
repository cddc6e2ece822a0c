public import Foundation

/// How a year's indicators become an organisation's score, grade and breakthrough projects.
///
/// ```
/// percent  = 100 × achieved / counted        (0 when nothing was counted: "no evidence")
///            or the assessor's percentage for a manual indicator
/// score    = weight × percent / 100          (each rounded to two decimals, half away from zero)
/// total    = Σ score                         (the weights of a list add up to 100)
/// grade    = 优秀 ≥ 90, 良好 ≥ 80, 一般 ≥ 60, 较差 below
/// weakest  = the indicators below 100 per cent, lowest percent first, then the heavier
///            weight, then the code: the first `breakthroughs` become breakthrough projects
/// ```
public enum AssessmentScoring {
    /// One indicator as scored.
    public struct Line: Sendable, Equatable {
        /// The indicator's code.
        public var code: String
        /// Its weight (the list's weights add up to 100).
        public var weight: Decimal
        /// What was achieved and what was counted; nil for a manual indicator.
        public var achieved: Int64?
        /// See ``achieved``.
        public var counted: Int64?
        /// 0…100.
        public var percent: Decimal
        /// `weight × percent / 100`.
        public var score: Decimal

        /// Scores an indicator from its evidence, or from the assessor's `manual` percentage.
        public init(code: String, weight: Decimal, achieved: Int64?, counted: Int64?, manual: Decimal? = nil) {
            self.code = code
            self.weight = weight
            self.achieved = achieved
            self.counted = counted
            if let manual {
                percent = AssessmentScoring.rounded(manual)
            } else if let achieved, let counted, counted > 0 {
                percent = AssessmentScoring.rounded(Decimal(achieved) * 100 / Decimal(counted))
            } else {
                percent = 0
            }
            score = AssessmentScoring.rounded(weight * percent / 100)
        }

        /// A line as it was stored when its assessment was published.
        public init(code: String, weight: Decimal, achieved: Int64?, counted: Int64?, percent: Decimal, score: Decimal) {
            self.code = code
            self.weight = weight
            self.achieved = achieved
            self.counted = counted
            self.percent = percent
            self.score = score
        }
    }

    /// The sum of the lines' scores.
    public static func total(_ lines: [Line]) -> Decimal { rounded(lines.reduce(Decimal(0)) { $0 + $1.score }) }

    /// 优秀, 良好, 一般 or 较差.
    public static func grade(_ total: Decimal) -> String {
        switch total {
        case 90...: "优秀"
        case 80..<90: "良好"
        case 60..<80: "一般"
        default: "较差"
        }
    }

    /// The `count` weakest lines below full marks.
    public static func weakest(_ lines: [Line], count: Int) -> [Line] {
        Array(
            lines.filter { $0.percent < 100 }
                .sorted { ($0.percent, -$0.weight, $0.code) < ($1.percent, -$1.weight, $1.code) }
                .prefix(count))
    }

    /// `value` to two decimals, half away from zero.
    public static func rounded(_ value: Decimal) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, 2, .plain)
        return output
    }
}
