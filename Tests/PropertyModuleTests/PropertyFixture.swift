import Configuration
import Foundation
import GridsModule
import OrganizationsModule
import WorkbenchKit
import WorkbenchTestSupport
@testable import PropertyModule

/// Two streets with three communities, two property companies and three complexes most
/// property tests start from:
///
///     D1 ── S1 ── C1 ── ZB1 (grid branch)        HX (two_new: 红心物业's Party organisation)
///           │   └ C2
///           └ S2 ── C3
///     红心物业 (A, Party organisation HX)  serves XQ1 (C1) and XQ3 (C3) from 2026-01-01
///     金盾物业 (B, no Party organisation)   serves XQ2 (C2) from 2026-01-01
enum PropertyFixture {
    /// 红心物业's credit code.
    static let companyA = "91350982MA2XY00019"
    /// 金盾物业's credit code.
    static let companyB = "91350982MA2XY0002C"
    /// `2026-09-25T09:00:00+08:00`, a Friday before the National Day holidays.
    static let friday = Date(timeIntervalSince1970: 1_790_298_000)

    /// The property module with organizations (and, with `grids`, the grids module).
    static func with<Result: Sendable>(
        config: [AbsoluteConfigKey: ConfigValue] = [:], clock: any WorkbenchClock = ManualClock(friday), grids: Bool = false,
        _ body: (ModuleHarness) async throws -> Result
    ) async throws -> Result {
        let modules: [any WorkbenchModule.Type] =
            grids ? [OrganizationsModule.self, GridsModule.self, PropertyModule.self] : [OrganizationsModule.self, PropertyModule.self]
        return try await ModuleHarness.with(modules, config: config, clock: clock) { (harness: ModuleHarness) async throws in
            for line in [
                "org unit add code=D1 name=测试区委 kind=district",
                "org unit add code=S1 name=第一街道党工委 kind=street parent=D1",
                "org unit add code=S2 name=第二街道党工委 kind=street parent=D1",
                "org unit add code=C1 name=幸福社区党委 kind=community parent=S1",
                "org unit add code=C2 name=和平社区党委 kind=community parent=S1",
                "org unit add code=C3 name=光明社区党委 kind=community parent=S2",
                "org unit add code=ZB1 name=金桥小区党支部 kind=grid_branch parent=C1",
                "org unit add code=HX name=红心物业党支部 kind=two_new parent=S1",
                "prop company add name=红心物业 credit_code=\(companyA) contact=王经理 phone=13800000001 party_org=HX stars=4",
                "prop company add name=金盾物业 credit_code=\(companyB)",
                "prop complex add code=XQ1 name=金桥小区 address=桐江路8号 community=C1 branch=ZB1 homes=640 company=\(companyA) from=2026-01-01",
                "prop complex add code=XQ2 name=和平小区 address=和平路1号 community=C2 homes=300 company=\(companyB) from=2026-01-01",
                "prop complex add code=XQ3 name=光明小区 address=光明路5号 community=C3 homes=200 company=\(companyA) from=2026-01-01",
            ] {
                _ = try await harness.create(line)
            }
            return try await body(harness)
        }
    }

    /// The property module the harness loaded.
    static func module(_ harness: ModuleHarness) -> PropertyModule {
        harness.modules[PropertyModule.id] as! PropertyModule
    }

    /// A timestamp written `2026-09-30T10:00` in Beijing time.
    static func beijing(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text + ":00+08:00")!
    }
}
