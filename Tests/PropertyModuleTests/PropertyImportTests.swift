import Testing
import WorkbenchTestSupport
@testable import PropertyModule

/// `prop company import` and `prop complex import`: rows run the `add` commands with their
/// rules, all or none; a saved list imports again unchanged.
@Suite("Importing the company and complex registers")
struct PropertyImportTests {
    /// A third company's credit code.
    static let companyC = "91350982MA2XY0003F"

    @Test func companiesImportMatchByCreditCodeAndUpdateWhatDiffers() async throws {
        try await PropertyFixture.with { (harness: ModuleHarness) async throws in
            let rows = [
                "企业名称 name\tcredit_code\tcontact\tstars",
                "红心物业\t\(PropertyFixture.companyA)\t王经理\t4",
                "安居物业\t\(Self.companyC)\t刘经理\t3",
            ]
            let imported = await harness.send("prop company import", rows: rows)
            #expect(imported.status == 200 && imported.field("added") == "1" && imported.field("unchanged") == "1", "\(imported)")
            #expect(await harness.send("prop company show company=\(Self.companyC)").field("stars") == "3")
            // A saved list reads back unchanged: every column it prints is one 'company add' reads or one it ignores.
            let list = await harness.send("prop company list")
            let again = await harness.send("prop company import", rows: list.lines)
            #expect(again.field("unchanged") == "3" && again.field("differing") == "0", "\(again)")
            let rated = ["credit_code\tname\tstars", "\(Self.companyC)\t安居物业服务有限公司\t5"]
            #expect(await harness.send("prop company import", rows: rated).field("differing") == "1")
            #expect(await harness.send("prop company show company=\(Self.companyC)").field("stars") == "3")
            let updated = await harness.send("prop company import update=true", rows: rated)
            #expect(updated.field("updated") == "1", "\(updated)")
            let shown = await harness.send("prop company show company=\(Self.companyC)")
            #expect(shown.field("stars") == "5" && shown.field("name") == "安居物业服务有限公司", "\(shown)")
            #expect(shown.column("reason", in: "star_ratings").last == "from the company register (prop company import)", "\(shown)")
        }
    }

    @Test func threeBadComplexRowsAreNamedAndNothingChanges() async throws {
        try await PropertyFixture.with { (harness: ModuleHarness) async throws in
            let before = try await harness.scalar("SELECT count(*) FROM property.complexes", as: Int64.self)
            let rows = [
                "code\tname\taddress\tcommunity\thomes\tcompany",
                "XQ7\t七号小区\t七号路\tC1\t100\t\(PropertyFixture.companyA)",
                "XQ8\t八号小区\t八号路\tC9\t100\t",
                "XQ9\t九号小区\t九号路\tC2\tmany\t",
                "XQ10\t十号小区\t十号路\tC3\t50\t91350982MA2XY00099",
            ]
            let refused = await harness.send("prop complex import", rows: rows)
            #expect(refused.raw.contains("3 of 4 rows refused"), "\(refused)")
            #expect(refused.raw.contains("row 2, column community:"), "\(refused)")
            #expect(refused.raw.contains("row 3, column homes:"), "\(refused)")
            #expect(refused.raw.contains("row 4, column company:"), "\(refused)")
            #expect(!refused.raw.contains("row 1"), "\(refused)")
            #expect(try await harness.scalar("SELECT count(*) FROM property.complexes", as: Int64.self) == before)
        }
    }

    @Test func aSavedComplexListImportsAgainAndUpdateAssignsTheFilesCompany() async throws {
        try await PropertyFixture.with { (harness: ModuleHarness) async throws in
            let list = await harness.send("prop complex list")
            #expect(list.column("company") == [PropertyFixture.companyA, PropertyFixture.companyB, PropertyFixture.companyA], "\(list)")
            let again = await harness.send("prop complex import", rows: list.lines)
            #expect(again.field("unchanged") == "3" && again.field("differing") == "0", "\(again)")
            let moved = ["code\tname\taddress\tcommunity\tcompany\tfrom", "XQ2\t和平小区\t和平路1号\tC2\t\(PropertyFixture.companyA)\t2026-09-01"]
            #expect(await harness.send("prop complex import", rows: moved).field("differing") == "1")
            let updated = await harness.send("prop complex import update=true", rows: moved)
            #expect(updated.field("updated") == "1", "\(updated)")
            #expect(await harness.send("prop complex show complex=XQ2").field("company") == "红心物业")
        }
    }
}
