import Testing
import WorkbenchKit

@Suite("Role and Caller")
struct RoleTests {
    @Test func rolesAreOrderedFromViewerToAdmin() {
        #expect(Role.viewer < .operator)
        #expect(Role.operator < .admin)
        #expect(Role.viewer < .admin)
        #expect(!(Role.admin < .viewer))
        #expect(!(Role.operator < .operator))
        #expect(Role.allCases.sorted() == [.viewer, .operator, .admin])
        #expect([Role.admin, .viewer, .operator].sorted() == [.viewer, .operator, .admin])
        #expect([Role.admin, .viewer, .operator].max() == .admin)
        #expect(max(Role.viewer, .operator) == .operator)
    }

    @Test(arguments: [("viewer", Role.viewer), ("operator", .operator), ("admin", .admin)])
    func rawValuesAreTheConfigurationWords(_ word: String, _ role: Role) {
        #expect(Role(rawValue: word) == role)
        #expect(role.description == word)
    }

    @Test(arguments: ["Admin", "root", "", "operators"])
    func otherWordsAreNoRole(_ word: String) {
        #expect(Role(rawValue: word) == nil)
    }

    struct Permission: Sendable, CustomTestStringConvertible {
        var role: Role?
        var required: Role
        var allowed: Bool
        var testDescription: String { "\(role.map(\.rawValue) ?? "unmapped") may \(required): \(allowed)" }
    }

    @Test(arguments: [
        Permission(role: .viewer, required: .viewer, allowed: true),
        Permission(role: .viewer, required: .operator, allowed: false),
        Permission(role: .viewer, required: .admin, allowed: false),
        Permission(role: .operator, required: .viewer, allowed: true),
        Permission(role: .operator, required: .operator, allowed: true),
        Permission(role: .operator, required: .admin, allowed: false),
        Permission(role: .admin, required: .viewer, allowed: true),
        Permission(role: .admin, required: .operator, allowed: true),
        Permission(role: .admin, required: .admin, allowed: true),
        Permission(role: nil, required: .viewer, allowed: false),
        Permission(role: nil, required: .operator, allowed: false),
        Permission(role: nil, required: .admin, allowed: false),
    ])
    func callerMay(_ permission: Permission) {
        let caller = Caller(pid: 1, uid: 1000, gid: 1000, userName: "li", role: permission.role)
        #expect(caller.may(permission.required) == permission.allowed)
    }
}
