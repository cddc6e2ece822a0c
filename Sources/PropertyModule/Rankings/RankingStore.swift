import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// Computing, publishing and reading red/black lists.
enum RankingStore {
    enum Queries {
        /// The companies a list of quarter `$4` covers: those serving a complex in scope `$1`
        /// at any time in `[$2, $3)`, and without a scope also every company evaluated.
        static let companies = PostgresStatement(
            "property.ranking.companies",
            """
            SELECT m.id, m.name, m.credit_code FROM property.companies m
            WHERE ($1::text IS NULL AND EXISTS (
                      SELECT 1 FROM property.evaluations e WHERE e.company_id = m.id AND e.quarter = $4 AND e.superseded_at IS NULL))
               OR EXISTS (
                      SELECT 1 FROM property.service_contracts s
                      JOIN property.complexes x ON x.id = s.complex_id
                      JOIN organizations.units c ON c.id = x.community_id
                      WHERE s.company_id = m.id AND s.starts_on < $3 AND (s.ends_on IS NULL OR s.ends_on >= $2)
                        AND ($1::text IS NULL OR c.path OPERATOR(public.<@) $1::public.ltree))
            ORDER BY m.id
            """
        )
        static let insertRanking = PostgresStatement(
            "property.ranking.insert",
            "INSERT INTO property.rankings (quarter, scope_unit_id, formula, published_at, published_by) VALUES ($1, $2, $3, $4, $5) RETURNING id"
        )
        static let insertEntry = PostgresStatement(
            "property.ranking.insert_entry",
            """
            INSERT INTO property.ranking_entries (ranking_id, company_id, rank, list, company_name, credit_code, evaluation_id, checklist_version,
                score, checklist_score, positive_points, positive_total, deductions, met_items, violated_items, complaints_filed,
                complaints_decided, complaints_on_time, complaint_score)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::text[], $15::text[], $16, $17, $18, $19)
            """
        )
        static let findPublished = PostgresStatement(
            "property.ranking.find_published",
            """
            SELECT id, formula, published_at, published_by FROM property.rankings
            WHERE quarter = $1 AND scope_unit_id IS NOT DISTINCT FROM $2::bigint
            """
        )
        static let entries = PostgresStatement(
            "property.ranking.entries",
            """
            SELECT company_id, rank, list, company_name, credit_code, evaluation_id, checklist_version, score, checklist_score, positive_points,
                   positive_total, deductions, met_items, violated_items, complaints_filed, complaints_decided, complaints_on_time, complaint_score
            FROM property.ranking_entries WHERE ranking_id = $1
            ORDER BY rank NULLS LAST, credit_code
            """
        )
    }

    /// The list of `quarter` (in `scopePath`'s subtree, or everywhere) as it stands at `now`.
    static func compute(
        quarter: Quarter, scopePath: String?, formula: RankingFormula, now: Date, timeZone: TimeZone, in session: PostgresSession
    ) async throws -> Ranking {
        let companies = try await session.query(Queries.companies, [scopePath, quarter.firstDay, quarter.nextFirstDay, quarter.description]).map {
            row in
            Ranking.Company(id: try row.decode("id"), name: try row.decode("name"), creditCode: try row.decode("credit_code"))
        }
        var evaluations: [Int64: EvaluationScore] = [:]
        for row in try await session.query(EvaluationScore.standing, [quarter.description]) {
            let score = try EvaluationScore(row: row)
            evaluations[score.companyID] = score
        }
        let complaints = try await ComplaintFigures.load(
            quarter: quarter, companies: companies.map(\.id), scopePath: scopePath, now: now, timeZone: timeZone, in: session
        )
        return Ranking(companies: companies, evaluations: evaluations, complaints: complaints, formula: formula)
    }

    /// Freezes `ranking` as the published list of `quarter` and scope; returns its id.
    static func publish(
        _ ranking: Ranking, quarter: Quarter, scopeID: Int64?, formula: RankingFormula, at now: Date, by actor: String, in session: PostgresSession
    ) async throws -> Int64 {
        let id: Int64 = try await session.query(
            Queries.insertRanking, [quarter.description, scopeID, formula.description, now, actor]
        ).single().decode("id")
        for entry in ranking.entries {
            try await session.execute(
                Queries.insertEntry,
                [
                    id, entry.companyID, entry.rank, entry.list.rawValue, entry.companyName, entry.creditCode, entry.evaluation?.evaluationID,
                    entry.evaluation?.version, entry.breakdown?.score, entry.breakdown?.checklistScore, entry.evaluation?.positivePoints,
                    entry.evaluation?.positiveTotal, entry.evaluation?.deductions, entry.evaluation?.metItems ?? [],
                    entry.evaluation?.violatedItems ?? [],
                    entry.complaints.filed, entry.complaints.decided, entry.complaints.onTime, entry.breakdown?.complaintScore,
                ]
            )
        }
        return id
    }

    /// A published list as it was frozen.
    struct Published: Sendable {
        var formula: String
        var publishedAt: Date
        var publishedBy: String
        var ranking: Ranking
    }

    /// The published list of `quarter` and scope, if any.
    static func published(quarter: Quarter, scopeID: Int64?, in session: PostgresSession) async throws -> Published? {
        guard let header = try await session.queryOptionalRow(Queries.findPublished, [quarter.description, scopeID]) else { return nil }
        let rows = try await session.query(Queries.entries, [try header.decode("id", as: Int64.self)])
        let entries = try rows.map { row -> RankingEntry in
            let evaluationID: Int64? = try row.decode("evaluation_id")
            let score: Decimal? = try row.decode("score")
            let evaluation = try evaluationID.map { id in
                EvaluationScore(
                    evaluationID: id, companyID: try row.decode("company_id"), version: try row.decode("checklist_version"),
                    positivePoints: try row.decode("positive_points"), positiveTotal: try row.decode("positive_total"),
                    deductions: try row.decode("deductions"), metItems: try row.decode("met_items"), violatedItems: try row.decode("violated_items")
                )
            }
            let list: String = try row.decode("list")
            guard let list = RankingFormula.List(rawValue: list) else {
                throw PostgresError(code: .unexpectedResult, message: "unknown list '\(list)' in property.ranking_entries")
            }
            return RankingEntry(
                companyID: try row.decode("company_id"), companyName: try row.decode("company_name"), creditCode: try row.decode("credit_code"),
                rank: try row.decode("rank"), list: list, evaluation: evaluation,
                complaints: ComplaintFigures(
                    filed: try row.decode("complaints_filed"), decided: try row.decode("complaints_decided"),
                    onTime: try row.decode("complaints_on_time")),
                breakdown: try score.map { score in
                    RankingFormula.Breakdown(
                        checklistScore: try row.decode("checklist_score"), complaintScore: try row.decode("complaint_score"), score: score, list: list
                    )
                }
            )
        }
        return Published(
            formula: try header.decode("formula"), publishedAt: try header.decode("published_at"), publishedBy: try header.decode("published_by"),
            ranking: Ranking(entries: entries)
        )
    }
}
