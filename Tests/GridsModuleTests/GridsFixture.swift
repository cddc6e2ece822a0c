import Configuration
import Foundation
import OrganizationsModule
import WorkbenchKit
import WorkbenchTestSupport
@testable import GridsModule

/// A street with two communities and their grids most grid tests start from:
///
///     D1 district ── S1 street ── C1 community ── ZB1 grid branch
///                               └─ C2 community ── ZB2 grid branch
///     grids: L1 (level1, C1) ── L2 (level2) ── W1, W2 (basic); W3 (basic, C2)
enum GridsFixture {
    /// `2026-05-11T09:00:00+08:00`, a Monday.
    static let monday = Date(timeIntervalSince1970: 1_778_461_200)

    static func with<Result: Sendable>(
        config: [AbsoluteConfigKey: ConfigValue] = [:], clock: any WorkbenchClock = SystemClock(), _ body: (ModuleHarness) async throws -> Result
    ) async throws -> Result {
        try await ModuleHarness.with([OrganizationsModule.self, GridsModule.self], config: config, clock: clock) {
            (harness: ModuleHarness) async throws in
            for line in [
                "org unit add code=D1 name=测试区委 kind=district",
                "org unit add code=S1 name=第一街道党工委 kind=street parent=D1",
                "org unit add code=C1 name=幸福社区党委 kind=community parent=S1",
                "org unit add code=C2 name=和平社区党委 kind=community parent=S1",
                "org unit add code=ZB1 name=幸福网格党支部 kind=grid_branch parent=C1",
                "org unit add code=ZB2 name=和平网格党支部 kind=grid_branch parent=C2",
                "grid add code=L1 name=幸福一级网格 level=level1 community=C1 established_on=2026-01-01",
                "grid add code=L2 name=幸福二级网格 level=level2 community=C1 parent=L1 branch=ZB1 established_on=2026-01-01",
                "grid add code=W1 name=幸福一网格 community=C1 parent=L2 households=300 lat=31.22 lon=121.42 established_on=2026-01-01",
                "grid add code=W2 name=幸福二网格 community=C1 parent=L2 households=250 established_on=2026-01-01",
                "grid add code=W3 name=和平一网格 community=C2 branch=ZB2 households=410 established_on=2026-01-01",
            ] {
                _ = try await harness.create(line)
            }
            return try await body(harness)
        }
    }

    /// The grids module the harness loaded.
    static func module(_ harness: ModuleHarness) -> GridsModule {
        harness.modules[GridsModule.id] as! GridsModule
    }
}
