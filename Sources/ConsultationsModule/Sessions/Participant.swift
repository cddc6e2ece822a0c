import WorkbenchKit
import WorkbenchPostgres

/// A participant recorded at a session: who, on which side, for which party, present or not.
struct Participant: Sendable {
    var name: String
    var role: ParticipantRole
    var party: CoGovernanceParty?
    var attended: Bool

    init(row: PostgresRow) throws {
        name = try row.decode("name")
        role = try row.decode("role")
        party = try row.decode("party")
        attended = try row.decode("attended")
    }

    /// The columns of the `participants` table of `session show`.
    static let columns = ["name", "role", "role_name", "party", "party_name", "attended"]

    /// One row of that table. Residents' names are masked unless `unmasked` (admins).
    func values(unmasked: Bool) -> [ReplyValue] {
        [
            .string(unmasked || party != .resident ? name : PersonNameMask.masked(name)), .string(role.rawValue), .string(role.chinese),
            .string(party?.rawValue), .string(party?.chinese), .bool(attended),
        ]
    }
}
