import Configuration
import Testing
import WorkbenchKit
@testable import GridsModule

@Suite("Grids configuration")
struct GridsSettingsTests {
    @Test(arguments: [
        ("3 working_days", CalendarDuration(3, .workingDays)), ("1 working_day", CalendarDuration(1, .workingDays)),
        ("2 days", CalendarDuration(2, .days)), ("1 day", CalendarDuration(1, .days)), ("12 hours", CalendarDuration(12, .hours)),
    ])
    func deadlinesParse(_ text: String, _ expected: CalendarDuration) {
        #expect(CalendarDuration(text) == expected)
    }

    @Test(arguments: ["", "3", "three days", "0 days", "3 weeks", "3 days extra", "-1 hours"])
    func badDeadlinesAreRefused(_ text: String) {
        #expect(CalendarDuration(text) == nil)
    }

    @Test func startRules() {
        let rule = StartLevelRule("安全隐患 urgent street")
        #expect(rule == StartLevelRule(category: "安全隐患", urgency: .urgent, level: .street))
        #expect(rule?.matches(category: "安全隐患", urgency: .urgent) == true)
        #expect(rule?.matches(category: "安全隐患", urgency: .normal) == false)
        #expect(StartLevelRule("* * community")?.matches(category: "其他", urgency: .normal) == true)
        #expect(StartLevelRule("安全隐患 urgent department") == nil, "a department must be named by a person")
        #expect(StartLevelRule("安全隐患 soon street") == nil)
        let policy = EscalationPolicy()
        #expect(policy.startLevel(category: "安全隐患", urgency: .urgent) == .street)
        #expect(policy.startLevel(category: "乱搭建", urgency: .urgent) == .community)
        #expect(policy.startLevel(category: "乱停车", urgency: .urgent) == .complex)
    }

    static func settings(_ values: [AbsoluteConfigKey: ConfigValue]) throws -> GridsSettings {
        try GridsSettings(config: ConfigReader(provider: InMemoryProvider(values: values)))
    }

    @Test func startRulesFromTheEnvironmentAreCommaSeparated() throws {
        let settings = try Self.settings(["start_levels": .init(.string("乱停车 * community, 其他 urgent street"), isSecret: false)])
        #expect(settings.escalation.startRules == [StartLevelRule("乱停车 * community")!, StartLevelRule("其他 urgent street")!])
    }

    @Test func defaultsWithoutConfiguration() throws {
        let settings = try Self.settings([:])
        #expect(settings == GridsSettings())
        #expect(settings.escalation.deadline(at: .community, urgency: .normal) == CalendarDuration(3, .workingDays))
        #expect(settings.escalation.deadline(at: .street, urgency: .urgent) == CalendarDuration(24, .hours))
    }

    @Test(arguments: [
        ("deadlines.street.normal", ConfigValue(.string("soon"), isSecret: false)),
        ("warning_share", ConfigValue(.double(1.5), isSecret: false)),
        ("start_level", ConfigValue(.string("department"), isSecret: false)),
        ("start_levels", ConfigValue(.stringArray(["闲聊 * street"]), isSecret: false)),
        ("auto_escalate_to", ConfigValue(.string("city"), isSecret: false)),
        ("auto_escalate_to", ConfigValue(.string("department"), isSecret: false)),
        ("sweep_interval_seconds", ConfigValue(.double(0), isSecret: false)),
    ])
    func badValuesStopStartUpNamingTheKey(_ key: String, _ value: ConfigValue) {
        #expect {
            _ = try Self.settings([AbsoluteConfigKey(stringLiteral: key): value])
        } throws: { error in
            "\(error)".hasPrefix("modules.grids.\(key):")
        }
    }
}
