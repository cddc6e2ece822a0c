import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

/// Volunteer dispatch "群众点单、社区派单、队伍接单、成员领单": each step checks the order's
/// status against `consultations.order_transitions` (a 409 naming what is allowed) and that
/// whoever acts belongs to the team (a 422); the database's trigger holds both whoever
/// writes. Hours served by a Party member become vanguard points (先锋指数) in the same
/// transaction (``VolunteerPointsRule``).
struct OrderWorkflow: Sendable {
    /// `consultations.order_transitions`, read once at start.
    var machine: StatusMachine
    var points: VolunteerPointsRule

    /// What a step did.
    struct Outcome: Sendable {
        /// The order as it was before the step.
        var order: VolunteerOrder
        /// The status the step moved it to.
        var status: OrderStatus
        var detail: String
        /// Points recorded for the volunteer's member, when the step was `done` and they are one.
        var pointsAwarded: Int?
    }

    static func find(_ id: Int64, forUpdate: Bool = false, in session: PostgresSession) async throws -> VolunteerOrder {
        let row = try await session.row(
            forUpdate ? DispatchQueries.findOrderForUpdate : DispatchQueries.findOrder, [id],
            orElse: WorkbenchError(
                status: .notFound, code: ConsultationsErrorCode.orderNotFound, message: "no order \(id) (order=); find it with 'consult order list'",
                argument: "order"
            ))
        return try VolunteerOrder(row: row)
    }

    static func team(_ reference: String, argument: String = "team", in session: PostgresSession) async throws -> VolunteerTeam {
        let reference = RecordReference(reference)
        return try VolunteerTeam(
            row: try await session.row(
                DispatchQueries.findTeam, for: reference,
                orElse: WorkbenchError(
                    status: .notFound, code: ConsultationsErrorCode.teamNotFound,
                    message: "no volunteer team with \(reference) (\(argument)=); see 'consult team list'", argument: argument
                )
            )
        )
    }

    static func volunteer(_ id: Int64, argument: String, in session: PostgresSession) async throws -> Volunteer {
        let row = try await session.row(
            DispatchQueries.findVolunteer, [id],
            orElse: WorkbenchError(
                status: .notFound, code: ConsultationsErrorCode.volunteerNotFound,
                message: "no volunteer \(id) (\(argument)=); see 'consult volunteer list team=<code>'", argument: argument
            ))
        return try Volunteer(row: row)
    }

    /// The volunteer `id`, who must belong to the order's team, or a 422 naming `argument`.
    private static func teamVolunteer(_ id: Int64, argument: String, of order: VolunteerOrder, in session: PostgresSession) async throws -> Volunteer
    {
        let volunteer = try await volunteer(id, argument: argument, in: session)
        guard volunteer.teamID == order.teamID else {
            throw WorkbenchError(
                status: .unprocessable, code: ConsultationsErrorCode.orderNotTeamMember,
                message: "\(volunteer.label) is not in team \(order.teamCode ?? "?") that \(order.label) was dispatched to; "
                    + "only its volunteers may accept, claim or finish it (see 'consult volunteer list team=\(order.teamCode ?? "")')",
                argument: argument
            )
        }
        return volunteer
    }

    /// Performs `step` on order `id` at `now` for `actor` (the operator recording it).
    func perform(_ step: OrderStep, on id: Int64, at now: Date, by actor: String, in session: PostgresSession) async throws -> Outcome {
        let order = try await Self.find(id, forUpdate: true, in: session)
        guard let next = machine.target(from: order.status.rawValue, action: step.action.rawValue), let target = OrderStatus(rawValue: next) else {
            let allowed = machine.describeAllowed(from: order.status.rawValue)
            throw WorkbenchError.conflict(
                ConsultationsErrorCode.orderTransitionNotAllowed,
                "\(order.label) is \(order.status.rawValue) (\(order.status.chinese)); it cannot \(step.action.rawValue) — that needs "
                    + step.action.requiredStatuses.map(\.rawValue).joined(separator: " or ") + ". "
                    + (allowed.map { "Allowed now: \($0)." } ?? "Nothing follows \(order.status.rawValue).")
            )
        }
        var detail: String
        var awarded: Int?
        switch step {
        case .dispatch(let reference):
            let team = try await Self.team(reference, in: session)
            guard team.serves(communityPath: order.communityPath) else {
                throw WorkbenchError(
                    status: .unprocessable, code: ConsultationsErrorCode.orderTeamElsewhere,
                    message: "team \(team.label) belongs to \(team.unitCode), which does not serve \(order.communityCode); "
                        + "dispatch to a team of the community, of its street, or of one of its grid branches",
                    argument: "team"
                )
            }
            // A team that lists its services is sent only what it offers; one that lists none takes any.
            guard team.services.isEmpty || team.services.contains(order.category) else {
                throw WorkbenchError(
                    status: .unprocessable, code: ConsultationsErrorCode.orderTeamLacksService,
                    message: "team \(team.label) offers \(team.services.joined(separator: ", ")), not \(order.category); "
                        + "dispatch to a team that offers it ('consult team list'), or add it to the team's services",
                    argument: "team"
                )
            }
            _ = try await session.execute(DispatchQueries.dispatch, [order.id, team.id, now])
            detail = "dispatched to team \(team.label)"
        case .accept(let volunteerID):
            let volunteer = try await Self.teamVolunteer(volunteerID, argument: "by", of: order, in: session)
            _ = try await session.execute(DispatchQueries.accept, [order.id, volunteer.id, now])
            detail = "accepted for team \(order.teamCode ?? "") by volunteer \(volunteer.id)"
        case .claim(let volunteerID):
            let volunteer = try await Self.teamVolunteer(volunteerID, argument: "volunteer", of: order, in: session)
            _ = try await session.execute(DispatchQueries.claim, [order.id, volunteer.id, now])
            detail = "claimed by volunteer \(volunteer.id)"
        case .done(let hours, let by, let note):
            let claimer = try await Self.volunteer(order.claimedBy!, argument: "by", in: session)
            if let by, by != claimer.id {
                throw WorkbenchError(
                    status: .unprocessable, code: ConsultationsErrorCode.orderNotClaimer,
                    message: "\(order.label) was claimed by volunteer \(claimer.id); only they can report it done", argument: "by"
                )
            }
            var entry: Int64?
            if let memberID = claimer.memberID {
                let earned = points.points(forHours: NSDecimalNumber(decimal: hours).doubleValue)
                entry = try await OrganizationDirectory.awardPoints(
                    to: memberID, category: points.category, points: earned,
                    reason: "\(order.kind.chinese) order \(order.id) \(order.category): \(hours) h", at: now, in: session
                )
                if entry != nil { awarded = earned }
            }
            _ = try await session.execute(DispatchQueries.done, [order.id, hours, entry, now])
            detail =
                "done by volunteer \(claimer.id) in \(hours) h" + (awarded.map { ", \($0) vanguard point(s) for member \(claimer.memberID!)" } ?? "")
                + (note.map { ": \($0)" } ?? "")
        case .rate(let rating, let comment):
            _ = try await session.execute(DispatchQueries.rate, [order.id, rating, comment, now])
            detail = "rated \(rating)/5" + (comment.map { ": \($0)" } ?? "")
        case .cancel(let reason):
            _ = try await session.execute(DispatchQueries.cancel, [order.id, reason, now])
            detail = "cancelled: \(reason)"
        }
        _ = try await session.execute(DispatchQueries.recordEvent, [order.id, now, step.action, actor, detail])
        return Outcome(order: order, status: target, detail: detail, pointsAwarded: awarded)
    }
}
