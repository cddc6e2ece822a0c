import Testing
import WorkbenchTestSupport
@testable import GridsModule

/// `grid household import`: rows run `grid household add`, all or none; a household is
/// matched by grid and address.
@Suite("Importing the household register")
struct HouseholdImportTests {
    static let register = [
        "grid\t住址 address\t户主 head\tphone\tsize\ttags\tnote",
        "W1\t幸福路1号101室\t王小明\t13900001111\t1\t独居老人、高龄老人\t行动不便",
        "W1\t幸福路1号102室\t李大红\t\t3\t\t",
        "W2\t幸福路2号\t张三\t\t4\t困难家庭\t",
    ]

    @Test func householdsImportMatchByGridAndAddressAndASavedListIsUnchanged() async throws {
        try await GridsFixture.with { (harness: ModuleHarness) async throws in
            let imported = await harness.send("grid household import", rows: Self.register)
            #expect(imported.status == 200 && imported.field("added") == "3", "\(imported)")
            let list = await harness.send("grid household list", as: .admin)
            #expect(list.column("tags").first == "独居老人, 高龄老人" || list.column("tags").first == "独居老人,高龄老人", "\(list)")
            let again = await harness.send("grid household import", rows: list.lines)
            #expect(again.field("unchanged") == "3" && again.field("differing") == "0", "\(again)")
            var moved = Self.register
            moved[2] = "W1\t幸福路1号102室\t李大红\t13900002222\t2\t\t"
            #expect(await harness.send("grid household import", rows: moved).field("differing") == "1")
            #expect(await harness.send("grid household import update=true", rows: moved).field("updated") == "1")
            let shown = await harness.send("grid household list address=102", as: .admin)
            #expect(shown.column("size") == ["2"] && shown.column("phone") == ["13900002222"], "\(shown)")
        }
    }

    @Test func badRowsAreNamedAndNothingChanges() async throws {
        try await GridsFixture.with { (harness: ModuleHarness) async throws in
            let rows = [
                "grid\taddress\thead\tsize\ttags",
                "W1\t幸福路9号\t赵六\t2\t",
                "W9\t幸福路8号\t钱七\t2\t",
                "W1\t幸福路9号\t赵六\t2\t",
                "W2\t和平路1号\t孙八\t0\t",
                "W2\t和平路2号\t周九\t1\t富裕家庭",
            ]
            let refused = await harness.send("grid household import", rows: rows)
            #expect(refused.raw.contains("4 of 5 rows refused"), "\(refused)")
            #expect(refused.raw.contains("row 2, column grid:"), "\(refused)")
            // The duplicate is named by the column that keys a household (there is no code column).
            #expect(refused.raw.contains("row 3, column address:"), "\(refused)")
            #expect(refused.raw.contains("row 4, column size:") && refused.raw.contains("row 5, column tags:"), "\(refused)")
            #expect(try await harness.scalar("SELECT count(*) FROM grids.households", as: Int64.self) == 0)
        }
    }
}
