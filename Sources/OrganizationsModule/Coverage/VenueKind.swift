/// Kinds of place the "two full coverages" (两个全覆盖) are counted over.
enum VenueKind: String, CaseIterable, Sendable {
    /// Office building 商务楼宇.
    case officeBuilding = "office_building"
    /// Park 园区.
    case park
    /// Market or business district 商圈市场.
    case market
    /// Firm 企业 (a non-public firm or social organisation).
    case firm
}
