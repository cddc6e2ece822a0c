public import Configuration
import Foundation
public import WorkbenchKit

/// The module's configuration (`modules.property` in dangjian.yaml). Every key is optional.
///
/// ```yaml
/// modules:
///   property:
///     complaint_deadlines: { ordinary: 2 days, important: 3 days, major: 10 days }
///     complaint_subjects: [电梯, 安保, 保洁, 绿化, 维修, 停车, 收费, 噪音, 其他]
///     warning_share: 0.8
///     sweep_interval_seconds: 60
///     checklist:
///       version: "2026.1"
///       positive: ["P01 12 企业建立党组织或纳入联合党组织，党建工作写入企业章程", …]
///       negative: ["N01 20 发生重大安全责任事故", …]
///     ranking: { complaint_weight: 0.3, red_min_score: 90, black_below_score: 60 }
/// ```
///
/// A value that cannot be read stops start-up with a message naming the key
/// (``ModuleSettingsError``).
public struct PropertySettings: Sendable, Equatable {
    /// The "2310" deadlines by severity.
    public var complaintDeadlines: [ComplaintSeverity: CalendarDuration]
    /// What a complaint may be about.
    public var complaintSubjects: [String]
    /// The share of a deadline after which the warning event is recorded.
    public var warningShare: Double
    /// How often the complaint clock service looks for due warnings and deadlines.
    public var sweepInterval: Duration
    /// The evaluation checklist in force.
    public var checklist: Checklist
    /// The red/black list formula.
    public var ranking: RankingFormula

    /// The "2310" rule of Zaozhuang's red property work: 2, 3 and 10 calendar days.
    public static let defaultComplaintDeadlines: [ComplaintSeverity: CalendarDuration] = [
        .ordinary: CalendarDuration(2, .days), .important: CalendarDuration(3, .days), .major: CalendarDuration(10, .days),
    ]

    /// What residents complain about most.
    public static let defaultComplaintSubjects = ["电梯", "安保", "保洁", "绿化", "维修", "停车", "收费", "噪音", "其他"]

    /// Creates settings.
    public init(
        complaintDeadlines: [ComplaintSeverity: CalendarDuration] = defaultComplaintDeadlines,
        complaintSubjects: [String] = defaultComplaintSubjects, warningShare: Double = 0.8, sweepInterval: Duration = .seconds(60),
        checklist: Checklist = .standard, ranking: RankingFormula = RankingFormula()
    ) {
        self.complaintDeadlines = complaintDeadlines
        self.complaintSubjects = complaintSubjects
        self.warningShare = warningShare
        self.sweepInterval = sweepInterval
        self.checklist = checklist
        self.ranking = ranking
    }

    /// The deadline of a severity.
    public func deadline(_ severity: ComplaintSeverity) -> CalendarDuration {
        complaintDeadlines[severity] ?? Self.defaultComplaintDeadlines[severity]!
    }

    /// Reads the settings, with defaults for missing keys.
    ///
    /// - Throws: ``ModuleSettingsError`` naming the key whose value cannot be used.
    public init(config: ConfigReader) throws {
        var settings = PropertySettings()
        for severity in ComplaintSeverity.allCases {
            let key = "complaint_deadlines.\(severity.rawValue)"
            guard let text = config.string(forKey: ConfigKey(key)) else { continue }
            guard let deadline = CalendarDuration(text) else {
                throw ModuleSettingsError(
                    module: "property", key: key, problem: "'\(text)' is not a deadline; write e.g. '2 days', '3 working_days' or '48 hours'")
            }
            settings.complaintDeadlines[severity] = deadline
        }
        if let subjects = config.wordList(forKey: "complaint_subjects") {
            guard !subjects.isEmpty, subjects.allSatisfy({ (1...20).contains($0.count) }) else {
                throw ModuleSettingsError(module: "property", key: "complaint_subjects", problem: "give at least one subject of 1 to 20 characters")
            }
            settings.complaintSubjects = subjects
        }
        if let share = config.double(forKey: "warning_share") {
            guard share > 0, share < 1 else {
                throw ModuleSettingsError(
                    module: "property", key: "warning_share", problem: "\(share) is not between 0 and 1 (0.8 warns at 80 % of the deadline)")
            }
            settings.warningShare = share
        }
        if let seconds = config.double(forKey: "sweep_interval_seconds") {
            guard seconds >= 0.1, seconds <= 3600 else {
                throw ModuleSettingsError(module: "property", key: "sweep_interval_seconds", problem: "\(seconds) is not between 0.1 and 3600")
            }
            settings.sweepInterval = .milliseconds(Int64(seconds * 1000))
        }
        settings.checklist = try Self.checklist(config)
        settings.ranking = try Self.ranking(config)
        self = settings
    }

    private static func checklist(_ config: ConfigReader) throws -> Checklist {
        let positive = config.wordList(forKey: "checklist.positive")
        let negative = config.wordList(forKey: "checklist.negative")
        let version = config.string(forKey: "checklist.version")
        if positive == nil, negative == nil {
            if let version, version != Checklist.standard.version {
                throw ModuleSettingsError(
                    module: "property", key: "checklist.version",
                    problem: "'\(version)' names a new checklist but checklist.positive and checklist.negative are not given"
                )
            }
            return .standard
        }
        guard let version, (1...32).contains(version.count) else {
            throw ModuleSettingsError(
                module: "property", key: "checklist.version", problem: "a configured checklist needs a version of 1 to 32 characters, e.g. \"2027.1\""
            )
        }
        var items: [ChecklistItem] = []
        for (kind, texts) in [(ChecklistItem.Kind.positive, positive ?? []), (.negative, negative ?? [])] {
            for text in texts {
                guard let item = ChecklistItem(text, kind: kind) else {
                    throw ModuleSettingsError(
                        module: "property", key: "checklist.\(kind.rawValue)",
                        problem: "'\(text)' is not '<code> <weight> <title>', e.g. 'P01 12 企业建立党组织'"
                    )
                }
                guard !items.contains(where: { $0.code == item.code }) else {
                    throw ModuleSettingsError(module: "property", key: "checklist.\(kind.rawValue)", problem: "the code \(item.code) is used twice")
                }
                items.append(item)
            }
        }
        guard items.contains(where: { $0.kind == .positive }) else {
            throw ModuleSettingsError(module: "property", key: "checklist.positive", problem: "a checklist needs at least one positive item")
        }
        return Checklist(version: version, items: items)
    }

    private static func ranking(_ config: ConfigReader) throws -> RankingFormula {
        var formula = RankingFormula()
        func decimal(_ key: String, in range: ClosedRange<Decimal>) throws -> Decimal? {
            guard let number = config.double(forKey: ConfigKey(key)) else { return nil }
            guard number.isFinite, let value = Decimal(string: String(number), locale: Locale(identifier: "en_US_POSIX")), range.contains(value)
            else {
                throw ModuleSettingsError(
                    module: "property", key: key, problem: "\(number) is not a number from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        formula.complaintWeight = try decimal("ranking.complaint_weight", in: 0...1) ?? formula.complaintWeight
        formula.redMinimum = try decimal("ranking.red_min_score", in: 0...100) ?? formula.redMinimum
        formula.blackBelow = try decimal("ranking.black_below_score", in: 0...100) ?? formula.blackBelow
        guard formula.blackBelow <= formula.redMinimum else {
            throw ModuleSettingsError(
                module: "property", key: "ranking.black_below_score", problem: "\(formula.blackBelow) is above red_min_score \(formula.redMinimum)"
            )
        }
        return formula
    }
}
