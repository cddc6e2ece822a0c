import Configuration
import Foundation
import Testing
import WorkbenchKit
@testable import PropertyModule

@Suite("Property configuration")
struct PropertySettingsTests {
    static func settings(_ values: [AbsoluteConfigKey: ConfigValue]) throws -> PropertySettings {
        try PropertySettings(config: ConfigReader(provider: InMemoryProvider(values: values)))
    }

    @Test func defaultsAreThe2310RuleAndTheStandardChecklist() throws {
        let settings = try Self.settings([:])
        #expect(settings == PropertySettings())
        #expect(settings.deadline(.ordinary) == CalendarDuration(2, .days))
        #expect(settings.deadline(.important) == CalendarDuration(3, .days))
        #expect(settings.deadline(.major) == CalendarDuration(10, .days))
        #expect(settings.checklist.items(.positive).count == 15)
        #expect(settings.checklist.items(.negative).count == 6)
        #expect(settings.checklist.positiveTotal == 100)
        #expect(Set(settings.checklist.items.map(\.code)).count == 21)
    }

    @Test func valuesAreRead() throws {
        let settings = try Self.settings([
            "complaint_deadlines.important": .init(.string("3 working_days"), isSecret: false),
            "complaint_subjects": .init(.string("电梯, 停车"), isSecret: false),
            "warning_share": .init(.double(0.5), isSecret: false),
            "checklist.version": .init(.string("2027.1"), isSecret: false),
            "checklist.positive": .init(.stringArray(["P1 60 有党组织", "P2 40 有公示"]), isSecret: false),
            "checklist.negative": .init(.stringArray(["N1 25.5 乱收费"]), isSecret: false),
            "ranking.complaint_weight": .init(.double(0.4), isSecret: false),
        ])
        #expect(settings.deadline(.important) == CalendarDuration(3, .workingDays))
        #expect(settings.complaintSubjects == ["电梯", "停车"])
        #expect(settings.warningShare == 0.5)
        #expect(settings.checklist.version == "2027.1")
        #expect(settings.checklist.item("N1") == ChecklistItem(code: "N1", kind: .negative, weight: Decimal(string: "25.5")!, title: "乱收费"))
        #expect(settings.ranking.complaintWeight == Decimal(string: "0.4")!)
    }

    @Test(arguments: [
        ("complaint_deadlines.major", ConfigValue(.string("soon"), isSecret: false)),
        ("warning_share", ConfigValue(.double(1), isSecret: false)),
        ("sweep_interval_seconds", ConfigValue(.double(0), isSecret: false)),
        ("checklist.positive", ConfigValue(.stringArray(["P1 有党组织"]), isSecret: false)),
        ("checklist.version", ConfigValue(.string("2099.9"), isSecret: false)),
        ("ranking.complaint_weight", ConfigValue(.double(1.5), isSecret: false)),
        ("ranking.black_below_score", ConfigValue(.double(95), isSecret: false)),
    ])
    func badValuesStopStartUpNamingTheKey(_ key: String, _ value: ConfigValue) {
        var values: [AbsoluteConfigKey: ConfigValue] = [AbsoluteConfigKey(stringLiteral: key): value]
        if key == "checklist.positive" { values["checklist.version"] = .init(.string("2027.1"), isSecret: false) }
        let error = #expect(throws: ModuleSettingsError.self) { try Self.settings(values) }
        #expect(error?.key == key, "\(String(describing: error))")
        #expect(error?.description.hasPrefix("modules.property.\(key): ") == true)
    }

    @Test func aChecklistCodeUsedTwiceIsRefused() {
        let error = #expect(throws: ModuleSettingsError.self) {
            try Self.settings([
                "checklist.version": .init(.string("x"), isSecret: false),
                "checklist.positive": .init(.stringArray(["P1 50 一", "P1 50 二"]), isSecret: false),
            ])
        }
        #expect(error?.problem == "the code P1 is used twice")
    }
}
