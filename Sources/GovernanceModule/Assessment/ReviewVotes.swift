/// The appraisers' votes of a 述职评议 by count, and the result they give: the best grade that
/// more than half of the votes reach (a vote for 好 reaches 较好 too). With 10 votes, 5 好 and
/// 5 较好 give 较好; 6 好 and 4 差 give 好; 3 好, 2 较好 and 5 一般 give 一般.
public struct ReviewVotes: Sendable, Equatable {
    /// 好.
    public var good: Int
    /// 较好.
    public var fairlyGood: Int
    /// 一般.
    public var average: Int
    /// 差.
    public var poor: Int

    /// Creates the counts.
    public init(good: Int, fairlyGood: Int, average: Int, poor: Int) {
        self.good = good
        self.fairlyGood = fairlyGood
        self.average = average
        self.poor = poor
    }

    /// All votes.
    public var total: Int { good + fairlyGood + average + poor }

    /// 好, 较好, 一般 or 差 (nil without votes).
    public var result: String? {
        guard total > 0 else { return nil }
        var reached = 0
        for (grade, votes) in [("好", good), ("较好", fairlyGood), ("一般", average), ("差", poor)] {
            reached += votes
            if reached * 2 > total { return grade }
        }
        return "差"
    }

    /// Votes for 好 or 较好: the review indicator's achieved share.
    public var favourable: Int { good + fairlyGood }
}
