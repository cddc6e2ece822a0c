import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// One case 事件 as stored, with its grid's code.
struct GridCase: Sendable, Equatable {
    var id: Int64
    var code: String
    var gridID: Int64
    var gridCode: String
    var communityID: Int64
    var category: String
    var source: String
    var reporter: String
    var description: String
    var latitude: Double?
    var longitude: Double?
    var urgency: CaseUrgency
    var startLevel: CaseLevel
    var level: CaseLevel
    var department: String?
    var status: CaseStatus
    var assignee: String?
    var reportedAt: Date
    var clockStartedAt: Date?
    var warnAt: Date?
    var dueAt: Date?
    var escalatedTo: [String]
    var missedDeadlines: Int
    var reopens: Int
    var resolvedAt: Date?
    var resolvedOnTime: Bool?
    var closedAt: Date?
    var cancelReason: String?

    /// The columns every case query selects: `k` the case, `g` its grid.
    static let columns = """
        k.id, k.code, k.grid_id, g.code AS grid_code, k.community_id, k.category, k.source, k.reporter, k.description,
        k.latitude, k.longitude, k.urgency, k.start_level, k.level, k.department, k.status, k.assignee, k.reported_at,
        k.clock_started_at, k.warn_at, k.due_at, k.escalated_to, k.missed_deadlines, k.reopens, k.resolved_at,
        k.resolved_on_time, k.closed_at, k.cancel_reason
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        code = try row.decode("code")
        gridID = try row.decode("grid_id")
        gridCode = try row.decode("grid_code")
        communityID = try row.decode("community_id")
        category = try row.decode("category")
        source = try row.decode("source")
        reporter = try row.decode("reporter")
        description = try row.decode("description")
        latitude = try row.decode("latitude")
        longitude = try row.decode("longitude")
        urgency = CaseUrgency(rawValue: try row.decode("urgency")) ?? .normal
        startLevel = CaseLevel(rawValue: try row.decode("start_level")) ?? .complex
        level = CaseLevel(rawValue: try row.decode("level")) ?? .complex
        department = try row.decode("department")
        let statusText: String = try row.decode("status")
        guard let status = CaseStatus(rawValue: statusText) else {
            throw PostgresError(code: .unexpectedResult, message: "unknown case status '\(statusText)' in grids.cases")
        }
        self.status = status
        assignee = try row.decode("assignee")
        reportedAt = try row.decode("reported_at")
        clockStartedAt = try row.decode("clock_started_at")
        warnAt = try row.decode("warn_at")
        dueAt = try row.decode("due_at")
        escalatedTo = try row.decode("escalated_to")
        missedDeadlines = try row.decode("missed_deadlines")
        reopens = try row.decode("reopens")
        resolvedAt = try row.decode("resolved_at")
        resolvedOnTime = try row.decode("resolved_on_time")
        closedAt = try row.decode("closed_at")
        cancelReason = try row.decode("cancel_reason")
    }

    /// `street` or `department 区城管执法局`.
    var levelText: String { department.map { "\(level.rawValue) \($0)" } ?? level.rawValue }

    /// The fields `case show` and the action replies print.
    func fields(now: Date) -> [(String, ReplyValue)] {
        [
            ("id", .int(id)), ("code", .string(code)), ("grid", .string(gridCode)), ("category", .string(category)),
            ("source", .string(source)), ("reporter", .string(reporter)), ("description", .string(description)),
            ("latitude", latitude.map { .double($0) } ?? .null), ("longitude", longitude.map { .double($0) } ?? .null),
            ("urgency", .string(urgency.rawValue)), ("level", .string(level.rawValue)), ("level_name", .string(level.label)),
            ("department", .string(department)), ("status", .string(status.rawValue)), ("status_name", .string(status.label)),
            ("assignee", .string(assignee)), ("reported_at", .timestamp(reportedAt)), ("due_at", .timestamp(dueAt)),
            ("time_left", .string(dueAt.map { DeadlineText.describe(due: $0, now: now) })),
            ("escalations", .int(escalatedTo.count)), ("missed_deadlines", .int(missedDeadlines)), ("reopens", .int(reopens)),
            ("resolved_at", .timestamp(resolvedAt)), ("resolved_on_time", resolvedOnTime.map { .bool($0) } ?? .null),
            ("closed_at", .timestamp(closedAt)), ("cancel_reason", .string(cancelReason)),
        ]
    }
}
