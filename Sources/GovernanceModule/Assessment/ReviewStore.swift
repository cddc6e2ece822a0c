import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// The 述职评议 of an assessment: the secretary's report and the appraisers' votes.
enum ReviewStore {
    /// The votes of a `governance.assessment.review` row.
    static func votes(_ row: PostgresRow) throws -> ReviewVotes {
        ReviewVotes(
            good: try row.decode("good"), fairlyGood: try row.decode("fairly_good"), average: try row.decode("average"),
            poor: try row.decode("poor"))
    }

    /// Records the report and the votes, replacing what was recorded while unpublished.
    ///
    /// - Returns: The result the votes give.
    static func record(_ assessment: Assessment, report: String, votes: ReviewVotes, now: Date, in session: PostgresSession) async throws -> String {
        try assessment.refuseIfPublished("take another 述职评议")
        guard let result = votes.result else {
            throw WorkbenchError.invalidArgument("good", code: GovernanceErrorCode.reviewNoVotes, "a 述职评议 counts at least one vote")
        }
        _ = try await session.execute(
            Queries.record, [assessment.id, report, votes.good, votes.fairlyGood, votes.average, votes.poor, result, now])
        return result
    }

    /// The review's fields for `assessment show`, empty when none is recorded.
    static func fields(of assessmentID: Int64, in session: PostgresSession) async throws -> [[ReplyValue]] {
        guard let row = try await session.queryOptionalRow(AssessmentStore.Queries.review, [assessmentID]) else { return [] }
        let votes = try votes(row)
        return [
            [
                .string(try row.decode("report", as: String.self)), .int(Int64(votes.good)), .int(Int64(votes.fairlyGood)),
                .int(Int64(votes.average)), .int(Int64(votes.poor)), .string(try row.decode("result", as: String.self)),
            ]
        ]
    }

    static let columns = ["report", "good", "fairly_good", "average", "poor", "result"]

    enum Queries {
        static let record = PostgresStatement(
            "governance.review.record",
            """
            INSERT INTO governance.reviews (assessment_id, report, good, fairly_good, average, poor, result, recorded_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT ON CONSTRAINT reviews_assessment_key DO UPDATE
            SET report = EXCLUDED.report, good = EXCLUDED.good, fairly_good = EXCLUDED.fairly_good, average = EXCLUDED.average,
                poor = EXCLUDED.poor, result = EXCLUDED.result, recorded_at = EXCLUDED.recorded_at
            """
        )
    }
}
