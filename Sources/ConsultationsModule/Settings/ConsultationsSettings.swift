public import Configuration
import WorkbenchKit

/// The module's configuration (`modules.consultations` in dangjian.yaml). Every key is
/// optional.
///
/// ```yaml
/// modules:
///   consultations:
///     topic_categories: [城市管理, 环境卫生, 民生保障, …]
///     order_categories: [居家环境, 生活照料, 托管教育, 跑腿代办, 心理疏导, 医疗保健, 其他]
///     volunteer_points: { category: 志愿服务, per_hour: 2, max_per_order: 20 }
/// ```
///
/// A value that cannot be read stops start-up with a message naming the key
/// (``ModuleSettingsError``).
public struct ConsultationsSettings: Sendable, Equatable {
    /// The categories a topic 议题 is filed under (Zaozhuang: 15 categories).
    public var topicCategories: [String]
    /// The categories of volunteer orders (Zaozhuang's "6+N" service items).
    public var orderCategories: [String]
    /// How volunteer hours earn vanguard points.
    public var volunteerPoints: VolunteerPointsRule

    /// Fifteen categories: the three names Zaozhuang uses (城市管理、环境卫生、民生保障), the matters
    /// its sessions and Fuding's settled (私搭乱建, 老旧小区改造, 停车管理, 背街小巷整治) and the
    /// usual remainder of a community's agenda.
    public static let defaultTopicCategories = [
        "城市管理", "环境卫生", "民生保障", "停车管理", "老旧小区改造", "物业服务", "邻里纠纷", "公共设施",
        "安全隐患", "养老托幼", "私搭乱建", "背街小巷整治", "绿化养护", "文体活动", "其他",
    ]

    /// Zaozhuang's "6+N" volunteer services, and other.
    public static let defaultOrderCategories = ["居家环境", "生活照料", "托管教育", "跑腿代办", "心理疏导", "医疗保健", "其他"]

    /// Creates settings.
    public init(
        topicCategories: [String] = defaultTopicCategories, orderCategories: [String] = defaultOrderCategories,
        volunteerPoints: VolunteerPointsRule = VolunteerPointsRule()
    ) {
        self.topicCategories = topicCategories
        self.orderCategories = orderCategories
        self.volunteerPoints = volunteerPoints
    }

    /// Reads the settings, with defaults for missing keys.
    ///
    /// - Parameter pointsCategories: The organizations module's points categories, which
    ///   `volunteer_points.category` must be one of.
    /// - Throws: ``ModuleSettingsError`` naming the key whose value cannot be used.
    public init(config: ConfigReader, pointsCategories: [String]) throws {
        var settings = ConsultationsSettings()
        func categories(_ key: String) throws -> [String]? {
            guard let words = config.wordList(forKey: key) else { return nil }
            guard !words.isEmpty else { throw ModuleSettingsError(module: "consultations", key: key, problem: "give at least one category") }
            guard words.allSatisfy({ (1...20).contains($0.count) && !$0.contains(where: \.isWhitespace) }) else {
                throw ModuleSettingsError(module: "consultations", key: key, problem: "give categories of 1 to 20 characters without blanks")
            }
            guard Set(words).count == words.count else {
                throw ModuleSettingsError(module: "consultations", key: key, problem: "a category is listed twice")
            }
            return words
        }
        settings.topicCategories = try categories("topic_categories") ?? settings.topicCategories
        settings.orderCategories = try categories("order_categories") ?? settings.orderCategories
        if let category = config.string(forKey: ConfigKey("volunteer_points.category")) {
            settings.volunteerPoints.category = category
        }
        guard pointsCategories.contains(settings.volunteerPoints.category) else {
            throw ModuleSettingsError(
                module: "consultations", key: "volunteer_points.category",
                problem:
                    "'\(settings.volunteerPoints.category)' is not one of modules.organizations.points_categories "
                    + "(\(pointsCategories.joined(separator: ", ")))"
            )
        }
        if let perHour = config.double(forKey: ConfigKey("volunteer_points.per_hour")) {
            guard perHour.isFinite, (0.1...20).contains(perHour) else {
                throw ModuleSettingsError(
                    module: "consultations", key: "volunteer_points.per_hour", problem: "\(perHour) is not a number of points an hour from 0.1 to 20")
            }
            settings.volunteerPoints.perHour = perHour
        }
        if let cap = config.int(forKey: ConfigKey("volunteer_points.max_per_order")) {
            guard (1...100).contains(cap) else {
                throw ModuleSettingsError(
                    module: "consultations", key: "volunteer_points.max_per_order", problem: "\(cap) is not from 1 to 100 (the points ledger's range)"
                )
            }
            settings.volunteerPoints.maximumPerOrder = cap
        }
        self = settings
    }
}
