import Configuration
import Testing
import WorkbenchKit
@testable import OrganizationsModule

@Suite("Organizations configuration")
struct OrganizationsSettingsTests {
    static func settings(_ values: [AbsoluteConfigKey: ConfigValue]) throws -> OrganizationsSettings {
        try OrganizationsSettings(config: ConfigReader(provider: InMemoryProvider(values: values)))
    }

    @Test func defaultsWithoutConfiguration() throws {
        let settings = try Self.settings([:])
        #expect(settings.seatTermYears == 5)
        #expect(settings.scheduledEndInterval == .seconds(60))
    }

    @Test(arguments: [
        ("seat_term_years", ConfigContent.int(0)), ("seat_term_years", .int(11)),
        ("scheduled_end_interval_seconds", .double(0.01)), ("scheduled_end_interval_seconds", .double(7200)),
    ])
    func valuesOutOfRangeNameTheirKey(_ key: String, _ value: ConfigContent) {
        #expect {
            _ = try Self.settings([AbsoluteConfigKey([key]): ConfigValue(value, isSecret: false)])
        } throws: { error in
            (error as? ModuleSettingsError)?.description.contains(key) == true
        }
    }

    @Test func theIntervalIsRead() throws {
        let settings = try Self.settings([AbsoluteConfigKey(["scheduled_end_interval_seconds"]): ConfigValue(.double(0.5), isSecret: false)])
        #expect(settings.scheduledEndInterval == .milliseconds(500))
    }
}
