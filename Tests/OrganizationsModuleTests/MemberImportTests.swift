import Testing
import WorkbenchTestSupport
@testable import OrganizationsModule

/// `org member import`: members checked by the rules of `org member add`, all or none,
/// matched by name, organisation and joining day.
@Suite("Importing the member register")
struct MemberImportTests {
    static let register = [
        "姓名 name\t所在党组织 unit\tstatus\t入党日期 joined_on\tphone\tresidence\tmobile\tid\tleft_on",
        "王芳\tG1\tformal\t2015-07-01\t13812341234\tC1\tfalse\t7\t",
        "李强\tG1\tprobationary\t2025-03-01\t\t\tfalse\t\t",
        "赵敏\tR1\tformal\t2001-06-30\t\tC2\ttrue\t\t",
    ]

    @Test func aRegisterImportsAndAgainChangesNothingAndUpdateAppliesDifferences() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            let dry = await harness.send("org member import dry_run=true", rows: Self.register)
            #expect(dry.status == 200 && dry.field("added") == "3", "\(dry)")
            #expect(try await harness.scalar("SELECT count(*) FROM organizations.members", as: Int64.self) == 0)
            let imported = await harness.send("org member import", rows: Self.register)
            #expect(imported.field("added") == "3", "\(imported)")
            let listed = await harness.send("org member list under=D1", as: .admin)
            #expect(Set(listed.column("name")) == ["王芳", "李强", "赵敏"], "\(listed)")
            #expect(try await harness.scalar("SELECT phone FROM organizations.members WHERE name = '王芳'", as: String.self) == "13812341234")
            let again = await harness.send("org member import", rows: Self.register)
            #expect(again.field("added") == "0" && again.field("unchanged") == "3", "\(again)")
            var changed = Self.register
            changed[2] = "李强\tG1\tformal\t2025-03-01\t13900001111\t\tfalse\t\t"
            let differs = await harness.send("org member import", rows: changed)
            #expect(differs.field("differing") == "1", "\(differs)")
            let updated = await harness.send("org member import update=true", rows: changed)
            #expect(updated.field("updated") == "1", "\(updated)")
            #expect(try await harness.scalar("SELECT status FROM organizations.members WHERE name = '李强'", as: String.self) == "formal")
        }
    }

    @Test func refusedRowsAreNamedByTheRulesOfMemberAddAndNothingChanges() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            let rows = [
                "name\tunit\tjoined_on\tresidence\tphone",
                "甲\tG1\t2020-01-01\t\t",
                "乙\tNOPE\t2020-01-01\t\t",
                "丙\tG1\t2020-01-01\tS1\t",
                "丁\tG1\t2020-01-01\t\t12",
                "甲\tG1\t2020-01-01\t\t",
            ]
            let refused = await harness.send("org member import", rows: rows)
            #expect(refused.raw.contains("4 of 5 rows refused"), "\(refused)")
            #expect(refused.raw.contains("row 2, column unit: no organisation"), "\(refused)")
            #expect(refused.raw.contains("row 3, column residence:"), "\(refused)")
            #expect(refused.raw.contains("row 4, column phone:"), "\(refused)")
            #expect(refused.raw.contains("row 5, column name:") && refused.raw.contains("is also row 1"), "\(refused)")
            #expect(try await harness.scalar("SELECT count(*) FROM organizations.members", as: Int64.self) == 0)
        }
    }
}
