import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// The case workflow: reporting, the actions of ``CaseAction`` checked against the
/// transition table, escalation with its clocks, and the history every step appends to.
struct CaseWorkflow: Sendable {
    /// `grids.case_transitions`, read once at start.
    var machine: StatusMachine
    var policy: EscalationPolicy
    var categories: [String]
    var timeZone: TimeZone

    /// The case named by `reference` (id or `GC-…` code), or a 404 naming `argument`.
    static func find(
        _ reference: RecordReference, argument: String = "case", forUpdate: Bool = false, in session: PostgresSession
    ) async throws -> GridCase {
        return try GridCase(
            row: try await session.row(
                forUpdate ? CaseQueries.findForUpdate : CaseQueries.find, for: reference, orElse: notFound(reference, argument: argument)
            )
        )
    }

    /// The case named by `reference` and its timeline, read in one round trip.
    static func findWithTimeline(_ reference: RecordReference, in session: PostgresSession) async throws -> (GridCase, PostgresRows) {
        let binds: [any PostgresEncodable] = [reference.binds.id, reference.binds.code]
        let (found, events) = try await session.pipeline((CaseQueries.find, binds), (CaseQueries.timeline, binds))
        guard let row = found.first else { throw notFound(reference, argument: "case") }
        return (try GridCase(row: row), events)
    }

    private static func notFound(_ reference: RecordReference, argument: String) -> WorkbenchError {
        WorkbenchError(
            status: .notFound, code: GridsErrorCode.caseNotFound,
            message: "no case with \(reference) (\(argument)=); find it with 'grid case list grid=<code>'", argument: argument
        )
    }

    /// What `case report` needs.
    struct Report: Sendable {
        var grid: Grid
        var category: String
        var source: CaseSource
        var reporter: String
        var description: String
        var latitude: Double?
        var longitude: Double?
        var urgency: CaseUrgency
    }

    /// What `case report` answers.
    struct Reported: Sendable {
        var id: Int64
        var code: String
        var level: CaseLevel
        var dueAt: Date
    }

    /// Records a new case at the level the skip-level rules choose, with its clock running.
    func report(_ report: Report, at now: Date, by actor: String, in session: PostgresSession) async throws -> Reported {
        guard categories.contains(report.category) else {
            throw WorkbenchError.invalidArgument(
                "category", code: GridsErrorCode.caseUnknownCategory,
                "'\(report.category)' is not a case category; use one of \(categories.joined(separator: ", "))"
            )
        }
        let level = policy.startLevel(category: report.category, urgency: report.urgency)
        let deadline = policy.deadline(at: level, urgency: report.urgency)
        let row = try await session.query(
            CaseQueries.insert,
            [
                report.grid.id, report.grid.communityID, report.category, report.source.rawValue, report.reporter, report.description,
                report.latitude, report.longitude, report.urgency.rawValue, level.rawValue, now, deadline.amount, deadline.unit.rawValue,
                timeZone.identifier, policy.warningShare,
            ]
        ).single()
        let reported = Reported(id: try row.decode("id"), code: try row.decode("code"), level: level, dueAt: try row.decode("due_at"))
        let note =
            level == policy.defaultStartLevel
            ? nil : "starts at \(level.rawValue) (\(level.label)) by the skip-level rule for \(report.category) \(report.urgency.rawValue)"
        try Self.record(
            reported.id, at: now, kind: "reported", actor: actor, status: (nil, .reported), level: (nil, level), note: note, in: session
        )
        return reported
    }

    /// What an action carries besides the case.
    struct Details: Sendable {
        var note: String?
        var assignee: String?
        var targetLevel: CaseLevel?
        var department: String?
    }

