import Testing
import WorkbenchPostgres
import WorkbenchTestSupport
@testable import OrganizationsModule

@Suite("The organisation tree against a real database")
struct UnitTreeTests {
    @Test func aKindUnderTheWrongParentIsRefusedNamingBothKindsAndChangesNothing() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            let before: Int = try await harness.scalar("SELECT count(*) FROM organizations.units")
            let reply = await harness.send("org unit add code=X1 name=错放社区 kind=community parent=D1")
            #expect(reply.status == 422)
            #expect(reply.raw.contains("organizations.unit.kind_not_allowed"))
            #expect(reply.raw.contains("社区党委") && reply.raw.contains("区委"), "names both kinds: \(reply)")
            #expect(try await harness.scalar("SELECT count(*) FROM organizations.units") == before)
        }
    }

    @Test(arguments: [
        ("org unit add code=X1 name=某 kind=village parent=D1", 400, "kind"),
        ("org unit add code=X1 name=某 kind=street parent=D1 established_on=2026-02-30", 400, "established_on"),
        // The day a unit was established has happened: never ahead of time.
        ("org unit add code=X1 name=某 kind=street parent=D1 established_on=2099-01-01", 400, "established_on"),
        ("org unit add code=X1 name=某 kind=street parent=D1 established_on=tomorrow", 400, "not in the future"),
        ("org unit add code=X1 name=\"  \" kind=street parent=D1", 400, "name"),
        ("org unit add code=1X name=某 kind=street parent=D1", 400, "code"),
        ("org unit add code=X1 name=某 kind=street parent=NOPE", 404, "parent"),
        ("org unit add code=S1 name=重复 kind=street parent=D1", 409, "duplicate_code"),
        ("org unit add code=X1 name=某 kind=regional parent=S1", 400, "subtype"),
        ("org unit add code=X1 name=某 kind=street parent=D1 subtype=park", 400, "subtype"),
        ("org unit add code=X1 name=某 kind=street parent=D1 phone=call-me", 400, "phone"),
        ("org unit add code=X1 name=某 kind=street", 422, "parent_required"),
        ("org unit add code=X1 name=某 kind=street parent=D1 established_on=1999-12-31", 422, "established_before_parent"),
    ])
    func badInputGetsA4xxNamingTheProblem(line: String, status: Int, mentions: String) async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            let reply = await harness.send(line)
            #expect(reply.status == status, "\(line) → \(reply)")
            #expect(reply.raw.contains(mentions), "\(line) → \(reply)")
            #expect(try await harness.scalar("SELECT count(*) FROM organizations.units WHERE code = 'X1'") == 0)
        }
    }

    @Test func moveRewritesTheWholeSubtreesPaths() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            let reply = await harness.send("org unit move unit=C1 parent=S2")
            #expect(reply.status == 200, "\(reply)")
            #expect(reply.field("units_moved") == "3")
            let s2: String = try await harness.scalar("SELECT path::text FROM organizations.units WHERE code = 'S2'")
            for code in ["C1", "G1", "B1"] {
                let path: String = try await harness.scalar("SELECT path::text FROM organizations.units WHERE code = $1", [code])
                #expect(path.hasPrefix(s2 + "."), "\(code) at \(path) should be under S2 (\(s2))")
            }
            let parent: String = try await harness.scalar(
                "SELECT p.code FROM organizations.units u JOIN organizations.units p ON p.id = u.parent_id WHERE u.code = 'C1'")
            #expect(parent == "S2")
            // The stored paths still agree with the parent links everywhere.
            let broken: Int = try await harness.scalar(
                """
                SELECT count(*) FROM organizations.units u LEFT JOIN organizations.units p ON p.id = u.parent_id
                WHERE u.path::text <> COALESCE(p.path::text || '.', '') || u.id::text
                """
            )
            #expect(broken == 0)
        }
    }

    @Test func aMoveIntoItsOwnSubtreeIsRefusedAndChangesNothing() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            // The own-subtree check comes before the rule table, so it names the real problem.
            let before: String = try await harness.scalar("SELECT string_agg(path::text, ',' ORDER BY id) FROM organizations.units")
            for (unit, parent) in [("S1", "C1"), ("C1", "B1"), ("C1", "C1")] {
                let reply = await harness.send("org unit move unit=\(unit) parent=\(parent)")
                #expect(reply.status == 422, "\(unit) under \(parent): \(reply)")
                #expect(reply.raw.contains("organizations.unit.move_into_own_subtree"), "\(reply)")
            }
            #expect(try await harness.scalar("SELECT string_agg(path::text, ',' ORDER BY id) FROM organizations.units") == before)
            let wrongKind = await harness.send("org unit move unit=C1 parent=R1")
            #expect(wrongKind.status == 422 && wrongKind.raw.contains("kind_not_allowed"))
            #expect(await harness.send("org unit move unit=C1 parent=S1").status == 409)
        }
    }

    @Test func unitsAddedWhileTheirAncestorMovesGetTheRightPath() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            for round in 0..<6 {
                let target = round % 2 == 0 ? "S2" : "S1"
                async let move = harness.send("org unit move unit=C1 parent=\(target)")
                async let add1 = harness.send("org unit add code=BA\(round) name=楼栋甲 kind=building_group parent=G1")
                async let add2 = harness.send("org unit add code=BB\(round) name=楼栋乙 kind=building_group parent=G1")
                let statuses = [await move.status, await add1.status, await add2.status]
                #expect(statuses == [200, 201, 201], "\(statuses)")
            }
            let broken: Int = try await harness.scalar(
                """
                SELECT count(*) FROM organizations.units u LEFT JOIN organizations.units p ON p.id = u.parent_id
                WHERE u.path::text <> COALESCE(p.path::text || '.', '') || u.id::text
                """
            )
            #expect(broken == 0)
        }
    }

    @Test func dissolveRefusesWhileChildrenOrMembersRemainAndCascadeIsForAdmins() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            let member = try await OrganizationsFixture.member(harness, "王芳", unit: "G1")
            let refused = await harness.send("org unit dissolve unit=C1")
            #expect(refused.status == 422 && refused.raw.contains("organizations.unit.not_empty"), "\(refused)")
            #expect(await harness.send("org unit dissolve unit=C1 cascade=true", as: .operator).status == 403)
            #expect(try await harness.scalar("SELECT count(*) FROM organizations.units WHERE dissolved_on IS NOT NULL") == 0)

            let cascaded = await harness.send("org unit dissolve unit=C1 cascade=true on=2026-06-30", as: .admin)
            #expect(cascaded.status == 200, "\(cascaded)")
            #expect(cascaded.field("units_dissolved") == "3")
            #expect(cascaded.field("members_transferred") == "1")
            #expect(cascaded.field("members_to") == "S1")
            let unit: String = try await harness.scalar(
                "SELECT u.code FROM organizations.members m JOIN organizations.units u ON u.id = m.unit_id WHERE m.id = $1", [member]
            )
            #expect(unit == "S1")
            let show = await harness.send("org member show member=\(member)")
            #expect(show.section("transfers").map { [$0["on"], $0["from"], $0["to"]] } == [["2026-06-30", "G1", "S1"]], "\(show)")
            // A dissolved unit takes no new children or members.
            let under = await harness.send("org unit add code=G9 name=新网格 kind=grid_branch parent=C1")
            #expect(under.status == 422 && under.raw.contains("organizations.unit.dissolved"))
            // An empty leaf dissolves without cascade.
            #expect(await harness.send("org unit dissolve unit=C2").status == 200)
        }
    }

    @Test func treeCountsMembersOverSubtreesAndHonoursDepth() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            _ = try await OrganizationsFixture.member(harness, "甲", unit: "B1")
            _ = try await OrganizationsFixture.member(harness, "乙", unit: "G1")
            _ = try await OrganizationsFixture.member(harness, "丙", unit: "C1")
            _ = try await OrganizationsFixture.member(harness, "丁", unit: "C3")
            let left = try await OrganizationsFixture.member(harness, "戊", unit: "C3")
            #expect(await harness.send("org member leave member=\(left) reason=deceased").status == 200)

            let tree = await harness.send("org unit tree unit=D1")
            #expect(tree.status == 200)
            func node(_ reply: ReplyText, _ code: String) -> String? {
                reply.rows.first { $0["code"] == code }.map {
                    "\($0["depth"]!) \($0["kind_name"]!) \($0["parent"]!) members=\($0["members"]!) children=\($0["children"]!)"
                }
            }
            #expect(node(tree, "D1") == "0 区委  members=4 children=3", "\(tree)")
            #expect(node(tree, "S1") == "1 街道党工委 D1 members=3 children=2", "\(tree)")
            #expect(node(tree, "C1") == "2 社区党委 S1 members=3 children=1", "\(tree)")
            #expect(node(tree, "G1") == "3 网格党支部 C1 members=2 children=1", "\(tree)")
            #expect(node(tree, "B1") == "4 楼栋党小组 G1 members=1 children=0", "\(tree)")
            #expect(node(tree, "S2") == "1 街道党工委 D1 members=1 children=1", "\(tree)")
            // Siblings in code order, parents before children.
            #expect(tree.column("code") == ["D1", "R1", "S1", "C1", "G1", "B1", "C2", "S2", "C3"])
            #expect(tree.summary == "9 organisations")

            let shallow = await harness.send("org unit tree unit=D1 depth=1")
            #expect(shallow.rows.count == 4)
            #expect(node(shallow, "S1") == "1 街道党工委 D1 members=3 children=2", "counts below the cut still count: \(shallow)")
        }
    }

    @Test func searchFindsByCodePrefixOrAnyPartOfTheChineseName() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            #expect(await harness.send("org unit search q=幸福").column("code") == ["C1", "G1"])
            #expect(await harness.send("org unit search q=网格").column("code") == ["G1"])
            #expect(await harness.send("org unit search q=C kind=community").column("code") == ["C1", "C2", "C3"])
            #expect(await harness.send("org unit search q=100%").column("code") == [])
            #expect(await harness.send("org unit search q=医院").column("code") == ["R1"])
        }
    }

    @Test func listPagesWithAfter() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            let first = await harness.send("org unit list under=D1 limit=4")
            #expect(first.column("code") == ["D1", "S1", "S2", "C1"])
            let after = try #require(first.summary.split(separator: "=").last)
            #expect(first.summary.hasPrefix("4 rows; more with after="))
            let second = await harness.send("org unit list under=D1 limit=4 after=\(after)")
            #expect(second.column("code") == ["C2", "C3", "G1", "B1"])
            let third = await harness.send("org unit list under=D1 limit=4 after=\(second.rows.last!["id"]!)")
            #expect(third.column("code") == ["R1"])
            #expect(third.summary == "1 row")
            #expect(await harness.send("org unit list parent=S1").column("code") == ["C1", "C2"])
            #expect(await harness.send("org unit list kind=community under=S2").column("code") == ["C3"])
        }
    }

    @Test func renameAndUpdateAreAuditedAndViewersCannotChange() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            #expect(await harness.send("org unit rename unit=C1 name=新幸福社区党委", as: .viewer).status == 403)
            let renamed = await harness.send("org unit rename unit=C1 name=新幸福社区党委 request_id=r-1")
            #expect(renamed.status == 200 && renamed.field("old_name") == "幸福社区党委")
            #expect(await harness.send("org unit rename unit=C1 name=新幸福社区党委 request_id=r-1").raw == renamed.raw)
            let audited: Int = try await harness.scalar(
                "SELECT count(*) FROM workbench.audit_log WHERE command = 'unit rename' AND reply_status = 200 AND reply_code IS NULL")
            #expect(audited == 1)
            let updated = await harness.send("org unit update unit=C1 secretary=刘书记 phone=0632-3311234")
            #expect(updated.field("secretary") == "刘书记" && updated.field("phone") == "0632-3311234")
            let cleared = await harness.send("org unit update unit=C1 clear=phone")
            #expect(cleared.field("secretary") == "刘书记" && cleared.field("phone") == "")
            #expect(await harness.send("org unit update unit=C1").status == 400)
            #expect(await harness.send("org unit show unit=C1", as: .viewer).field("name") == "新幸福社区党委")
        }
    }
}
