/// A member's standing: formal 正式党员 or probationary 预备党员.
enum MemberStatus: String, CaseIterable, Sendable {
    /// Formal member 正式党员.
    case formal
    /// Probationary member 预备党员.
    case probationary
}
