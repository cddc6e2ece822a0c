import Foundation
public import WorkbenchKit
import WorkbenchPostgres

/// Maps a peer's credentials to a role, as the `access` section of the configuration says.
///
/// A peer gets the highest role whose list names its user (by name or numeric uid) or any of
/// its groups (its primary group and its supplementary groups from the group database, by
/// name or numeric gid). A peer named nowhere gets no role and may run only `help`, `ping`,
/// `whoami` and `quit`.
public struct AccessPolicy: Sendable, Equatable {
    /// Who holds one role.
    public struct Grant: Sendable, Equatable {
        /// User names or numeric uids.
        public var users: Set<String>
        /// Group names or numeric gids.
        public var groups: Set<String>

        /// Creates a grant.
        public init(users: Set<String> = [], groups: Set<String> = []) {
            self.users = users
            self.groups = groups
        }
    }

    /// Grants by role.
    public var grants: [Role: Grant]
    /// Organisation codes by user (name or numeric uid): the subtrees the user is held to.
    public var userScopes: [String: Set<String>]
    /// Organisation codes by group (name or numeric gid).
    public var groupScopes: [String: Set<String>]

    /// Creates a policy.
    public init(grants: [Role: Grant], userScopes: [String: Set<String>] = [:], groupScopes: [String: Set<String>] = [:]) {
        self.grants = grants
        self.userScopes = userScopes
        self.groupScopes = groupScopes
    }

    /// The organisations a peer is held to: the union of the scopes of its user and of its
    /// groups, sorted; nil (the whole tree) when none names it.
    public func scope(uid: UInt32, userName: String?, groupIDs: [UInt32]) -> [String]? {
        var codes: Set<String> = []
        var named = false
        for key in [String(uid)] + (userName.map { [$0] } ?? []) {
            if let scope = userScopes[key] {
                codes.formUnion(scope)
                named = true
            }
        }
        for id in groupIDs {
            for key in [String(id)] + (SystemAccount.groupName(of: id).map { [$0] } ?? []) {
                if let scope = groupScopes[key] {
                    codes.formUnion(scope)
                    named = true
                }
            }
        }
        return named ? codes.sorted() : nil
    }

    /// Reads `who=CODE[+CODE…]` entries (`alice=JD01+JD02`) into a map; nil naming the
    /// first malformed entry.
    public static func scopes(_ entries: [String]) -> Result<[String: Set<String>], ScopeEntryError> {
        var scopes: [String: Set<String>] = [:]
        for entry in entries {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let codes =
                parts.count == 2
                ? parts[1].split(separator: "+", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } : []
            guard parts.count == 2, !parts[0].isEmpty, !codes.isEmpty, !codes.contains(where: \.isEmpty) else {
                return .failure(ScopeEntryError(entry: entry))
            }
            scopes[parts[0], default: []].formUnion(codes)
        }
        return .success(scopes)
    }

    /// A scope entry that is not `who=CODE[+CODE…]`.
    public struct ScopeEntryError: Error, Equatable {
        /// The entry as written.
        public var entry: String
    }

    /// A policy that gives nobody a role.
    public static let nobody = AccessPolicy(grants: [:])

    /// The role for a peer.
    ///
    /// - Parameters:
    ///   - userName: The peer's user name (nil when its uid has none).
    ///   - groupIDs: The peer's primary and supplementary group ids.
    public func role(uid: UInt32, userName: String?, groupIDs: [UInt32]) -> Role? {
        let groupNames = Set(groupIDs.map { SystemAccount.groupName(of: $0) ?? "" }.filter { !$0.isEmpty })
        let groupNumbers = Set(groupIDs.map(String.init))
        for role in Role.allCases.reversed() {
            guard let grant = grants[role] else { continue }
            if grant.users.contains(String(uid)) || userName.map(grant.users.contains) == true {
                return role
            }
            if !grant.groups.isDisjoint(with: groupNames) || !grant.groups.isDisjoint(with: groupNumbers) {
                return role
            }
        }
        return nil
    }

    /// The caller a peer becomes under this policy.
    public func caller(for credentials: PeerCredentials) -> Caller {
        let account = SystemAccount(uid: credentials.uid)
        var groups = account?.groupIDs ?? []
        if !groups.contains(credentials.gid) { groups.append(credentials.gid) }
        return Caller(
            pid: credentials.pid, uid: credentials.uid, gid: credentials.gid,
            userName: account?.name ?? "uid\(credentials.uid)",
            role: role(uid: credentials.uid, userName: account?.name, groupIDs: groups), groupIDs: groups,
            scope: scope(uid: credentials.uid, userName: account?.name, groupIDs: groups)
        )
    }

    /// Names in the policy that do not exist on this system (for a start-up warning).
    public var unknownNames: [String] {
        var unknown: [String] = []
        for grant in grants.values {
            unknown += grant.users.filter { UInt32($0) == nil && SystemAccount(name: $0) == nil }.map { "user \($0)" }
            unknown += grant.groups.filter { UInt32($0) == nil && SystemAccount.groupID(named: $0) == nil }.map { "group \($0)" }
        }
        return unknown.sorted()
    }
}
