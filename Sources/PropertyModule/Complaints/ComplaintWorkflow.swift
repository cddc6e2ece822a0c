import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// The complaint workflow: filing under the "2310" rule, the actions of ``ComplaintAction``
/// checked against `property.complaint_transitions`, and the history every step appends to.
struct ComplaintWorkflow: Sendable {
    /// `property.complaint_transitions`, read once at start.
    var machine: StatusMachine
    var settings: PropertySettings
    var timeZone: TimeZone

    /// The complaint named by `text` (id or `PC-…` code), or a 404 naming `argument`.
    static func find(_ text: String, argument: String = "complaint", forUpdate: Bool = false, in session: PostgresSession) async throws -> Complaint {
        let reference = RecordReference(text)
        return try Complaint(
            row: try await session.row(
                forUpdate ? ComplaintQueries.findForUpdate : ComplaintQueries.find, for: reference,
                orElse: WorkbenchError(
                    status: .notFound, code: PropertyErrorCode.complaintNotFound,
                    message: "no complaint with \(reference) (\(argument)=); find it with 'prop complaint list complex=<code>'", argument: argument
                )
            )
        )
    }

    /// What `complaint file` needs.
    struct Filing: Sendable {
        var complex: Complex
        var severity: ComplaintSeverity
        var subject: String
        var description: String
        var complainant: String?
        var phone: String?
    }

    /// What `complaint file` answers.
    struct Filed: Sendable {
        var id: Int64
        var code: String
        var dueAt: Date
        var deadline: CalendarDuration
    }

    /// Files a complaint against the company serving the complex on the filing day, with
    /// its deadline counted from `at`.
    func file(_ filing: Filing, at: Date, by actor: String, in session: PostgresSession) async throws -> Filed {
        guard settings.complaintSubjects.contains(filing.subject) else {
            throw WorkbenchError.invalidArgument(
                "subject", code: PropertyErrorCode.complaintUnknownSubject,
                "'\(filing.subject)' is not a complaint subject; use one of \(settings.complaintSubjects.joined(separator: ", "))"
            )
        }
        guard let companyID = filing.complex.companyID else {
            throw WorkbenchError.ruleRefused(
                PropertyErrorCode.complaintNoCompany,
                "\(filing.complex.label) has no serving company on \(CalendarDate(containing: at, in: timeZone)); record its contract with "
                    + "'prop complex assign'"
            )
        }
        let deadline = settings.deadline(filing.severity)
        let row = try await session.query(
            ComplaintQueries.insert,
            [
                filing.complex.id, companyID, filing.complex.communityID, filing.severity, filing.subject, filing.description, filing.complainant,
                filing.phone, at, deadline.amount, deadline.unit.rawValue, timeZone.identifier, settings.warningShare,
            ]
        ).single()
        let filed = Filed(id: try row.decode("id"), code: try row.decode("code"), dueAt: try row.decode("due_at"), deadline: deadline)
        try await Self.record(
            filed.id, at: at, kind: "filed", actor: actor, status: (nil, .filed),
            note: "\(filing.severity.rawValue) complaint about \(filing.subject); \(deadline) under the 2310 rule", in: session
        )
        return filed
    }

    /// Performs `action` on the complaint named by `text`.
    ///
    /// - Throws: 404 for an unknown complaint; 409 `property.complaint.transition_not_allowed`
    ///   naming the allowed actions when the current status does not allow `action`.
    func perform(
        _ action: ComplaintAction, on text: String, note: String?, verdict: String?, at: Date, by actor: String, in session: PostgresSession
    ) async throws -> Complaint {
        let complaint = try await Self.find(text, forUpdate: true, in: session)
        guard let next = machine.target(from: complaint.status.rawValue, action: action.rawValue), let target = ComplaintStatus(rawValue: next) else {
            let allowed = machine.describeAllowed(from: complaint.status.rawValue)
            throw WorkbenchError.conflict(
                PropertyErrorCode.complaintTransitionNotAllowed,
                "\(complaint.code) is \(complaint.status.rawValue) (\(complaint.status.chineseName)); it cannot \(action.rawValue). "
                    + (allowed.map { "Allowed from \(complaint.status.rawValue): \($0)" } ?? "Nothing follows \(complaint.status.rawValue).")
            )
        }
        switch action {
        case .ack: try await session.execute(ComplaintQueries.acknowledge, [complaint.id, at])
        case .resolve: try await session.execute(ComplaintQueries.resolve, [complaint.id, at])
        case .close: try await session.execute(ComplaintQueries.close, [complaint.id, at, verdict ?? "satisfied"])
        case .reopen: try await session.execute(ComplaintQueries.reopen, [complaint.id])
        }
        var eventNote = note
        if action == .resolve {
            let timing = at <= complaint.dueAt ? "on time" : "late, \(DeadlineText.describe(due: complaint.dueAt, now: at))"
            eventNote = [note, timing].compactMap { $0 }.joined(separator: "; ")
        } else if action == .close {
            eventNote = [verdict ?? "satisfied", note].compactMap { $0 }.joined(separator: "; ")
        }
        try await Self.record(
            complaint.id, at: at, kind: action.eventKind, actor: actor, status: (complaint.status, target), note: eventNote, in: session)
        return try await Self.find(String(complaint.id), in: session)
    }

    /// Appends one event to a complaint's history.
    static func record(
        _ id: Int64, at: Date, kind: String, actor: String, status: (ComplaintStatus?, ComplaintStatus?) = (nil, nil), note: String? = nil,
        in session: PostgresSession
    ) async throws {
        try await session.execute(ComplaintQueries.recordEvent, [id, at, kind, actor, status.0, status.1, note])
    }
}
