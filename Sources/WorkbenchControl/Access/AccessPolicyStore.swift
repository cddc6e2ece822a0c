import Synchronization

/// The access policy in force; replaced on SIGHUP without a restart. Each connection maps
/// its peer once, when it connects.
public final class AccessPolicyStore: Sendable {
    private let current: Mutex<AccessPolicy>

    /// Creates a store holding `policy`.
    public init(_ policy: AccessPolicy) {
        self.current = Mutex(policy)
    }

    /// The policy in force.
    public var policy: AccessPolicy { current.withLock { $0 } }

    /// Replaces the policy.
    public func replace(with policy: AccessPolicy) {
        current.withLock { $0 = policy }
    }
}
