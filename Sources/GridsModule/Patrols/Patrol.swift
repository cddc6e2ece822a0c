import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// One patrol 每日巡 as `grid patrol list` shows it, with its grid's code.
struct Patrol: Sendable, Equatable {
    var id: Int64
    var gridCode: String
    /// The worker's name (copied from the member when logged with `member=`).
    var worker: String
    var memberID: Int64?
    var day: CalendarDate
    var startedAt: Date?
    var endedAt: Date?
    var casesFound: Int
    var note: String?

    /// The columns list queries select: `p` the patrol, `g` its grid.
    static let columns = """
        p.id, g.code AS grid_code, p.worker, p.member_id, p.patrolled_on, p.started_at, p.ended_at, p.cases_found, p.note
        """

    /// The table columns of ``cells``.
    static let tableColumns = ["id", "date", "grid", "worker", "member", "started_at", "ended_at", "found", "note"]

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        gridCode = try row.decode("grid_code")
        worker = try row.decode("worker")
        memberID = try row.decode("member_id")
        day = try row.decode("patrolled_on")
        startedAt = try row.decode("started_at")
        endedAt = try row.decode("ended_at")
        casesFound = try row.decode("cases_found")
        note = try row.decode("note")
    }

    /// One row of `grid patrol list`, in ``tableColumns`` order.
    var cells: [ReplyValue] {
        [
            .int(id), .date(day), .string(gridCode), .string(worker), .int(memberID.map(Int.init)), .timestamp(startedAt),
            .timestamp(endedAt), .int(casesFound), .string(note),
        ]
    }
}
