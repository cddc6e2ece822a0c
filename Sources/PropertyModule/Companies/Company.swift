import Foundation
import WorkbenchKit
import WorkbenchPostgres

/// A property company 物业企业 as stored, with its Party organisation's code and name.
struct Company: Sendable, Equatable {
    var id: Int64
    var creditCode: String
    var name: String
    var contactName: String?
    var contactPhone: String?
    var partyUnitID: Int64?
    var partyUnitCode: String?
    var partyUnitName: String?
    var stars: Int?
    var createdAt: Date

    /// How messages name it: `红心物业 (91350100M000100Y43)`.
    var label: String { "\(name) (\(creditCode))" }

    /// The columns company queries select: `m` the company, `u` its Party organisation.
    static let columns = """
        m.id, m.credit_code, m.name, m.contact_name, m.contact_phone, m.party_unit_id, u.code AS party_unit_code,
        u.name AS party_unit_name, m.stars, m.created_at
        """
    /// The join that goes with ``columns``.
    static let joins = "LEFT JOIN organizations.units u ON u.id = m.party_unit_id"

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        creditCode = try row.decode("credit_code")
        name = try row.decode("name")
        contactName = try row.decode("contact_name")
        contactPhone = try row.decode("contact_phone")
        partyUnitID = try row.decode("party_unit_id")
        partyUnitCode = try row.decode("party_unit_code")
        partyUnitName = try row.decode("party_unit_name")
        stars = try row.decode("stars")
        createdAt = try row.decode("created_at")
    }

    /// The record `company show` starts with.
    var fields: [(String, ReplyValue)] {
        [
            ("id", .int(id)), ("credit_code", .string(creditCode)), ("name", .string(name)), ("contact", .string(contactName)),
            ("phone", .string(contactPhone)),
            ("party_org", .string(partyUnitCode.map { "\($0) \(partyUnitName ?? "")" } ?? "none (coverage gap 未覆盖)")),
            ("stars", .int(stars)), ("registered_at", .timestamp(createdAt)),
        ]
    }
}
