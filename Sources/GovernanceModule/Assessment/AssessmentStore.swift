import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

/// Assessments: opening, evidence, 述职评议, manual scores and publication. The handlers call
/// these, never SQL.
enum AssessmentStore {
    /// The assessment with `id`, or a 404.
    static func find(_ id: Int64, forUpdate: Bool = false, in session: PostgresSession) async throws -> Assessment {
        let row = try await session.row(
            forUpdate ? Queries.findForUpdate : Queries.find, [id],
            orElse: WorkbenchError(
                status: .notFound, code: GovernanceErrorCode.assessmentNotFound,
                message: "no assessment \(id) (assessment=); see 'gov assessment list year=<year>'", argument: "assessment"))
        return try Assessment(row: row)
    }

    /// Opens the year's assessment of `unit` by `assessor` under the latest list for the
    /// unit's kind.
    static func open(
        unit: OrganizationDirectory.Organization, assessor: OrganizationDirectory.Organization, year: Int, now: Date,
        in session: PostgresSession
    ) async throws -> Int64 {
        let direction: Assessment.Direction = unit.kind == "resident_unit" ? .stationed : .secretary
        switch direction {
        case .secretary:
            let parentPath = unit.path.split(separator: ".").dropLast().joined(separator: ".")
            guard assessor.path == parentPath else {
                throw WorkbenchError(
                    status: .unprocessable, code: GovernanceErrorCode.assessmentWrongAssessor,
                    message: "\(unit.label)'s secretary is assessed by the organisation above it, not \(assessor.label)", argument: "by")
            }
        case .stationed:
            guard try await session.queryOptionalRow(Queries.stationedIn, [assessor.id, unit.id]) != nil else {
                throw WorkbenchError(
                    status: .unprocessable, code: GovernanceErrorCode.assessmentNotStationed,
                    message: "\(unit.label) does not sit in \(assessor.label)'s joint meeting body (a part-time seat, a report or a "
                        + "pairing); a street assesses the units stationed in it", argument: "unit")
            }
        }
        guard let list = try await ChecklistStore.latest(kind: unit.kind, in: session) else {
            throw WorkbenchError(
                status: .unprocessable, code: GovernanceErrorCode.assessmentNoChecklist,
                message: "there is no responsibility list for \(unit.kind); add one with 'gov checklist add kind=\(unit.kind)'", argument: "unit")
        }
        guard list.weights == 100 else {
            throw WorkbenchError(
                status: .unprocessable, code: GovernanceErrorCode.checklistWeightsNot100,
                message: "the weights of \(list.label) add up to \(list.weights), not 100; see 'gov checklist show checklist=\(list.id)'",
                argument: "unit")
        }
        return try await session.query(Queries.open, [year, unit.id, assessor.id, direction, list.id, unit.id, now]).single().decode("id")
    }

    /// One indicator of an assessment with its line and where the figures come from.
    struct ScoredIndicator: Sendable {
        var indicator: Indicator
        var line: AssessmentScoring.Line
        var source: String
    }

    /// The assessment's indicators scored: from the stored scores once published, else from
    /// the evidence as it stands on `today` (``AssessmentEvidence``).
    static func score(
        _ assessment: Assessment, today: CalendarDate, loadedModules: Set<String>, in session: PostgresSession
    ) async throws -> [ScoredIndicator] {
        let indicators = try await ChecklistStore.indicators(of: assessment.checklistID, in: session)
        if assessment.publishedAt != nil {
            var stored: [Int64: PostgresRow] = [:]
            for row in try await session.query(Queries.storedScores, [assessment.id]) { stored[try row.decode("indicator_id")] = row }
            return try indicators.map { indicator in
                let row = stored[indicator.id]
                let line = AssessmentScoring.Line(
                    code: indicator.code, weight: indicator.weight, achieved: try row?.decode("achieved"), counted: try row?.decode("counted"),
                    percent: try row?.decode("percent") ?? 0, score: try row?.decode("score") ?? 0)
                return ScoredIndicator(indicator: indicator, line: line, source: try row?.decode("source") ?? "")
            }
        }
        var manual: [Int64: (percent: Decimal, note: String)] = [:]
        for row in try await session.query(Queries.manualScores, [assessment.id]) {
            manual[try row.decode("indicator_id")] = (try row.decode("percent"), try row.decode("note"))
        }
        let votes = try await session.queryOptionalRow(Queries.review, [assessment.id]).map(ReviewStore.votes)
        let evidence = AssessmentEvidence(
            assessment: assessment, lastDay: assessment.lastDay(today: today), votes: votes, loadedModules: loadedModules)
        var scored: [ScoredIndicator] = []
        for indicator in indicators {
            scored.append(try await evidence.score(indicator, manual: manual[indicator.id], in: session))
        }
        return scored
    }

