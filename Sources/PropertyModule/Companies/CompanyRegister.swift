import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

/// The company register for `prop company import`: rows run `prop company add`; a company is
/// matched by its credit code, and `update=true` runs `prop company update` with what
/// differs (name, contact, phone, Party organisation, stars — a new rating's reason says it
/// came from a register).
enum CompanyRegister {
    /// The register for one import.
    static func register(add: CommandSpec, update: CommandSpec, invocation: Invocation) -> CommandRegister<Company> {
        CommandRegister(
            ("company", "companies"), add: add, update: update, invocation: invocation, keyColumn: "credit_code",
            key: { try CompanyStore.creditCode(try $0.string("credit_code")).text },
            lookup: { codes, session in
                let rows = try await session.query(CompanyStore.Queries.findByCodes, [codes])
                return Dictionary(
                    try rows.map {
                        let company = try Company(row: $0); return (company.creditCode, company)
                    }
                ) { first, _ in first }
            },
            differences: differences,
            identity: { ("company", $0.creditCode) }
        )
    }

    /// What `prop company update` would change to match the row.
    static func differences(_ row: Arguments, _ company: Company) throws -> [(String, String)] {
        var changes: [(String, String)] = []
        if let name = row.optionalString("name"), name != company.name { changes.append(("name", name)) }
        if let contact = row.optionalString("contact"), contact != company.contactName { changes.append(("contact", contact)) }
        if let phone = row.optionalString("phone"), try OrganizationDirectory.phone(phone, argument: "phone") != company.contactPhone {
            changes.append(("phone", phone))
        }
        if let party = row.optionalString("party_org"), party != company.partyUnitCode, Int64(party) != company.partyUnitID {
            changes.append(("party_org", party))
        }
        if let stars = row.optionalInt("stars"), Int(stars) != company.stars {
            changes += [("stars", String(stars)), ("reason", "from the company register (prop company import)")]
        }
        return changes
    }
}
