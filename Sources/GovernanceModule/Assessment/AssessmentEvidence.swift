import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// Counts each indicator's evidence for one assessment (``EvidenceKind``): a share the
/// workbench holds for the assessed organisation's subtree from 1 January to `lastDay` (a
/// stationed unit's tasks and attendance: those of the assessor's body), the 述职评议's
/// favourable votes, or the assessor's percentage; each with the source a reader can follow.
struct AssessmentEvidence: Sendable {
    var assessment: Assessment
    /// 31 December, or today while the year runs.
    var lastDay: CalendarDate
    /// The 述职评议's votes, when recorded.
    var votes: ReviewVotes?
    /// The modules whose tables the evidence may read.
    var loadedModules: Set<String>

    /// The indicator scored; `manual` is the assessor's percentage and note, when given.
    func score(
        _ indicator: Indicator, manual: (percent: Decimal, note: String)?, in session: PostgresSession
    ) async throws -> AssessmentStore.ScoredIndicator {
        let first = assessment.firstDay
        func scored(_ achieved: Int64?, _ counted: Int64?, manual: Decimal? = nil, _ source: String) -> AssessmentStore.ScoredIndicator {
            AssessmentStore.ScoredIndicator(
                indicator: indicator,
                line: AssessmentScoring.Line(code: indicator.code, weight: indicator.weight, achieved: achieved, counted: counted, manual: manual),
                source: source)
        }
        let kind = indicator.evidence
        switch kind {
        case .manual:
            return scored(
                nil, nil, manual: manual?.percent ?? 0, manual.map { "manual: \($0.note)" } ?? "manual: not scored yet ('gov assessment score')")
        case .review:
            let link = "gov assessment show assessment=\(assessment.id)"
            guard let votes, votes.total > 0 else { return scored(0, 0, "no evidence: no 述职评议 recorded · \(link)") }
            return scored(Int64(votes.favourable), Int64(votes.total), "\(votes.favourable) of \(votes.total) votes 好 or 较好 · \(link)")
        default:
            if let module = kind.module, !loadedModules.contains(module) {
                return scored(nil, nil, "no evidence: the \(module) module is not loaded")
            }
            let link = kind.link(scope: assessment.unitCode, from: "\(first)", to: "\(lastDay)") ?? ""
            guard lastDay >= first, let statement = Self.statement(for: kind, direction: assessment.direction) else {
                return scored(0, 0, "no evidence (nothing counted) · \(link)")
            }
            let stationed = assessment.direction == .stationed && (kind == .tasksOnTime || kind == .attendance)
            let binds: [any PostgresEncodable] =
                if stationed {
                    [assessment.unitID, first, lastDay, assessment.assessorID]
                } else if kind == .coverage {
                    [assessment.unitPath, lastDay]
                } else {
                    [assessment.unitPath, first, lastDay]
                }
            let row = try await session.query(statement, binds).single()
            let achieved: Int64 = try row.decode("achieved")
            let counted: Int64 = try row.decode("counted")
            return scored(achieved, counted, counted == 0 ? "no evidence (nothing counted) · \(link)" : "\(achieved) of \(counted) · \(link)")
        }
    }

    /// The statement that counts `kind`: a stationed unit's tasks and attendance are those of
    /// the assessor's body. Nil for the kinds not counted by a statement.
    static func statement(for kind: EvidenceKind, direction: Assessment.Direction) -> PostgresStatement? {
        switch (kind, direction) {
        case (.casesOnTime, _): EvidenceQueries.casesOnTime
        case (.complaintsOnTime, _): EvidenceQueries.complaintsOnTime
        case (.sessionsFiveHaves, _): EvidenceQueries.sessionsFiveHaves
        case (.meetingsHeld, _): EvidenceQueries.meetingsHeld
        case (.tasksOnTime, .secretary): EvidenceQueries.tasksOnTime
        case (.tasksOnTime, .stationed): EvidenceQueries.unitTasksOnTime
        case (.attendance, .secretary): EvidenceQueries.attendance
        case (.attendance, .stationed): EvidenceQueries.unitAttendance
        case (.coverage, _): EvidenceQueries.coverage
        case (.points, _): EvidenceQueries.points
        case (.review, _), (.manual, _): nil
        }
    }
}
