import Testing
import WorkbenchControl
import WorkbenchKit

@Suite("Peers mapped to roles")
struct AccessPolicyTests {
    let policy = AccessPolicy(grants: [
        .admin: .init(users: ["root"], groups: []),
        .operator: .init(users: ["1500"], groups: ["ops"]),
        .viewer: .init(users: [], groups: ["4242", "nogroup"]),
    ])

    @Test(arguments: [
        (UInt32(0), "root", [UInt32(0)], Role?.some(.admin)),
        (1500, "someone", [1500], .operator),
        (1000, "alice", [1000, 4242], .viewer),
        (1000, "alice", [1000], nil),
        (0, "root", [4242], .admin),
    ])
    func roles(uid: UInt32, user: String, groups: [UInt32], expected: Role?) {
        #expect(policy.role(uid: uid, userName: user, groupIDs: groups) == expected)
    }

    @Test func groupsByNameResolveThroughTheGroupDatabase() {
        // "nogroup" (gid 65534) exists on Debian.
        #expect(policy.role(uid: 65534, userName: "nobody", groupIDs: [65534]) == .viewer)
    }

    @Test func theHighestRoleWins() {
        let both = AccessPolicy(grants: [.viewer: .init(users: ["alice"]), .operator: .init(users: ["alice"])])
        #expect(both.role(uid: 1000, userName: "alice", groupIDs: []) == .operator)
    }

    @Test func nobodyGetsNoRole() {
        #expect(AccessPolicy.nobody.role(uid: 0, userName: "root", groupIDs: [0]) == nil)
    }

    @Test func unknownNamesAreReported() {
        let policy = AccessPolicy(grants: [.viewer: .init(users: ["no-such-user-xyz"], groups: ["no-such-group-xyz", "1234"])])
        #expect(policy.unknownNames == ["group no-such-group-xyz", "user no-such-user-xyz"])
    }
}
