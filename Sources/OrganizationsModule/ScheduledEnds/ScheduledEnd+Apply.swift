import WorkbenchKit
import WorkbenchPostgres

extension ScheduledEnd {
    /// Ends the subject on ``effectiveOn`` with the rules of the command that recorded it.
    func apply(in session: PostgresSession) async throws {
        // Its day has come: dated today (or, after downtime, earlier), it ends now.
        let request = EndRequest(on: effectiveOn, today: effectiveOn, actor: requestedBy)
        switch subject {
        case .member(let id, let reason):
            _ = try await MemberStore.leave(id, request, reason: reason, in: session)
        case .unit(let id, let cascade):
            _ = try await UnitStore.dissolve(.id(id), request, cascade: cascade, in: session)
        case .report(let id):
            _ = try await ReportStore.end(report: id, request, in: session)
        case .seat(let id):
            _ = try await SeatStore.end(id, request, in: session)
        }
    }
}
