import Foundation

/// A quarter's red/black list 红黑榜 computed from the standing evaluations and the complaint
/// figures by a ``RankingFormula``: evaluated companies ranked by score (then on-time rate,
/// then credit code), companies without an evaluation listed after them, unranked.
struct Ranking: Sendable, Equatable {
    /// A company the list covers.
    struct Company: Sendable, Equatable {
        var id: Int64
        var name: String
        var creditCode: String
    }

    var entries: [RankingEntry]

    /// Computes the list.
    init(companies: [Company], evaluations: [Int64: EvaluationScore], complaints: [Int64: ComplaintFigures], formula: RankingFormula) {
        var scored: [RankingEntry] = []
        var unscored: [RankingEntry] = []
        for company in companies {
            let figures = complaints[company.id] ?? ComplaintFigures()
            guard let evaluation = evaluations[company.id] else {
                unscored.append(
                    RankingEntry(
                        companyID: company.id, companyName: company.name, creditCode: company.creditCode, rank: nil, list: .notEvaluated,
                        evaluation: nil, complaints: figures, breakdown: nil
                    )
                )
                continue
            }
            let breakdown = formula.score(
                positivePoints: evaluation.positivePoints, positiveTotal: evaluation.positiveTotal, deductions: evaluation.deductions,
                violations: evaluation.violatedItems.count, decided: figures.decided, onTime: figures.onTime
            )
            scored.append(
                RankingEntry(
                    companyID: company.id, companyName: company.name, creditCode: company.creditCode, rank: nil, list: breakdown.list,
                    evaluation: evaluation, complaints: figures, breakdown: breakdown
                )
            )
        }
        scored.sort { left, right in
            let (l, r) = (left.breakdown!, right.breakdown!)
            if l.score != r.score { return l.score > r.score }
            if l.complaintScore != r.complaintScore { return l.complaintScore > r.complaintScore }
            return left.creditCode < right.creditCode
        }
        for index in scored.indices { scored[index].rank = index + 1 }
        unscored.sort { $0.creditCode < $1.creditCode }
        entries = scored + unscored
    }

    init(entries: [RankingEntry]) { self.entries = entries }

    /// `2 red, 1 black, 3 middle, 1 not evaluated`.
    var counts: String {
        RankingFormula.List.allCases.map { list in
            "\(entries.filter { $0.list == list }.count) \(list == .notEvaluated ? "not evaluated" : list.rawValue)"
        }.joined(separator: ", ")
    }
}
