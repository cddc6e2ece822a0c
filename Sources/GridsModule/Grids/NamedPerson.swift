import OrganizationsModule
import WorkbenchKit
import WorkbenchPostgres

/// Someone an operator names either as a Party member (`member=<id>`, an active member) or
/// by name (`person=`, `worker=`): grid workers, cadres, patrollers.
struct NamedPerson: Sendable {
    /// The name lists show (the member's name for a member).
    var name: String
    /// The member, when named by id.
    var member: OrganizationDirectory.Member?

    /// Reads `member=` or `<nameArgument>=`; exactly one must be given (else a 400).
    static func resolve(_ arguments: Arguments, nameArgument: String, in session: PostgresSession) async throws -> NamedPerson {
        switch (arguments.optionalID("member"), arguments.optionalString(nameArgument)) {
        case (let id?, nil):
            let member = try await OrganizationDirectory.activeMember(id, argument: "member", in: session)
            return NamedPerson(name: member.name, member: member)
        case (nil, let name?):
            return NamedPerson(name: name, member: nil)
        case (nil, nil):
            throw WorkbenchError.invalidArgument(nameArgument, "name the person with member=<id> or \(nameArgument)=<name>")
        case (_?, _?):
            throw WorkbenchError.invalidArgument(nameArgument, "give member= or \(nameArgument)=, not both")
        }
    }
}
