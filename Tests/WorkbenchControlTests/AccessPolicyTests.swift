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

    @Test(arguments: [
        (UInt32(1000), "alice", [UInt32(1000)], [String]?.some(["JD01"])),
        (1001, "bob", [1001], ["SQ01", "SQ02"]),
        (1000, "alice", [1000, 4242], ["JD01", "JD02"]),
        (1002, "carol", [4242], ["JD02"]),
        (1003, "dave", [1003], nil),
        (1004, "1004", [1004], ["SQ09"]),
    ])
    func scopesAreTheUnionOfTheUsersAndItsGroups(uid: UInt32, user: String, groups: [UInt32], expected: [String]?) {
        let policy = AccessPolicy(
            grants: [:], userScopes: ["alice": ["JD01"], "bob": ["SQ02", "SQ01"], "1004": ["SQ09"]], groupScopes: ["4242": ["JD02"]])
        #expect(policy.scope(uid: uid, userName: user, groupIDs: groups) == expected)
    }

    @Test(arguments: [
        ("alice=JD01", true), ("bob=SQ01+SQ02", true), ("alice", false), ("=JD01", false), ("alice=", false), ("alice=JD01++JD02", false),
    ])
    func scopeEntriesAreWhoEqualsCodes(entry: String, valid: Bool) {
        let parsed = AccessPolicy.scopes([entry])
        if case .success = parsed { #expect(valid) } else { #expect(!valid) }
    }

    @Test func nobodyGetsNoRole() {
        #expect(AccessPolicy.nobody.role(uid: 0, userName: "root", groupIDs: [0]) == nil)
    }

    @Test func unknownNamesAreReported() {
        let policy = AccessPolicy(grants: [.viewer: .init(users: ["no-such-user-xyz"], groups: ["no-such-group-xyz", "1234"])])
        #expect(policy.unknownNames == ["group no-such-group-xyz", "user no-such-user-xyz"])
    }
}
