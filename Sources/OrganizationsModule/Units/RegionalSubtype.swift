/// Where a regional organisation 区域性党组织 sits (商务楼宇, 园区, 商圈市场).
public enum RegionalSubtype: String, CaseIterable, Sendable {
    /// Office building 商务楼宇.
    case officeBuilding = "office_building"
    /// Park 园区.
    case park
    /// Business district or market 商圈市场.
    case businessDistrict = "business_district"

    /// The name used in Chinese.
    public var chineseName: String {
        switch self {
        case .officeBuilding: "商务楼宇"
        case .park: "园区"
        case .businessDistrict: "商圈市场"
        }
    }
}
