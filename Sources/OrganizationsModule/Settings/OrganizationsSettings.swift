public import Configuration
public import WorkbenchKit

/// The module's configuration (`modules.organizations` in dangjian.yaml).
///
/// ```yaml
/// modules:
///   organizations:
///     project_categories: [党建联建, 基层治理, 生活服务, …]
///     points_categories: [学习教育, 组织生活, …]
///     seat_term_years: 5
///     scheduled_end_interval_seconds: 60
/// ```
public struct OrganizationsSettings: Sendable, Equatable {
    /// Categories of co-building projects (结对共建项目); Zaozhuang counts ten.
    public var projectCategories: [String]
    /// Categories of vanguard points (先锋指数).
    public var pointsCategories: [String]
    /// The longest term of a part-time committee seat (兼职委员), in years: street and
    /// community committees are elected for five.
    public var seatTermYears: Int

    /// How often ends recorded ahead are looked for (``ScheduledEndsJob``): an end takes
    /// effect within this long after its day begins.
    public var scheduledEndInterval: Duration

    /// The default seat term: five years, a committee's term.
    public static let defaultSeatTermYears = 5

    /// The ten default co-building project categories (Zaozhuang: "党建联建、基层治理、生活服务"…).
    public static let defaultProjectCategories = [
        "党建联建", "基层治理", "生活服务", "文化教育", "医疗健康", "就业创业", "环境整治", "平安建设", "志愿服务", "关爱帮扶",
    ]

    /// The default vanguard points categories (Fuding's "先锋指数": study, organisational
    /// life, service, exemplary conduct, and deductions).
    public static let defaultPointsCategories = ["学习教育", "组织生活", "志愿服务", "双报到服务", "先锋作用", "扣分"]

    /// Creates settings.
    public init(
        projectCategories: [String] = defaultProjectCategories, pointsCategories: [String] = defaultPointsCategories,
        seatTermYears: Int = defaultSeatTermYears, scheduledEndInterval: Duration = .seconds(60)
    ) {
        self.projectCategories = projectCategories
        self.pointsCategories = pointsCategories
        self.seatTermYears = seatTermYears
        self.scheduledEndInterval = scheduledEndInterval
    }

    /// Reads the settings, with defaults for missing keys.
    ///
    /// - Throws: ``ModuleSettingsError`` for a seat term outside 1…10 years or an interval
    ///   outside 0.1…3600 seconds.
    public init(config: ConfigReader) throws {
        let years = config.int(forKey: "seat_term_years") ?? Self.defaultSeatTermYears
        guard (1...10).contains(years) else {
            throw ModuleSettingsError(module: "organizations", key: "seat_term_years", problem: "\(years) is not a number of years from 1 to 10")
        }
        let seconds = config.double(forKey: "scheduled_end_interval_seconds") ?? 60
        guard seconds >= 0.1, seconds <= 3600 else {
            throw ModuleSettingsError(
                module: "organizations", key: "scheduled_end_interval_seconds", problem: "\(seconds) is not between 0.1 and 3600"
            )
        }
        self.init(
            projectCategories: config.wordList(forKey: "project_categories") ?? Self.defaultProjectCategories,
            pointsCategories: config.wordList(forKey: "points_categories") ?? Self.defaultPointsCategories,
            seatTermYears: years, scheduledEndInterval: .milliseconds(Int64(seconds * 1000))
        )
    }
}
