public import Configuration
import Foundation
import WorkbenchKit

/// The module's configuration (`modules.grids` in dangjian.yaml). Every key is optional.
///
/// ```yaml
/// modules:
///   grids:
///     case_categories: [乱搭建, 乱停车, 乱摆摊, 矛盾纠纷, 安全隐患, 环境卫生, 设施损坏, 其他]
///     start_level: complex
///     start_levels: ["安全隐患 urgent street", "乱搭建 * community"]
///     deadlines:
///       community: { normal: 3 working_days, urgent: 12 hours }
///     warning_share: 0.8
///     auto_escalate_to: street
///     sweep_interval_seconds: 60
///     household_tags: [独居老人, 困难家庭, …]
/// ```
///
/// A value that cannot be read stops start-up with a message naming the key
/// (``ModuleSettingsError``), rather than running with a silently different rule.
public struct GridsSettings: Sendable, Equatable {
    /// Case categories 事件类别 an operator may report.
    public var caseCategories: [String]
    /// The escalation rules: deadlines, start levels and how far the daemon escalates.
    public var escalation: EscalationPolicy
    /// How often the escalation service looks for due warnings and deadlines.
    public var sweepInterval: Duration
    /// Tags a household file 一户一档 may carry.
    public var householdTags: [String]

    /// The default categories, the everyday matters of a grid, with Zaozhuang's "乱搭建、乱停车、乱摆摊".
    public static let defaultCaseCategories = ["乱搭建", "乱停车", "乱摆摊", "矛盾纠纷", "安全隐患", "环境卫生", "设施损坏", "其他"]

    /// Default household tags: the groups community visits look after first.
    public static let defaultHouseholdTags = [
        "独居老人", "空巢老人", "高龄老人", "困难家庭", "低保户", "残疾人", "留守儿童", "退役军人", "党员户", "出租户", "重点关注",
    ]

    /// Creates settings.
    public init(
        caseCategories: [String] = defaultCaseCategories, escalation: EscalationPolicy = EscalationPolicy(),
        sweepInterval: Duration = .seconds(60), householdTags: [String] = defaultHouseholdTags
    ) {
        self.caseCategories = caseCategories
        self.escalation = escalation
        self.sweepInterval = sweepInterval
        self.householdTags = householdTags
    }

    /// Reads the settings, with defaults for missing keys.
    ///
    /// - Throws: ``ModuleSettingsError`` naming the key whose value cannot be used.
    public init(config: ConfigReader) throws {
        var policy = EscalationPolicy()
        for level in CaseLevel.allCases {
            for urgency in CaseUrgency.allCases {
                let key = "deadlines.\(level.rawValue).\(urgency.rawValue)"
                guard let text = config.string(forKey: ConfigKey(key)) else { continue }
                guard let deadline = CalendarDuration(text) else {
                    throw ModuleSettingsError(
                        module: "grids", key: key, problem: "'\(text)' is not a deadline; write e.g. '3 working_days', '2 days' or '12 hours'")
                }
                policy.deadlines[EscalationPolicy.Clock(level: level, urgency: urgency)] = deadline
            }
        }
        if let text = config.string(forKey: "start_level") {
            guard let level = CaseLevel(rawValue: text), level != .department else {
                throw ModuleSettingsError(module: "grids", key: "start_level", problem: "'\(text)' is not complex, community or street")
            }
            policy.defaultStartLevel = level
        }
        if let rules = config.wordList(forKey: "start_levels") {
            policy.startRules = try rules.map { text in
                guard let rule = StartLevelRule(text) else {
                    throw ModuleSettingsError(
                        module: "grids", key: "start_levels",
                        problem: "'\(text)' is not '<category|*> <normal|urgent|*> <complex|community|street>'"
                    )
                }
                return rule
            }
        }
        if let share = config.double(forKey: "warning_share") {
            guard share > 0, share < 1 else {
                throw ModuleSettingsError(
                    module: "grids", key: "warning_share", problem: "\(share) is not between 0 and 1 (0.8 warns at 80 % of the deadline)")
            }
            policy.warningShare = share
        }
        if let text = config.string(forKey: "auto_escalate_to") {
            // Not department: escalating there needs a department's name, which only a person can give.
            guard let level = CaseLevel(rawValue: text), level != .department else {
                throw ModuleSettingsError(module: "grids", key: "auto_escalate_to", problem: "'\(text)' is not complex, community or street")
            }
            policy.autoEscalationCeiling = level
        }
        var interval = Duration.seconds(60)
        if let seconds = config.double(forKey: "sweep_interval_seconds") {
            guard seconds >= 0.1, seconds <= 3600 else {
                throw ModuleSettingsError(module: "grids", key: "sweep_interval_seconds", problem: "\(seconds) is not between 0.1 and 3600")
            }
            interval = .milliseconds(Int64(seconds * 1000))
        }
        let categories = config.wordList(forKey: "case_categories") ?? Self.defaultCaseCategories
        for rule in policy.startRules {
            if let category = rule.category, !categories.contains(category) {
                throw ModuleSettingsError(module: "grids", key: "start_levels", problem: "'\(category)' is not one of case_categories")
            }
        }
        self.init(
            caseCategories: categories, escalation: policy, sweepInterval: interval,
            householdTags: config.wordList(forKey: "household_tags") ?? Self.defaultHouseholdTags
        )
    }
}
