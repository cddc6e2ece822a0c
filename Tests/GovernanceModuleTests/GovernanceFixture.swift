import Configuration
import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchTestSupport
@testable import GovernanceModule

/// A district with a street of two communities and three resident units most governance
/// tests start from:
///
///     D1 ── S1 ── C1        R1 区人民医院 (part-time seat on S1's committee; reports to C1)
///     │     └ C2            R2 区税务局 (part-time seat on S1's committee)
///     └ S2 ── C3            R3 区供电公司 (paired with C2)
///
/// S1's body meets quarterly from 2026-01-01; C2's from 2026-01-01 too. The clock stands at
/// Wednesday 2026-11-18 10:00 Beijing time.
enum GovernanceFixture {
    /// `2026-11-18T10:00:00+08:00`, a Wednesday.
    static let wednesday = Date(timeIntervalSince1970: 1_794_967_200)

    /// The governance module with organizations, the tree above and the two bodies.
    static func with<Result: Sendable>(
        config: [AbsoluteConfigKey: ConfigValue] = [:], clock: ManualClock = ManualClock(wednesday), extraModules: [any WorkbenchModule.Type] = [],
        _ body: (ModuleHarness) async throws -> Result
    ) async throws -> Result {
        let modules: [any WorkbenchModule.Type] = [OrganizationsModule.self] + extraModules + [GovernanceModule.self]
        return try await ModuleHarness.with(modules, config: config, clock: clock) { (harness: ModuleHarness) async throws in
            for line in [
                "org unit add code=D1 name=测试区委 kind=district established_on=2000-01-01 secretary=周书记",
                "org unit add code=S1 name=第一街道党工委 kind=street parent=D1 secretary=吴书记",
                "org unit add code=S2 name=第二街道党工委 kind=street parent=D1",
                "org unit add code=C1 name=幸福社区党委 kind=community parent=S1 secretary=王芳",
                "org unit add code=C2 name=和平社区党委 kind=community parent=S1 secretary=李强",
                "org unit add code=C3 name=光明社区党委 kind=community parent=S2",
                "org unit add code=R1 name=区人民医院党委 kind=resident_unit parent=D1",
                "org unit add code=R2 name=区税务局党组 kind=resident_unit parent=D1",
                "org unit add code=R3 name=区供电公司党委 kind=resident_unit parent=D1",
                "org seat add committee=S1 person=赵院长 from=R1 term_start=2026-01-01 term_end=2028-12-31",
                "org seat add committee=S1 person=钱局长 from=R2 term_start=2026-01-01 term_end=2028-12-31",
                "org report unit unit=R1 community=C1 on=2026-01-01",
                "org pair add unit=R3 community=C2 since=2026-01-01",
                "gov body add unit=S1 name=第一街道大工委联席会议 since=2026-01-01",
                "gov body add unit=C2 name=和平社区大党委联席会议 since=2026-01-01",
            ] {
                _ = try await harness.create(line)
            }
            return try await body(harness)
        }
    }

    /// Sends `line`, which must succeed (200 or 201).
    @discardableResult
    static func succeed(_ harness: ModuleHarness, _ line: String, as caller: ModuleHarness.As = .operator) async throws -> ReplyText {
        let reply = await harness.send(line, as: caller)
        guard reply.status == 200 || reply.status == 201 else { throw FixtureFailure(description: "\(line)\n→ \(reply.raw)") }
        return reply
    }
}

/// A fixture line that did not succeed, with its reply.
struct FixtureFailure: Error, CustomStringConvertible {
    var description: String
}
