import Testing
import WorkbenchTestSupport
@testable import GridsModule

/// `grid import`: the grid register checked by the rules of `grid add`, all or none, parents
/// in any order, matched by code.
@Suite("Importing the grid register")
struct GridImportTests {
    static let register = [
        "编码 code\t名称 name\tlevel\t所属社区 community\tparent\t户数 households\testablished_on\tid\topen_cases",
        "W9\t和平九网格\tbasic\tC2\tM9\t120\t2026-02-01\t\t0",
        "M9\t和平二级网格\tlevel2\tC2\tL9\t0\t2026-01-15\t\t",
        "L9\t和平一级网格\tlevel1\tC2\t\t0\t2026-01-15\t\t",
    ]

    @Test func aRegisterImportsParentsFirstAndAgainChangesNothing() async throws {
        try await GridsFixture.with { (harness: ModuleHarness) async throws in
            let imported = await harness.send("grid import", rows: Self.register)
            #expect(imported.status == 200 && imported.field("added") == "3", "\(imported)")
            #expect(await harness.send("grid show grid=W9").field("parent") == "M9")
            let again = await harness.send("grid import", rows: Self.register)
            #expect(again.field("unchanged") == "3" && again.field("added") == "0", "\(again)")
            var more = Self.register
            more[1] = "W9\t和平九网格\tbasic\tC2\tM9\t150\t2026-02-01\t\t0"
            let differs = await harness.send("grid import", rows: more)
            #expect(differs.field("differing") == "1", "\(differs)")
            #expect(await harness.send("grid import update=true", rows: more).field("updated") == "1")
            #expect(await harness.send("grid show grid=W9").field("households") == "150")
        }
    }

    @Test func refusedRowsAreNamedAndNothingChanges() async throws {
        try await GridsFixture.with { (harness: ModuleHarness) async throws in
            let before = try await harness.scalar("SELECT count(*) FROM grids.grids", as: Int64.self)
            let rows = [
                "code\tname\tcommunity\tparent\tlevel",
                "W7\t七网格\tC1\tL2\tbasic",
                "W8\t八网格\tC2\tL2\tbasic",
                "W6\t六网格\tC1\t\tcity",
                "W5\t五网格\tC1\tL1\tbasic",
            ]
            let refused = await harness.send("grid import", rows: rows)
            #expect(refused.raw.contains("3 of 4 rows refused"), "\(refused)")
            // A rule only the database's trigger enforces refuses its own row, named.
            #expect(refused.raw.contains("row 4: a basic grid cannot sit under a level1 grid"), "\(refused)")
            #expect(refused.raw.contains("row 2, column parent:") && refused.raw.contains("row 3, column level:"), "\(refused)")
            #expect(try await harness.scalar("SELECT count(*) FROM grids.grids", as: Int64.self) == before)
        }
    }
}
