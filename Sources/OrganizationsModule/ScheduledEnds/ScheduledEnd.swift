import WorkbenchKit
import WorkbenchPostgres

/// An end recorded ahead (预定终止): a member's leaving, an organisation's dissolution, a
/// double report's or a part-time seat's end, recorded before the day it takes effect.
///
/// Until ``effectiveOn`` nothing changes; then ``ScheduledEndsJob`` applies it with the rules
/// of the command that recorded it. One those rules refuse on the day is held (``heldReason``)
/// and tried again at every pass until it applies or is cancelled.
struct ScheduledEnd: Sendable {
    /// What ends.
    enum Subject: Sendable, Equatable {
        /// A member leaves the rolls, for a reason.
        case member(Int64, LeaveReason)
        /// An organisation is dissolved (with its subtree when `cascade`).
        case unit(Int64, cascade: Bool)
        /// A double report (双报到) ends.
        case report(Int64)
        /// A part-time committee seat (兼职委员) ends before its term.
        case seat(Int64)

        /// `member`, `unit`, `report` or `seat`: the kind in `org ending list`.
        var kind: String {
            switch self {
            case .member: "member"
            case .unit: "unit"
            case .report: "report"
            case .seat: "seat"
            }
        }

        /// The subject's id.
        var id: Int64 {
            switch self {
            case .member(let id, _), .unit(let id, _), .report(let id), .seat(let id): id
            }
        }
    }

    var id: Int64
    var subject: Subject
    var effectiveOn: CalendarDate
    var requestedBy: String
    var heldReason: String?

    /// The columns ``init(row:)`` reads, from `organizations.scheduled_ends e`.
    static let columns =
        "e.id, e.member_id, e.unit_id, e.report_id, e.seat_id, e.leave_reason, e.cascade, e.effective_on, e.requested_by, e.held_reason"

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        effectiveOn = try row.decode("effective_on")
        requestedBy = try row.decode("requested_by")
        heldReason = try row.decode("held_reason")
        if let member: Int64 = try row.decode("member_id") {
            let reason: String = try row.decode("leave_reason")
            subject = .member(member, LeaveReason(rawValue: reason) ?? .other)
        } else if let unit: Int64 = try row.decode("unit_id") {
            subject = .unit(unit, cascade: try row.decode("cascade"))
        } else if let report: Int64 = try row.decode("report_id") {
            subject = .report(report)
        } else {
            subject = .seat(try row.decode("seat_id"))
        }
    }
}
