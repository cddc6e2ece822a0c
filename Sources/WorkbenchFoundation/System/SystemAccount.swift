import Foundation
public import Glibc

/// A local user account, looked up in the password database.
public struct SystemAccount: Sendable, Equatable {
    /// The login name.
    public var name: String
    /// The user id.
    public var uid: uid_t
    /// The primary group id.
    public var gid: gid_t

    /// Looks up an account by name; nil when there is none.
    public init?(name: String) {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getpwnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        self.name = name
        self.uid = entry.pw_uid
        self.gid = entry.pw_gid
    }

    /// Looks up an account by user id; nil when there is none.
    public init?(uid: uid_t) {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        self.name = String(cString: entry.pw_name)
        self.uid = uid
        self.gid = entry.pw_gid
    }

    /// The account the process runs as.
    public static var current: SystemAccount {
        SystemAccount(uid: geteuid()) ?? SystemAccount(name: "uid\(geteuid())", uid: geteuid(), gid: getegid())
    }

    init(name: String, uid: uid_t, gid: gid_t) {
        self.name = name
        self.uid = uid
        self.gid = gid
    }

    /// Every group the account belongs to: its primary group and its supplementary groups
    /// from the group database (`getgrouplist`).
    public var groupIDs: [gid_t] {
        var count: Int32 = 32
        while true {
            var groups = [gid_t](repeating: 0, count: Int(count))
            let previous = count
            if getgrouplist(name, gid, &groups, &count) >= 0 {
                return Array(groups.prefix(Int(count)))
            }
            if count <= previous { count = previous * 2 }
        }
    }

    /// The name of a group id, if it has one.
    public static func groupName(of gid: gid_t) -> String? {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getgrgid_r(gid, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return String(cString: entry.gr_name)
    }

    /// The id of a named group, if it exists.
    public static func groupID(named name: String) -> gid_t? {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getgrnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return entry.gr_gid
    }
}
