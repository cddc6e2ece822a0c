import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

/// A complaint 投诉 as stored, with its complex's and company's names.
struct Complaint: Sendable, Equatable {
    var id: Int64
    var code: String
    var complexCode: String
    var companyName: String
    var severity: ComplaintSeverity
    var subject: String
    var description: String
    var complainant: String?
    var complainantPhone: String?
    var status: ComplaintStatus
    var filedAt: Date
    var deadline: CalendarDuration
    var warnAt: Date
    var dueAt: Date
    var acknowledgedAt: Date?
    var resolvedAt: Date?
    var resolvedOnTime: Bool?
    var closedAt: Date?
    var verdict: String?
    var reopens: Int

    /// The columns complaint queries select: `p` the complaint, `x` its complex, `m` its company.
    static let columns = """
        p.id, p.code, x.code AS complex_code, m.name AS company_name, p.severity, p.subject, p.description, p.complainant,
        p.complainant_phone, p.status, p.filed_at, p.deadline_amount, p.deadline_unit, p.warn_at, p.due_at, p.acknowledged_at,
        p.resolved_at, p.resolved_on_time, p.closed_at, p.verdict, p.reopens
        """
    /// The joins that go with ``columns``.
    static let joins = "JOIN property.complexes x ON x.id = p.complex_id JOIN property.companies m ON m.id = p.company_id"

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        code = try row.decode("code")
        complexCode = try row.decode("complex_code")
        companyName = try row.decode("company_name")
        severity = try row.decode("severity")
        subject = try row.decode("subject")
        description = try row.decode("description")
        complainant = try row.decode("complainant")
        complainantPhone = try row.decode("complainant_phone")
        status = try row.decode("status")
        filedAt = try row.decode("filed_at")
        let unitText: String = try row.decode("deadline_unit")
        guard let unit = WorkingCalendar.Unit(rawValue: unitText) else {
            throw PostgresError(code: .unexpectedResult, message: "unknown deadline unit '\(unitText)' in property.complaints")
        }
        deadline = CalendarDuration(try row.decode("deadline_amount"), unit)
        warnAt = try row.decode("warn_at")
        dueAt = try row.decode("due_at")
        acknowledgedAt = try row.decode("acknowledged_at")
        resolvedAt = try row.decode("resolved_at")
        resolvedOnTime = try row.decode("resolved_on_time")
        closedAt = try row.decode("closed_at")
        verdict = try row.decode("verdict")
        reopens = try row.decode("reopens")
    }

    /// How the clock reads at `now`: time left or overdue while open, on time or late once resolved.
    func clock(now: Date) -> String {
        if status.isOpen { return DeadlineText.describe(due: dueAt, now: now) }
        return resolvedOnTime == true ? "resolved on time" : "resolved late"
    }

    /// The record `complaint show` and the actions answer with; the complainant is masked
    /// below admin.
    func fields(now: Date, unmasked: Bool) -> [(String, ReplyValue)] {
        [
            ("id", .int(id)), ("code", .string(code)), ("complex", .string(complexCode)), ("company", .string(companyName)),
            ("severity", .string(severity.rawValue)), ("severity_name", .string(severity.chineseName)), ("subject", .string(subject)),
            ("description", .string(description)),
            ("complainant", .string(complainant.map { unmasked ? $0 : PersonNameMask.masked($0) })),
            ("phone", .string(complainantPhone.map { unmasked ? $0 : OrganizationDirectory.maskedPhone($0) })),
            ("status", .string(status.rawValue)), ("status_name", .string(status.chineseName)), ("filed_at", .timestamp(filedAt)),
            ("rule", .string("\(severity.rawValue): \(deadline)")), ("due_at", .timestamp(dueAt)), ("clock", .string(clock(now: now))),
            ("acknowledged_at", .timestamp(acknowledgedAt)), ("resolved_at", .timestamp(resolvedAt)), ("closed_at", .timestamp(closedAt)),
            ("verdict", .string(verdict)), ("reopens", .int(reopens)),
        ]
    }
}
