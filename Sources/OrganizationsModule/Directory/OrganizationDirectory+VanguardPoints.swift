public import Foundation
import WorkbenchKit
public import WorkbenchPostgres

extension OrganizationDirectory {
    /// Appends vanguard points (先锋指数) to a member's ledger for work recorded by another
    /// module — the consultations module's volunteer hours — in the caller's transaction, so
    /// the points and the work that earned them commit together.
    ///
    /// - Parameters:
    ///   - category: One of `modules.organizations.points_categories`; the caller checks this
    ///     against ``OrganizationsSettings/pointsCategories`` when it starts.
    ///   - points: 1 to 100, or -100 to -1 for a correction; anything else is a 422
    ///     (`organizations.points.out_of_range`) and records nothing.
    /// - Returns: The ledger entry's id, or nil when the member has left the rolls (nothing is
    ///   recorded then: a member who left earns no points).
    public static func awardPoints(
        to memberID: Int64, category: String, points: Int, reason: String, at instant: Date, in session: PostgresSession
    ) async throws -> Int64? {
        guard (-100...100).contains(points), points != 0 else {
            throw WorkbenchError(
                status: .unprocessable, code: OrganizationsErrorCode.pointsOutOfRange,
                message: "\(points) points cannot be recorded: an entry is -100 to 100 and not 0"
            )
        }
        let member = try await MemberStore.find(memberID, in: session)
        guard member.isActive else { return nil }
        return try await session.query(PointsStore.Queries.insert, [member.id, category, points, reason, instant]).single().decode("id")
    }
}
