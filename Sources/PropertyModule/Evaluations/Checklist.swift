public import Foundation

/// The evaluation checklist 物业服务企业评价清单 in force: positive items 正面清单 and negative
/// items 负面清单 with their weights, under a version. Zaozhuang names 15 positive and 6
/// negative items without listing them; the defaults below are this project's reading of
/// what street offices check, and an operator replaces them in configuration, with a new
/// version, without touching code. Evaluations pin the version they used.
public struct Checklist: Sendable, Equatable {
    /// The version evaluations pin (`2026.1`).
    public var version: String
    /// The items, positive first, in configured order.
    public var items: [ChecklistItem]

    /// Creates a checklist.
    public init(version: String, items: [ChecklistItem]) {
        self.version = version
        self.items = items
    }

    /// The item with `code`, if any.
    public func item(_ code: String) -> ChecklistItem? { items.first { $0.code == code } }

    /// The items of one kind.
    public func items(_ kind: ChecklistItem.Kind) -> [ChecklistItem] { items.filter { $0.kind == kind } }

    /// The points all positive items together earn.
    public var positiveTotal: Decimal { items(.positive).reduce(0) { $0 + $1.weight } }

    /// The default checklist: 15 positive items worth 100 points together, 6 negative items.
    public static let standard = Checklist(
        version: "2026.1",
        items: [
            ("P01", 12, "企业建立党组织或纳入联合党组织，党建工作写入企业章程"),
            ("P02", 8, "与社区党组织签订党建联建协议并按约落实"),
            ("P03", 6, "认领并推进社区党建服务项目"),
            ("P04", 8, "项目负责人与社区\"两委\"或小区党支部交叉任职"),
            ("P05", 6, "党员员工亮身份，设立党员先锋岗"),
            ("P06", 6, "参加社区协商议事，落实议事结果"),
            ("P07", 6, "服务内容、收费标准和投诉渠道公开公示"),
            ("P08", 6, "设施设备定期维护保养，台账齐全"),
            ("P09", 6, "小区环境整洁，垃圾分类落实到位"),
            ("P10", 6, "安全防范和消防管理到位"),
            ("P11", 6, "绿化养护及时到位"),
            ("P12", 6, "配合社区做好应急处置和重点工作"),
            ("P13", 6, "参与老旧小区改造和微更新"),
            ("P14", 6, "开展志愿服务和便民服务活动"),
            ("P15", 6, "定期开展业主满意度调查，结果公开"),
        ].map { ChecklistItem(code: $0.0, kind: .positive, weight: Decimal($0.1), title: $0.2) }
            + [
                ("N01", 20, "发生重大安全责任事故"),
                ("N02", 15, "擅自提高收费标准或乱收费"),
                ("N03", 10, "违规撤离或擅自停止服务"),
                ("N04", 10, "拒不配合社区党组织和居委会工作"),
                ("N05", 10, "引发群体性投诉或重大负面舆情"),
                ("N06", 5, "台账造假或虚报服务信息"),
            ].map { ChecklistItem(code: $0.0, kind: .negative, weight: Decimal($0.1), title: $0.2) }
    )
}
