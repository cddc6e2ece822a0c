import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// A consultation session 议事会 of the "好商量" platform: where and when, its notice, its
/// minutes and where it stands.
struct Session: Sendable {
    var id: Int64
    var unitID: Int64
    var unitCode: String
    var unitPath: String
    var title: String
    var venue: String?
    var startsAt: Date
    var noticePostedOn: CalendarDate?
    var noticePlace: String?
    var minutes: String?
    var minutesBy: String?
    var status: SessionStatus
    var closedAt: Date?
    var cancelReason: String?

    /// The columns ``init(row:)`` reads, for `s` = sessions and `u` = its unit.
    static let columns = """
        s.id, s.unit_id, u.code AS unit_code, u.path::text AS unit_path, s.title, s.venue, s.starts_at, s.notice_posted_on, s.notice_place,
        s.minutes, s.minutes_by, s.status, s.closed_at, s.cancel_reason
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        unitID = try row.decode("unit_id")
        unitCode = try row.decode("unit_code")
        unitPath = try row.decode("unit_path")
        title = try row.decode("title")
        venue = try row.decode("venue")
        startsAt = try row.decode("starts_at")
        noticePostedOn = try row.decode("notice_posted_on")
        noticePlace = try row.decode("notice_place")
        minutes = try row.decode("minutes")
        minutesBy = try row.decode("minutes_by")
        status = try row.decode("status")
        closedAt = try row.decode("closed_at")
        cancelReason = try row.decode("cancel_reason")
    }

    /// `session 4 《停车议事会》`.
    var label: String { "session \(id) 《\(title)》" }

    /// A 422 for recording what happens at a session (participants, minutes, votes, replies,
    /// the close) before it starts: a session scheduled for next June cannot have been held today.
    func refuseBeforeItIsHeld(_ step: String, now: Date, timeZone: TimeZone) throws {
        guard startsAt <= now else {
            let starts = ReplyEncoder(timeZone: timeZone).textValue(.timestamp(startsAt))
            throw WorkbenchError.ruleRefused(
                ConsultationsErrorCode.sessionNotHeldYet, "\(label) starts at \(starts); it cannot \(step) before it is held"
            )
        }
    }

    /// A 409 for a change to a session that is no longer scheduled.
    func refuseUnlessScheduled(_ step: String) throws {
        guard status == .scheduled else {
            throw WorkbenchError.conflict(
                ConsultationsErrorCode.sessionFinal,
                "\(label) is \(status.rawValue); it cannot \(step). A closed or cancelled session no longer changes."
            )
        }
    }
}
