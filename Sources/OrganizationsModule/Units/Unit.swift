import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// One Party organisation as stored: a node of the tree.
struct Unit: Sendable, Equatable {
    var id: Int64
    var code: String
    var name: String
    var kind: OrganizationKind
    var subtype: RegionalSubtype?
    var parentID: Int64?
    var parentCode: String?
    /// The ltree path of ids from the root (`1.4.27`).
    var path: String
    var establishedOn: CalendarDate?
    var dissolvedOn: CalendarDate?
    var secretary: String?
    var phone: String?

    var isActive: Bool { dissolvedOn == nil }

    /// How messages name it: `JD01 长宁街道党工委`.
    var label: String { "\(code) \(name)" }

    /// The columns every unit query selects, with `u` the unit and `p` its parent.
    static let columns = """
        u.id, u.code, u.name, u.kind, u.subtype, u.parent_id, p.code AS parent_code, u.path::text AS path,
        u.established_on, u.dissolved_on, u.secretary, u.phone
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        code = try row.decode("code")
        name = try row.decode("name")
        let kindText: String = try row.decode("kind")
        guard let kind = OrganizationKind(rawValue: kindText) else {
            throw PostgresError(code: .unexpectedResult, message: "unknown organisation kind '\(kindText)' in organizations.units")
        }
        self.kind = kind
        subtype = try row.decode("subtype", as: String?.self).flatMap(RegionalSubtype.init(rawValue:))
        parentID = try row.decode("parent_id")
        parentCode = try row.decode("parent_code")
        path = try row.decode("path")
        establishedOn = try row.decode("established_on")
        dissolvedOn = try row.decode("dissolved_on")
        secretary = try row.decode("secretary")
        phone = try row.decode("phone")
    }

    /// The fields `org unit show` and `org unit add` answer with.
    var fields: [(String, ReplyValue)] {
        [
            ("id", .int(id)), ("code", .string(code)), ("name", .string(name)), ("kind", .string(kind.rawValue)),
            ("kind_name", .string(kind.chineseName)), ("subtype", .string(subtype?.rawValue)),
            ("parent", .string(parentCode)), ("path", .string(path)), ("established_on", .date(establishedOn)),
            ("dissolved_on", .date(dissolvedOn)), ("secretary", .string(secretary)), ("phone", .string(phone)),
        ]
    }
}