    /// Records (or replaces) a manual indicator's percentage.
    static func setManual(_ assessment: Assessment, indicator: Indicator, percent: Decimal, note: String, in session: PostgresSession) async throws {
        try assessment.refuseIfPublished("be scored")
        guard indicator.evidence == .manual else {
            throw WorkbenchError(
                status: .unprocessable, code: GovernanceErrorCode.assessmentNotManual,
                message: "\(indicator.code) is scored by \(indicator.evidence.rawValue), not by hand", argument: "indicator")
        }
        _ = try await session.execute(Queries.setManual, [assessment.id, indicator.id, percent, note])
    }

    /// Publishes every unpublished assessment of `assessor` for `year`: scores them from the
    /// evidence as it stands, stores the scores, totals and grades, and opens the weakest
    /// indicators as next year's breakthrough projects.
    ///
    /// - Returns: The published assessments with their totals.
    static func publish(
        year: Int, assessor: OrganizationDirectory.Organization, today: CalendarDate, now: Date, actor: String, breakthroughs: Int,
        loadedModules: Set<String>, in session: PostgresSession
    ) async throws -> [(Assessment, Decimal, String)] {
        let all = try await session.query(Queries.ofAssessor, [assessor.id, year]).map(Assessment.init(row:))
        guard !all.isEmpty else {
            throw WorkbenchError(
                status: .unprocessable, code: GovernanceErrorCode.assessmentNothingToPublish,
                message: "\(assessor.label) has no assessments for \(year); open them with 'gov assessment open'", argument: "year")
        }
        let pending = all.filter { $0.publishedAt == nil }
        guard !pending.isEmpty else {
            throw WorkbenchError.conflict(GovernanceErrorCode.assessmentPublished, "\(assessor.label)'s \(year) assessments are published and frozen")
        }
        let reviewed = Set(try await session.query(Queries.reviewed, [pending.map(\.id)]).map { try $0.decode("assessment_id", as: Int64.self) })
        let unreviewed = pending.filter { $0.direction == .secretary && !reviewed.contains($0.id) }.map(\.unitCode)
        guard unreviewed.isEmpty else {
            throw WorkbenchError(
                status: .unprocessable, code: GovernanceErrorCode.assessmentReviewMissing,
                message: "record the 述职评议 of " + unreviewed.joined(separator: ", ")
                    + " first ('gov assessment review'); a secretary's assessment publishes with it", argument: "year")
        }
        var published: [(Assessment, Decimal, String)] = []
        for assessment in pending {
            let scored = try await score(assessment, today: today, loadedModules: loadedModules, in: session)
            for item in scored {
                _ = try await session.execute(
                    Queries.storeScore,
                    [assessment.id, item.indicator.id, item.line.achieved, item.line.counted, item.line.percent, item.line.score, item.source])
            }
            let total = AssessmentScoring.total(scored.map(\.line))
            let grade = AssessmentScoring.grade(total)
            for weak in AssessmentScoring.weakest(scored.map(\.line), count: breakthroughs) {
                guard let item = scored.first(where: { $0.indicator.code == weak.code }) else { continue }
                _ = try await session.execute(
                    Queries.openBreakthrough,
                    [assessment.id, assessment.unitID, year + 1, item.indicator.id, "\(item.indicator.title)（\(year)年得分率\(weak.percent)%）"])
            }
            _ = try await session.execute(Queries.publish, [assessment.id, total, grade, now, actor])
            published.append((assessment, total, grade))
        }
        return published
    }

