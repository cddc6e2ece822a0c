import Testing
import WorkbenchTestSupport
@testable import GovernanceModule

@Suite("governance against a real database")
struct GovernanceModuleTests {
    @Test func itemsAreAddedOnceAndListed() async throws {
        try await ModuleHarness.with([GovernanceModule.self]) { harness in
            let id = try await harness.create("gov item add name=示例")
            let duplicate = await harness.send("gov item add name=示例")
            #expect(duplicate.status == 409, "\(duplicate)")
            #expect(await harness.send("gov item list").column("id") == ["\(id)"])
        }
    }
}
