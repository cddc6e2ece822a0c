import WorkbenchTestSupport
@testable import OrganizationsModule

/// A small tree most tests start from:
///
///     D1 district
///       S1 street ── C1 community ── G1 grid branch ── B1 building group
///                 └─ C2 community
///       S2 street ── C3 community
///       R1 resident unit
enum OrganizationsFixture {
    static func with<Result: Sendable>(_ body: (ModuleHarness) async throws -> Result) async throws -> Result {
        try await ModuleHarness.with([OrganizationsModule.self]) { (harness: ModuleHarness) async throws in
            for line in [
                "org unit add code=D1 name=测试区委 kind=district established_on=2000-01-01",
                "org unit add code=S1 name=第一街道党工委 kind=street parent=D1",
                "org unit add code=S2 name=第二街道党工委 kind=street parent=D1",
                "org unit add code=C1 name=幸福社区党委 kind=community parent=S1",
                "org unit add code=C2 name=和平社区党委 kind=community parent=S1",
                "org unit add code=C3 name=光明社区党委 kind=community parent=S2",
                "org unit add code=G1 name=幸福第一网格党支部 kind=grid_branch parent=C1",
                "org unit add code=B1 name=一号楼党小组 kind=building_group parent=G1",
                "org unit add code=R1 name=区人民医院党委 kind=resident_unit parent=D1",
            ] {
                _ = try await harness.create(line)
            }
            return try await body(harness)
        }
    }

    /// Adds a member and answers the id.
    static func member(_ harness: ModuleHarness, _ name: String, unit: String, extra: String = "") async throws -> Int64 {
        try await harness.create("org member add name=\(name) unit=\(unit) joined_on=2010-07-01 phone=13812341234 \(extra)")
    }
}
