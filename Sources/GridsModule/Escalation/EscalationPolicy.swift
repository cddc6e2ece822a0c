public import WorkbenchKit

/// The rules of "吹哨报到" in force: how long each level has, where a case starts, when the
/// daemon warns and how far it escalates on its own.
///
/// The defaults, and why:
///
/// | level | normal | urgent | reasoning |
/// |---|---|---|---|
/// | complex 小区 | 2 days | 4 hours | property staff work weekends; the "2310" rule gives ordinary complaints 2 days |
/// | community 社区 | 3 working days | 12 hours | the residents' committee works office days; 2310's "important" is 3 days |
/// | street 街道 | 5 working days | 24 hours | calling departments together takes a working week |
/// | department 职能部门 | 10 working days | 48 hours | 2310's "major" matters get 10 days |
///
/// Urgent cases count elapsed hours at every level: a hazard does not wait for Monday.
/// Skip-level rules: an urgent safety hazard starts at the street (a gas leak cannot wait for the community); a
/// normal hazard and any illegal building (乱搭建: needs enforcement powers a complex lacks)
/// start at the community; everything else at the complex. The daemon warns at 80 % of a
/// deadline and escalates on its own up to the street; going to a department needs a
/// person to name the department, so past the street the daemon records that the case is
/// overdue instead.
public struct EscalationPolicy: Sendable, Equatable {
    /// A level and urgency: the key of a deadline.
    public struct Clock: Sendable, Hashable {
        /// The level.
        public var level: CaseLevel
        /// The urgency.
        public var urgency: CaseUrgency

        /// Creates a key.
        public init(level: CaseLevel, urgency: CaseUrgency) {
            self.level = level
            self.urgency = urgency
        }
    }

    /// The deadline of each level and urgency.
    public var deadlines: [Clock: CalendarDuration]
    /// Where cases start when no rule matches.
    public var defaultStartLevel: CaseLevel
    /// Skip-level rules, the first match wins.
    public var startRules: [StartLevelRule]
    /// The share of a deadline after which a warning is recorded (0.8: at 80 %).
    public var warningShare: Double
    /// The highest level the daemon escalates to by itself.
    public var autoEscalationCeiling: CaseLevel

    /// The default deadlines (see the type's documentation).
    public static let defaultDeadlines: [Clock: CalendarDuration] = [
        Clock(level: .complex, urgency: .normal): CalendarDuration(2, .days),
        Clock(level: .complex, urgency: .urgent): CalendarDuration(4, .hours),
        Clock(level: .community, urgency: .normal): CalendarDuration(3, .workingDays),
        Clock(level: .community, urgency: .urgent): CalendarDuration(12, .hours),
        Clock(level: .street, urgency: .normal): CalendarDuration(5, .workingDays),
        Clock(level: .street, urgency: .urgent): CalendarDuration(24, .hours),
        Clock(level: .department, urgency: .normal): CalendarDuration(10, .workingDays),
        Clock(level: .department, urgency: .urgent): CalendarDuration(48, .hours),
    ]

    /// The default skip-level rules (see the type's documentation).
    public static let defaultStartRules: [StartLevelRule] = [
        StartLevelRule(category: "安全隐患", urgency: .urgent, level: .street),
        StartLevelRule(category: "安全隐患", urgency: .normal, level: .community),
        StartLevelRule(category: "乱搭建", urgency: nil, level: .community),
    ]

    /// Creates a policy.
    public init(
        deadlines: [Clock: CalendarDuration] = defaultDeadlines, defaultStartLevel: CaseLevel = .complex,
        startRules: [StartLevelRule] = defaultStartRules, warningShare: Double = 0.8, autoEscalationCeiling: CaseLevel = .street
    ) {
        self.deadlines = deadlines
        self.defaultStartLevel = defaultStartLevel
        self.startRules = startRules
        self.warningShare = warningShare
        self.autoEscalationCeiling = autoEscalationCeiling
    }

    /// How long `level` has for a case of `urgency`.
    public func deadline(at level: CaseLevel, urgency: CaseUrgency) -> CalendarDuration {
        deadlines[Clock(level: level, urgency: urgency)] ?? Self.defaultDeadlines[Clock(level: level, urgency: urgency)]!
    }

    /// Where a new case of `category` and `urgency` starts.
    public func startLevel(category: String, urgency: CaseUrgency) -> CaseLevel {
        startRules.first { $0.matches(category: category, urgency: urgency) }?.level ?? defaultStartLevel
    }
}
