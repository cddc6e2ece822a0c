/// Why a member left the organisation's rolls.
enum LeaveReason: String, CaseIterable, Sendable {
    /// Organisational relationship transferred outside the district 组织关系转出.
    case transferredOut = "transferred_out"
    /// Deceased 去世.
    case deceased
    /// Expelled 开除党籍.
    case expelled
    /// Withdrew or was removed 退党/除名.
    case withdrew
    /// Anything else.
    case other
}
