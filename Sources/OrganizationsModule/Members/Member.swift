import WorkbenchKit
import WorkbenchPostgres

/// A Party member as stored, with the codes of their branch and residence community.
struct Member: Sendable {
    var id: Int64
    var name: String
    var phone: String?
    var status: String
    var joinedOn: CalendarDate
    var unitID: Int64
    var unitCode: String
    var unitName: String
    var workUnit: String?
    var residenceCode: String?
    var isMobile: Bool
    var leftOn: CalendarDate?
    var leaveReason: String?

    var isActive: Bool { leftOn == nil }

    /// How messages name a member: `#42 王芳`.
    var label: String { "#\(id) \(name)" }

    /// The columns member queries select, with `m` the member, `u` the branch and `r` the
    /// residence community.
    static let columns = """
        m.id, m.name, m.phone, m.status, m.joined_on, m.unit_id, u.code AS unit_code, u.name AS unit_name, m.work_unit,
        r.code AS residence_code, m.is_mobile, m.left_on, m.leave_reason
        """
    static let joins = """
        JOIN organizations.units u ON u.id = m.unit_id LEFT JOIN organizations.units r ON r.id = m.residence_id
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        name = try row.decode("name")
        phone = try row.decode("phone")
        status = try row.decode("status")
        joinedOn = try row.decode("joined_on")
        unitID = try row.decode("unit_id")
        unitCode = try row.decode("unit_code")
        unitName = try row.decode("unit_name")
        workUnit = try row.decode("work_unit")
        residenceCode = try row.decode("residence_code")
        isMobile = try row.decode("is_mobile")
        leftOn = try row.decode("left_on")
        leaveReason = try row.decode("leave_reason")
    }

    /// The phone as `caller` may see it: whole for admins, masked for everyone else.
    func phone(for caller: Caller, maskedBelow role: Role = .admin) -> ReplyValue {
        guard let phone else { return .null }
        return .string(caller.may(role) ? phone : PhoneNumber.masked(phone))
    }

    func fields(for caller: Caller) -> [(String, ReplyValue)] {
        [
            ("id", .int(id)), ("name", .string(name)), ("phone", phone(for: caller, maskedBelow: .operator)),
            ("status", .string(status)), ("joined_on", .date(joinedOn)), ("unit", .string(unitCode)),
            ("unit_name", .string(unitName)), ("work_unit", .string(workUnit)), ("residence", .string(residenceCode)),
            ("mobile", .bool(isMobile)), ("left_on", .date(leftOn)), ("leave_reason", .string(leaveReason)),
        ]
    }
}
