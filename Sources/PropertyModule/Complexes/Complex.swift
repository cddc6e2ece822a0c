import WorkbenchKit
import WorkbenchPostgres

/// A residential complex 小区 as stored, with the company serving it on the day asked about.
struct Complex: Sendable, Equatable {
    var id: Int64
    var code: String
    var name: String
    var address: String
    var communityID: Int64
    var communityCode: String
    var gridID: Int64?
    var gridCode: String?
    var branchCode: String?
    var homes: Int
    var ownersCommittee: Bool
    var companyID: Int64?
    var companyName: String?
    /// The serving company's credit code.
    var companyCode: String?
    var contractStartsOn: CalendarDate?
    var contractEndsOn: CalendarDate?

    /// `XQ01 金桥小区`.
    var label: String { "\(code) \(name)" }

    /// The columns complex queries select, with the contract in force on the day bound as
    /// `$<dayParameter>`.
    static func selection(dayParameter: Int) -> String {
        """
        SELECT x.id, x.code, x.name, x.address, x.community_id, c.code AS community_code, x.grid_id, x.grid_code, b.code AS branch_code,
               x.homes, x.owners_committee, k.company_id, m.name AS company_name,
               m.credit_code AS company_code, k.starts_on, k.ends_on
        FROM property.complexes x
        JOIN organizations.units c ON c.id = x.community_id
        LEFT JOIN organizations.units b ON b.id = x.branch_id
        LEFT JOIN LATERAL (
            SELECT s.company_id, s.starts_on, s.ends_on FROM property.service_contracts s
            WHERE s.complex_id = x.id AND s.starts_on <= $\(dayParameter)::date AND (s.ends_on IS NULL OR s.ends_on >= $\(dayParameter)::date)
        ) k ON true
        LEFT JOIN property.companies m ON m.id = k.company_id
        """
    }

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        code = try row.decode("code")
        name = try row.decode("name")
        address = try row.decode("address")
        communityID = try row.decode("community_id")
        communityCode = try row.decode("community_code")
        gridID = try row.decode("grid_id")
        gridCode = try row.decode("grid_code")
        branchCode = try row.decode("branch_code")
        homes = try row.decode("homes")
        ownersCommittee = try row.decode("owners_committee")
        companyID = try row.decode("company_id")
        companyName = try row.decode("company_name")
        companyCode = try row.decode("company_code")
        contractStartsOn = try row.decode("starts_on")
        contractEndsOn = try row.decode("ends_on")
    }

    /// The record `complex show` starts with.
    var fields: [(String, ReplyValue)] {
        [
            ("id", .int(id)), ("code", .string(code)), ("name", .string(name)), ("address", .string(address)),
            ("community", .string(communityCode)), ("grid", .string(gridCode)), ("branch", .string(branchCode)), ("homes", .int(homes)),
            ("owners_committee", .bool(ownersCommittee)), ("company", .string(companyName ?? "none")),
            ("contract_from", .date(contractStartsOn)), ("contract_until", .date(contractEndsOn)),
        ]
    }
}
