/// Who sent a command: the peer's credentials (from `SO_PEERCRED`) and the role the
/// configuration maps them to.
public struct Caller: Sendable, Equatable, Codable {
    /// The peer's process id.
    public var pid: Int32
    /// The peer's user id.
    public var uid: UInt32
    /// The peer's primary group id.
    public var gid: UInt32
    /// The peer's user name, or `uid<N>` when the uid has no name.
    public var userName: String
    /// The role, or nil for an unmapped peer.
    public var role: Role?
    /// The peer's primary and supplementary group ids, as the role was mapped from.
    public var groupIDs: [UInt32]
    /// The codes of the organisations whose subtrees the caller may see and change (the
    /// union of them), or nil for the whole tree. Row-level security in the database holds
    /// every command to it.
    public var scope: [String]?

    /// Creates a caller.
    public init(pid: Int32, uid: UInt32, gid: UInt32, userName: String, role: Role?, groupIDs: [UInt32] = [], scope: [String]? = nil) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
        self.userName = userName
        self.role = role
        self.groupIDs = groupIDs.isEmpty ? [gid] : groupIDs
        self.scope = scope
    }

    /// The scope as the database setting `workbench.scope` holds it: codes separated by
    /// commas; nil for the whole tree.
    public var scopeSetting: String? { scope?.joined(separator: ",") }

    /// Whether the caller's role is at least `required`.
    public func may(_ required: Role) -> Bool {
        guard let role else { return false }
        return role >= required
    }
}
