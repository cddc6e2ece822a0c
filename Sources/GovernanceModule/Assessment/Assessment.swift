import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// A year's assessment 考核 of an organisation by its assessor: a secretary's organisation by
/// the organisation above it, or a unit stationed in a street by the street (双向考核).
struct Assessment: Sendable {
    /// Which way it runs.
    enum Direction: String, Sendable, PostgresDecodable, PostgresEncodable {
        /// 上级考核: the organisation above assesses the secretary's organisation, with 述职评议.
        case secretary
        /// 双向考核: a street or community assesses a unit stationed in it.
        case stationed
    }

    var id: Int64
    var year: Int
    var unitID: Int64
    var unitCode: String
    var unitName: String
    var unitPath: String
    var assessorID: Int64
    /// The assessor's code, or `#<id>` for a caller whose scope does not reach it (a community
    /// reading the assessment its street made).
    var assessorCode: String
    var direction: Direction
    var checklistID: Int64
    var checklistVersion: Int
    var secretary: String?
    var total: Decimal?
    var grade: String?
    var publishedAt: Date?

    static let columns = """
        a.id, a.year, a.unit_id, u.code AS unit_code, u.name AS unit_name, u.path::text AS unit_path, a.assessor_unit_id,
        coalesce(s.code, '#' || a.assessor_unit_id) AS assessor_code, a.direction, a.checklist_id, l.version AS checklist_version,
        a.secretary, a.total, a.grade, a.published_at
        """
    static let joins = """
        JOIN organizations.units u ON u.id = a.unit_id
        LEFT JOIN organizations.units s ON s.id = a.assessor_unit_id
        JOIN governance.checklists l ON l.id = a.checklist_id
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        year = try row.decode("year")
        unitID = try row.decode("unit_id")
        unitCode = try row.decode("unit_code")
        unitName = try row.decode("unit_name")
        unitPath = try row.decode("unit_path")
        assessorID = try row.decode("assessor_unit_id")
        assessorCode = try row.decode("assessor_code")
        direction = try row.decode("direction")
        checklistID = try row.decode("checklist_id")
        checklistVersion = try row.decode("checklist_version")
        secretary = try row.decode("secretary")
        total = try row.decode("total")
        grade = try row.decode("grade")
        publishedAt = try row.decode("published_at")
    }

    /// `assessment 3 (2026 C1 by S1)`.
    var label: String { "assessment \(id) (\(year) \(unitCode) by \(assessorCode))" }

    /// The first day of the assessed year.
    var firstDay: CalendarDate { CalendarDate(year: year, month: 1, day: 1)! }

    /// The last day counted on `today`: 31 December, or today while the year runs.
    func lastDay(today: CalendarDate) -> CalendarDate { min(CalendarDate(year: year, month: 12, day: 31)!, today) }

    /// A 409 for a change to a published assessment.
    func refuseIfPublished(_ step: String) throws {
        guard publishedAt == nil else {
            throw WorkbenchError.conflict(GovernanceErrorCode.assessmentPublished, "\(label) is published and frozen; it cannot \(step)")
        }
    }

    var fields: [(String, ReplyValue)] {
        [
            ("id", .int(id)), ("year", .int(Int64(year))), ("unit", .string(unitCode)), ("unit_name", .string(unitName)),
            ("assessor", .string(assessorCode)), ("direction", .string(direction.rawValue)), ("checklist", .int(checklistID)),
            ("checklist_version", .int(Int64(checklistVersion))), ("secretary", secretary.map(ReplyValue.string) ?? .null),
            ("total", total.map { .decimal("\($0)") } ?? .null), ("grade", grade.map(ReplyValue.string) ?? .null),
            ("published_at", publishedAt.map(ReplyValue.timestamp) ?? .null),
        ]
    }

    static let tableColumns = ["id", "year", "unit", "unit_name", "assessor", "direction", "secretary", "total", "grade", "published_at"]

    var tableRow: [ReplyValue] {
        [
            .int(id), .int(Int64(year)), .string(unitCode), .string(unitName), .string(assessorCode), .string(direction.rawValue),
            secretary.map(ReplyValue.string) ?? .null, total.map { .decimal("\($0)") } ?? .null, grade.map(ReplyValue.string) ?? .null,
            publishedAt.map(ReplyValue.timestamp) ?? .null,
        ]
    }
}