    /// Assessments by year, assessor and assessed organisation.
    static func list(year: Int?, assessorID: Int64?, unitID: Int64?, in session: PostgresSession) async throws -> [Assessment] {
        try await session.query(Queries.list, [year, assessorID, unitID]).map(Assessment.init(row:))
    }

    enum Queries {
        static let find = PostgresStatement(
            "governance.assessment.find", "SELECT \(Assessment.columns) FROM governance.assessments a \(Assessment.joins) WHERE a.id = $1"
        )
        static let findForUpdate = PostgresStatement("governance.assessment.find_for_update", find.sql + " FOR UPDATE OF a")
        static let stationedIn = PostgresStatement(
            "governance.assessment.stationed_in",
            "SELECT 1 FROM governance.body_members k JOIN governance.bodies b ON b.id = k.body_id WHERE b.unit_id = $1 AND k.unit_id = $2"
        )
        static let open = PostgresStatement(
            "governance.assessment.open",
            """
            INSERT INTO governance.assessments (year, unit_id, assessor_unit_id, direction, checklist_id, secretary, created_at)
            VALUES ($1, $2, $3, $4, $5, (SELECT secretary FROM organizations.units WHERE id = $6), $7) RETURNING id
            """
        )
        static let manualScores = PostgresStatement(
            "governance.assessment.manual_scores", "SELECT indicator_id, percent, note FROM governance.manual_scores WHERE assessment_id = $1"
        )
        static let setManual = PostgresStatement(
            "governance.assessment.set_manual",
            """
            INSERT INTO governance.manual_scores (assessment_id, indicator_id, percent, note) VALUES ($1, $2, $3, $4)
            ON CONFLICT ON CONSTRAINT manual_scores_once DO UPDATE SET percent = EXCLUDED.percent, note = EXCLUDED.note
            """
        )
        static let review = PostgresStatement(
            "governance.assessment.review",
            "SELECT report, good, fairly_good, average, poor, result, recorded_at FROM governance.reviews WHERE assessment_id = $1"
        )
        /// Which of the assessments `$1` have their 述职评议 recorded.
        static let reviewed = PostgresStatement(
            "governance.assessment.reviewed", "SELECT assessment_id FROM governance.reviews WHERE assessment_id = ANY ($1::bigint[])"
        )
        static let storedScores = PostgresStatement(
            "governance.assessment.stored_scores",
            "SELECT indicator_id, achieved, counted, percent, score, source FROM governance.scores WHERE assessment_id = $1"
        )
        static let storeScore = PostgresStatement(
            "governance.assessment.store_score",
            """
            INSERT INTO governance.scores (assessment_id, indicator_id, achieved, counted, percent, score, source)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """
        )
        static let openBreakthrough = PostgresStatement(
            "governance.assessment.open_breakthrough",
            "INSERT INTO governance.breakthroughs (assessment_id, unit_id, year, indicator_id, title) VALUES ($1, $2, $3, $4, $5)"
        )
        static let publish = PostgresStatement(
            "governance.assessment.publish",
            "UPDATE governance.assessments SET total = $2, grade = $3, published_at = $4, published_by = $5 WHERE id = $1"
        )
        static let ofAssessor = PostgresStatement(
            "governance.assessment.of_assessor",
            """
            SELECT \(Assessment.columns) FROM governance.assessments a \(Assessment.joins)
            WHERE a.assessor_unit_id = $1 AND a.year = $2 ORDER BY u.code FOR UPDATE OF a
            """
        )
        static let list = PostgresStatement(
            "governance.assessment.list",
            """
            SELECT \(Assessment.columns) FROM governance.assessments a \(Assessment.joins)
            WHERE ($1::integer IS NULL OR a.year = $1) AND ($2::bigint IS NULL OR a.assessor_unit_id = $2)
              AND ($3::bigint IS NULL OR a.unit_id = $3)
            ORDER BY a.year DESC, s.code, a.total DESC NULLS LAST, u.code
            LIMIT 1000
            """
        )
    }
}
