/// What a caller may do, from least to most: `viewer < operator < admin`.
///
/// - `viewer` reads domain data;
/// - `operator` also changes it;
/// - `admin` also reloads the daemon and reads migrations status and the audit log.
///
/// A peer the configuration maps to no role may run only `help`, `ping`, `whoami` and
/// `quit`.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// Reads domain data.
    case viewer
    /// Reads and changes domain data.
    case `operator`
    /// Everything, including daemon administration.
    case admin

    public var description: String { rawValue }

    private var rank: Int {
        switch self {
        case .viewer: 0
        case .operator: 1
        case .admin: 2
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}
