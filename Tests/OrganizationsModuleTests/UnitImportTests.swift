import Testing
import WorkbenchTestSupport
@testable import OrganizationsModule

/// `org unit import`: the organisation register in one request, checked row by row by the
/// rules of `org unit add`, all or none, parents in any order, a re-import changing nothing.
@Suite("Importing the organisation register")
struct UnitImportTests {
    /// A street and two communities under it, the children first; headers by Chinese name, by
    /// key and as an export writes them, with the export's extra columns.
    static let register = [
        "编码\tname\t类型 kind\tparent\testablished_on\tmembers\tid",
        "C9\t新华社区党委\tcommunity\tS9\t2010-05-01\t0\t",
        "C8\t新民社区党委\tcommunity\tS9\t\t3\t17",
        "S9\t新华街道党工委\tstreet\tD1\t2008-01-01\t\t",
    ]

    @Test func aRegisterImportsParentsFirstAndAgainChangesNothing() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            let dry = await harness.send("org unit import dry_run=true", rows: Self.register)
            #expect(dry.status == 200 && dry.field("added") == "3" && dry.field("dry_run") == "true", "\(dry)")
            #expect(try await harness.scalar("SELECT count(*) FROM organizations.units WHERE code IN ('S9', 'C8', 'C9')", as: Int64.self) == 0)
            let imported = await harness.send("org unit import", rows: Self.register)
            #expect(imported.status == 200 && imported.field("added") == "3", "\(imported)")
            let tree = await harness.send("org unit list parent=S9")
            #expect(tree.column("code") == ["C9", "C8"] || tree.column("code") == ["C8", "C9"], "\(tree)")
            let again = await harness.send("org unit import", rows: Self.register)
            #expect(again.field("added") == "0" && again.field("unchanged") == "3", "\(again)")
            var renamed = Self.register
            renamed[1] = "C9\t新华社区党委（更名）\tcommunity\tS9\t2010-05-01\t0\t"
            let differs = await harness.send("org unit import", rows: renamed)
            #expect(differs.field("differing") == "1" && differs.summary.contains("update=true"), "\(differs)")
            let updated = await harness.send("org unit import update=true", rows: renamed)
            #expect(updated.field("updated") == "1", "\(updated)")
            #expect(await harness.send("org unit show unit=C9").field("name") == "新华社区党委（更名）")
        }
    }

    @Test func threeBadRowsAreNamedWithTheirColumnsAndNothingChanges() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            let before = try await harness.scalar("SELECT count(*) FROM organizations.units", as: Int64.self)
            let rows = [
                "code\tname\tkind\tparent",
                "S7\t第七街道党工委\tstreet\tD1",
                "C7\t第七社区\tvillage\tS7",
                "C6\t第六社区\tcommunity\tNOPE",
                "9X\t坏编码\tcommunity\tS7",
                "C5\t第五社区\tcommunity\tS7",
            ]
            let refused = await harness.send("org unit import", rows: rows)
            #expect(refused.status == 422 || refused.status == 400 || refused.status == 404, "\(refused)")
            #expect(refused.raw.contains("rows.refused") && refused.raw.contains("3 of 5 rows refused"), "\(refused)")
            #expect(refused.raw.contains("row 2, column kind:"), "\(refused)")
            #expect(refused.raw.contains("row 3, column parent:"), "\(refused)")
            #expect(refused.raw.contains("row 4, column code:"), "\(refused)")
            #expect(!refused.raw.contains("row 1,") && !refused.raw.contains("row 5,"), "\(refused)")
            #expect(try await harness.scalar("SELECT count(*) FROM organizations.units", as: Int64.self) == before, "nothing changed")
            let loop = await harness.send("org unit import", rows: ["code\tname\tkind\tparent", "S5\t甲\tstreet\tS4", "S4\t乙\tstreet\tS5"])
            #expect(loop.raw.contains("form a loop"), "\(loop)")
            let unknown = await harness.send("org unit import", rows: ["code\tname\tkind\tcolour", "S3\t丙\tstreet\tred"])
            #expect(unknown.status == 400 && unknown.raw.contains("rows.unknown_column") && unknown.raw.contains("编码 code"), "\(unknown)")
        }
    }
}
