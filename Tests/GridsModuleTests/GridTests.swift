import Testing
import WorkbenchTestSupport
@testable import GridsModule

@Suite("Grids, their nesting and their people")
struct GridTests {
    @Test func gridsNestInsideTheirCommunity() async throws {
        try await GridsFixture.with { (harness: ModuleHarness) async throws in
            let shown = await harness.send("grid show grid=W1")
            #expect(shown.field("community") == "C1")
            #expect(shown.field("parent") == "L2")
            #expect(shown.field("households") == "300")
            #expect(shown.field("latitude") == "31.22")
            #expect(await harness.send("grid show grid=L2").field("branch") == "ZB1")
            #expect(await harness.send("grid show grid=L2").field("subgrids") == "2")
            // Level-1 and level-2 grids count the households below them.
            #expect(await harness.send("grid show grid=L2").field("households") == "550")
            #expect(await harness.send("grid show grid=L1").field("households") == "550")
            #expect(await harness.send("grid list community=C1").column("households") == ["550", "550", "300", "250"])

            #expect(await harness.send("grid add code=X1 name=x level=level2 community=C1 parent=W1").status == 422, "level2 under basic")
            #expect(await harness.send("grid add code=X2 name=x level=level1 community=C1 parent=L1").status == 422, "level1 has no parent")
            let orphan = await harness.send("grid add code=X9 name=x level=level2 community=C1")
            #expect(orphan.status == 400, "a level2 grid needs its level1 parent")
            #expect(orphan.summary.contains("parent: a level2 grid sits under a level1 grid"), "\(orphan.raw)")
            #expect(await harness.send("grid add code=X3 name=x community=C2 parent=L2").status == 422, "parent in another community")
            #expect(await harness.send("grid add code=X4 name=x community=S1").status == 422, "a grid belongs to a community")
            #expect(await harness.send("grid add code=X5 name=x community=C1 branch=ZB2").status == 422, "branch of another community")
            #expect(await harness.send("grid add code=X6 name=x community=C1 branch=C1").status == 422, "a branch must be a grid branch")
            #expect(await harness.send("grid add code=W1 name=x community=C1").status == 409)
            #expect(await harness.send("grid add code=X7 name=x community=C1 boundary=\"121.4 31.2, 121.5\"").status == 400)
            #expect(await harness.send("grid add code=X8 name=x community=C1 lat=31.2").status == 400)
            let count: Int = try await harness.scalar("SELECT count(*)::int FROM grids.grids")
            #expect(count == 5, "refused adds change nothing")
        }
    }

    @Test func boundariesRoundTrip() async throws {
        try await GridsFixture.with { (harness: ModuleHarness) async throws in
            let added = await harness.send(
                "grid add code=B1 name=边界网格 community=C1 boundary=\"121.42 31.22, 121.43 31.22, 121.43 31.23, 121.42 31.23, 121.42 31.22\""
            )
            #expect(added.status == 201, "\(added.raw)")
            #expect(added.field("boundary") == "121.42 31.22, 121.43 31.22, 121.43 31.23, 121.42 31.23")
            let inside: Bool = try await harness.scalar("SELECT boundary @> point(121.425, 31.225) FROM grids.grids WHERE code = 'B1'")
            #expect(inside)
            #expect(await harness.send("grid update grid=B1 boundary=none households=12").field("boundary") == "")
        }
    }

    @Test func listsTreesAndUpdates() async throws {
        try await GridsFixture.with { (harness: ModuleHarness) async throws in
            #expect(await harness.send("grid list community=C1").column("code") == ["L1", "L2", "W1", "W2"])
            #expect(await harness.send("grid list scope=S1 level=basic").column("code") == ["W1", "W2", "W3"])
            #expect(await harness.send("grid list under=L2").column("code") == ["L2", "W1", "W2"])
            #expect(await harness.send("grid list name=和平").column("code") == ["W3"])
            #expect(await harness.send("grid list limit=2").summary == "2 rows; more with after=2")
            let tree = await harness.send("grid tree community=C1")
            #expect(tree.column("depth") == ["0", "1", "2", "2"])
            #expect(tree.column("code") == ["L1", "L2", "W1", "W2"] && tree.column("parent") == ["", "L1", "L2", "L2"])
            #expect(tree.rows[2]["level_name"] == "基础网格" && tree.rows[2]["households"] == "300")
            #expect(tree.rows[0]["households"] == "550", "\(tree)")
            #expect(await harness.send("grid tree").status == 400)
            let updated = await harness.send("grid update grid=W2 name=幸福二网格(新) households=260 branch=ZB1")
            #expect(updated.field("name") == "幸福二网格(新)")
            #expect(updated.field("branch") == "ZB1")
            #expect(await harness.send("grid update grid=W2 branch=none").field("branch") == "")
            #expect(await harness.send("grid update grid=W2 lat=31.2").status == 400)
        }
    }

    @Test func workersAndCadresAreAssignedWithTerms() async throws {
        try await GridsFixture.with { (harness: ModuleHarness) async throws in
            let member = try await harness.create("org member add name=张伟 unit=ZB1 phone=13912345678")
            let worker = try await harness.create("grid assign grid=W1 role=worker person=李娜 phone=13800001111 from=2026-01-01")
            let cadre = try await harness.create("grid assign grid=W1 role=cadre member=\(member) work_unit=区城管局 from=2026-03-01")
            #expect(await harness.send("grid assign grid=W1 role=worker person=李娜").status == 409, "one open assignment per person")
            #expect(await harness.send("grid assign grid=W1 role=worker").status == 400)
            #expect(await harness.send("grid assign grid=W1 role=worker member=\(member) person=x").status == 400)
            #expect(await harness.send("grid assign grid=W1 role=cadre member=99999").status == 404)
            let shown = await harness.send("grid show grid=W1")
            #expect(shown.field("workers")?.hasPrefix("李娜 (#\(worker)") == true)
            #expect(shown.field("cadres")?.hasPrefix("张伟 (#\(cadre)") == true)
            #expect(await harness.send("grid tree grid=W1").column("workers") == ["李娜"])

            let listed = await harness.send("grid assignments role=cadre", as: .viewer)
            #expect(listed.column("person") == ["张伟"])
            #expect(listed.column("phone") == ["139****5678"], "phones masked below admin")
            #expect(await harness.send("grid assignments role=cadre", as: .admin).column("phone") == ["13912345678"])

            #expect(await harness.send("grid unassign assignment=\(worker) on=2025-12-31").status == 400, "before it started")
            #expect(await harness.send("grid unassign assignment=\(worker) on=2026-06-30").status == 200)
            #expect(await harness.send("grid unassign assignment=\(worker)").status == 409, "already ended")
            #expect(await harness.send("grid unassign assignment=99999").status == 404)
            #expect(await harness.send("grid assignments grid=W1").column("person") == ["张伟"])
            #expect(await harness.send("grid assignments grid=W1 state=ended").column("person") == ["李娜"])
            #expect(await harness.send("grid assignments grid=W1 state=all").rows.count == 2)
            #expect(await harness.send("grid assign grid=W2 role=cadre person=赵敏 from=2026-06-01 until=2026-05-01").status == 400)
            let posting = try await harness.create("grid assign grid=W2 role=cadre person=赵敏 from=2026-01-01 until=2026-02-28")
            #expect(await harness.send("grid assignments grid=W2 state=ended").column("id") == ["\(posting)"], "a posting that ended")
        }
    }
}