    /// Applies `action` to the case: refuses it with a 409 naming the allowed actions when
    /// the transition table does not list it, else changes the case and appends its event.
    func perform(
        _ action: CaseAction, on reference: RecordReference, _ details: Details, at now: Date, by actor: String, in session: PostgresSession
    ) async throws -> GridCase {
        let current = try await Self.find(reference, forUpdate: true, in: session)
        guard let next = machine.target(from: current.status.rawValue, action: action.rawValue), let target = CaseStatus(rawValue: next) else {
            throw notAllowed(action, current)
        }
        var note = details.note
        var toLevel = current.level
        // The change and its event are queued: they travel with the read of the changed case
        // below, one round trip for all three.
        switch action {
        case .accept, .start:
            session.send(CaseQueries.setStatus, [current.id, target.rawValue, String?.none])
        case .assign:
            guard let assignee = details.assignee else { throw WorkbenchError.invalidArgument("to", "name the handler with to=<name>") }
            session.send(CaseQueries.setStatus, [current.id, target.rawValue, assignee])
            note = [assignee, details.note].compactMap { $0 }.joined(separator: ": ")
        case .escalate:
            toLevel = try escalationTarget(current, details)
            startLevelClock(current, level: toLevel, department: details.department, at: now, missedDeadline: false, in: session)
        case .resolve:
            session.send(CaseQueries.resolve, [current.id, now])
        case .confirm:
            session.send(CaseQueries.close, [current.id, now])
        case .reopen:
            let deadline = policy.deadline(at: current.level, urgency: current.urgency)
            session.send(
                CaseQueries.reopen, [current.id, now, deadline.amount, deadline.unit.rawValue, timeZone.identifier, policy.warningShare]
            )
        case .cancel:
            session.send(CaseQueries.cancel, [current.id, details.note ?? ""])
        }
        try Self.record(
            current.id, at: now, kind: action.eventKind, actor: actor, status: (current.status, target), level: (current.level, toLevel),
            note: action == .escalate ? [details.department, note].compactMap { $0 }.joined(separator: ": ") : note, in: session
        )
        return try await Self.find(.id(current.id), in: session)
    }

    /// The level an escalation goes to: `to=` if given (above the current level), else the
    /// next one up; a department needs its name.
    private func escalationTarget(_ current: GridCase, _ details: Details) throws -> CaseLevel {
        guard let next = current.level.next else {
            throw WorkbenchError.ruleRefused(
                GridsErrorCode.caseTopLevel,
                "\(current.code) is already with a functional department (\(current.department ?? "")), the highest level; resolve it there"
            )
        }
        let target = details.targetLevel ?? next
        guard target > current.level else {
            throw WorkbenchError.invalidArgument(
                "to", code: GridsErrorCode.caseEscalateNotUp,
                "\(current.code) is at \(current.level.rawValue); escalation goes up: "
                    + "to=\(CaseLevel.allCases.filter { $0 > current.level }.map(\.rawValue).joined(separator: "|"))"
            )
        }
        if target == .department, details.department == nil {
            throw WorkbenchError.invalidArgument("department", "escalating to a functional department needs its name: department=<name>")
        }
        if target != .department, details.department != nil {
            throw WorkbenchError.invalidArgument("department", "department= goes with to=department")
        }
        return target
    }

    /// Moves the case to `level` and starts that level's clock at `start` (queued on the
    /// session: it travels with the next round trip).
    func startLevelClock(
        _ current: GridCase, level: CaseLevel, department: String?, at start: Date, missedDeadline: Bool, in session: PostgresSession
    ) {
        let deadline = policy.deadline(at: level, urgency: current.urgency)
        session.send(
            CaseQueries.escalate,
            [
                current.id, level.rawValue, department, start, deadline.amount, deadline.unit.rawValue, timeZone.identifier, policy.warningShare,
                missedDeadline,
            ]
        )
    }

    /// Appends one event to a case's history (queued on the session: it travels with the
    /// next round trip, at the latest with `COMMIT`).
    static func record(
        _ caseID: Int64, at instant: Date, kind: String, actor: String, status: (from: CaseStatus?, to: CaseStatus?) = (nil, nil),
        level: (from: CaseLevel?, to: CaseLevel?) = (nil, nil), note: String?, in session: PostgresSession
    ) throws {
        session.send(
            CaseQueries.insertEvent,
            [
                caseID, instant, kind, actor, status.from?.rawValue, status.to?.rawValue, level.from?.rawValue, level.to?.rawValue,
                note.flatMap { $0.isEmpty ? nil : $0 },
            ]
        )
    }

    /// The 409 for an action the table does not allow from the case's status.
    func notAllowed(_ action: CaseAction, _ current: GridCase) -> WorkbenchError {
        let options =
            machine.describeAllowed(from: current.status.rawValue) ?? "none: the case is \(current.status.rawValue); only notes can be added"
        return WorkbenchError(
            status: .conflict, code: GridsErrorCode.caseTransitionNotAllowed,
            message:
                "\(current.code) is \(current.status.rawValue) (\(current.status.label)); it cannot \(action.rawValue). Allowed from "
                + "\(current.status.rawValue): \(options)"
        )
    }
}
