import CoreModule
import OrganizationsModule
import Testing
import WorkbenchKit
import WorkbenchPostgres
import WorkbenchTestSupport
@testable import GridsModule

/// Organisation-scoped access against a real database: three callers — the district's admin,
/// street S1's operator and community C3's viewer (in street S2) — each see and change exactly
/// their subtree, through the commands and through a raw query with the scope set.
///
///     D1 ─┬─ S1 ─┬─ C1 ── W1 (grid)
///         │      └─ C2
///         ├─ S2 ─── C3 ── W3 (grid)
///         └─ R1 (resident unit, reports to C1)
@Suite("Organisation-scoped access (row-level security)")
struct ScopedAccessTests {
    static let district = ModuleHarness.As.held(.admin, to: ["D1"])
    static let streetA = ModuleHarness.As.held(.operator, to: ["S1"])
    static let communityB = ModuleHarness.As.held(.viewer, to: ["C3"])

    static func with(_ body: (ModuleHarness) async throws -> Void) async throws {
        try await ModuleHarness.with([OrganizationsModule.self, GridsModule.self]) { (harness: ModuleHarness) async throws in
            for line in [
                "org unit add code=D1 name=测试区委 kind=district",
                "org unit add code=S1 name=第一街道党工委 kind=street parent=D1",
                "org unit add code=S2 name=第二街道党工委 kind=street parent=D1",
                "org unit add code=C1 name=幸福社区党委 kind=community parent=S1",
                "org unit add code=C2 name=和平社区党委 kind=community parent=S1",
                "org unit add code=C3 name=光明社区党委 kind=community parent=S2",
                "org unit add code=R1 name=区人民医院党委 kind=resident_unit parent=D1",
                "org member add name=王芳 unit=C1 joined_on=2010-07-01",
                "org member add name=李强 unit=C3 joined_on=2012-07-01",
                "org member add name=张敏 unit=R1 joined_on=2005-03-01",
                "org report unit unit=R1 community=C1",
                "grid add code=W1 name=幸福一网格 community=C1 households=300",
                "grid add code=W3 name=光明一网格 community=C3 households=200",
                "grid household add grid=W3 address=光明路1号 head=赵六",
            ] {
                _ = try await harness.create(line)
            }
            try await body(harness)
        }
    }

    @Test func eachCallerListsExactlyItsSubtree() async throws {
        try await Self.with { harness in
            #expect(await harness.send("org unit list", as: Self.district).column("code").sorted() == ["C1", "C2", "C3", "D1", "R1", "S1", "S2"])
            // R1 reports to C1 (双报到): street A sees it, read-only, so that the report can name it.
            #expect(await harness.send("org unit list", as: Self.streetA).column("code").sorted() == ["C1", "C2", "R1", "S1"])
            #expect(await harness.send("org unit update unit=R1 secretary=孙院长", as: Self.streetA).status == 404)
            #expect(await harness.send("org unit list", as: Self.communityB).column("code") == ["C3"])
            #expect(await harness.send("org member list", as: Self.streetA).column("name") == ["王芳"])
            #expect(await harness.send("org member list", as: Self.communityB).column("name") == ["李强"])
            #expect(await harness.send("grid list", as: Self.streetA).column("code") == ["W1"])
            #expect(await harness.send("grid household list", as: Self.streetA).rows.isEmpty)
            #expect(await harness.send("grid household list", as: Self.communityB).column("address") == ["光明路1号"])
            // A double report is seen from the community's side; the reporting unit stays outside.
            #expect(await harness.send("org report list community=C1", as: Self.streetA).rows.count == 1)
            #expect(await harness.send("org stats unit=S1", as: Self.streetA).field("members") == "1")
            #expect(await harness.send("org stats unit=D1", as: Self.district).field("members") == "3")
        }
    }

    @Test func aRowOutsideTheScopeIsA404LikeOneThatDoesNotExist() async throws {
        try await Self.with { harness in
            let outside = await harness.send("org unit show unit=S2", as: Self.streetA)
            let missing = await harness.send("org unit show unit=S9", as: Self.streetA)
            #expect(outside.status == 404 && missing.status == 404, "\(outside) \(missing)")
            #expect(outside.summary.replacingOccurrences(of: "S2", with: "S9") == missing.summary, "\(outside) / \(missing)")
            // A statistic's unit= asks to see a subtree: outside the scope it is refused as such.
            #expect(await harness.send("org stats unit=S1", as: Self.communityB).status == 403)
            #expect(await harness.send("org stats unit=S9", as: Self.communityB).status == 404)
            #expect(await harness.send("grid show grid=W1", as: Self.communityB).status == 404)
            #expect(await harness.send("grid show grid=W3", as: Self.communityB).status == 200)
        }
    }

    @Test func changesOutsideTheScopeAreRefusedAndChangeNothing() async throws {
        try await Self.with { harness in
            let report = await harness.send("grid case report grid=W1 category=乱停车 description=消防通道被占", as: Self.streetA)
            #expect(report.status == 201 || report.status == 200, "\(report)")
            let code = report.field("code")!
            #expect(await harness.send("grid case report grid=W3 category=乱停车 description=x", as: Self.streetA).status == 404)
            #expect(await harness.send("org unit add code=C4 name=新社区 kind=community parent=S2", as: Self.streetA).status == 404)
            #expect(await harness.send("org member add name=赵六 unit=C3 joined_on=2020-01-01", as: Self.streetA).status == 404)
            // The viewer of C3 cannot see the case, the admin of the district can.
            #expect(await harness.send("grid case show case=\(code)", as: Self.communityB).status == 404)
            #expect(await harness.send("grid case list", as: Self.communityB).rows.isEmpty)
            #expect(await harness.send("grid case list", as: Self.district).column("code") == [code])
            #expect(try await harness.scalar("SELECT count(*) FROM organizations.units WHERE code = 'C4'", as: Int64.self, asOwner: true) == 0)
            // The audit row records the caller's scope.
            let scope = try await harness.scalar(
                "SELECT array_to_string(scope, ',') FROM workbench.audit_log WHERE command = 'case report' ORDER BY id DESC LIMIT 1",
                as: String.self, asOwner: true)
            #expect(scope == "S1")
        }
    }

    @Test func aFilterOutsideTheScopeIsRefusedWith403AndAudited() async throws {
        try await Self.with { harness in
            let outside = await harness.send("grid case list scope=S2", as: Self.streetA)
            #expect(outside.status == 403 && outside.summary.hasPrefix("organizations.unit.outside_scope"), "\(outside)")
            #expect(await harness.send("grid case list scope=S9", as: Self.streetA).status == 404)
            #expect(await harness.send("grid case list scope=C1", as: Self.streetA).status == 200)
            let audited = try await harness.scalar(
                "SELECT count(*) FROM workbench.audit_log WHERE reply_code = 'organizations.unit.outside_scope'", as: Int64.self, asOwner: true)
            #expect(audited == 1)
        }
    }

    @Test func aScopedAdminsAuditTailShowsOnlyRowsOfItsScope() async throws {
        try await Self.with { harness in
            _ = await harness.send("grid case report grid=W1 category=乱停车 description=一", as: Self.streetA)
            _ = await harness.send("grid case report grid=W3 category=乱停车 description=二", as: .held(.operator, to: ["C3"]))
            let streetAdmin = await harness.send("audit tail", as: .held(.admin, to: ["S1"]))
            #expect(streetAdmin.column("user") == ["operator@S1"], "\(streetAdmin)")
            let districtAdmin = await harness.send("audit tail", as: Self.district)
            #expect(districtAdmin.column("user").contains("operator@C3") && districtAdmin.column("user").contains("operator@S1"), "\(districtAdmin)")
        }
    }

    @Test func rowsGoWithTheirOrganisationWhenItMoves() async throws {
        try await Self.with { harness in
            let household = try await harness.scalar("SELECT id FROM grids.households", as: Int64.self)
            _ = try await harness.create("grid household visit household=\(household) visitor=李娜 note=独自居住")
            let caseID = try await harness.create("grid case report grid=W3 category=乱停车 description=占道停车")
            #expect(await harness.send("grid case accept case=\(caseID)").status == 200)
            let member = try await harness.scalar("SELECT id FROM organizations.members WHERE name = '李强'", as: Int64.self)
            _ = try await harness.create("org member add name=周杰 unit=C3 joined_on=2015-07-01")
            #expect(await harness.send("grid case show case=\(caseID)", as: Self.streetA).status == 404)

            // C3 moves from street S2 to street S1: its grid, cases, events, households and
            // visits are street A's now, and still community C3's.
            let moved = await harness.send("org unit move unit=C3 parent=S1", as: .admin)
            #expect(moved.status == 200, "\(moved)")
            #expect(await harness.send("grid list", as: Self.streetA).column("code").sorted() == ["W1", "W3"])
            let shown = await harness.send("grid case show case=\(caseID)", as: Self.streetA)
            #expect(shown.status == 200 && shown.field("status") == "accepted", "\(shown)")
            #expect(await harness.send("grid household list", as: Self.streetA).column("address") == ["光明路1号"])
            #expect(await harness.send("grid household show household=\(household)", as: Self.communityB).status == 200)

            // A member moved to another organisation takes its transfers with it.
            #expect(await harness.send("org member transfer member=\(member) to=C2", as: .admin).status == 200)
            #expect(await harness.send("org member show member=\(member)", as: Self.communityB).status == 404)
            #expect(await harness.send("org member list", as: Self.communityB).column("name") == ["周杰"])

            // Every copy agrees with what it was copied from, in every table that keeps one.
            let differing = try await harness.pool.withConnection { session in
                try await session.query(PostgresStatement(unnamed: "SELECT copied_to, rows_differing FROM organizations.path_copies_differing()"))
                    .map { (try $0.decode(at: 0, as: String.self), try $0.decode(at: 1, as: Int64.self)) }
            }
            #expect(Set(differing.map(\.0)).isSuperset(of: ["grids.cases", "grids.case_events", "grids.household_visits", "organizations.members"]))
            #expect(differing.filter { $0.1 != 0 }.isEmpty, "\(differing)")
        }
    }

    @Test func aRawQueryWithTheScopeSetFindsNothingOutside() async throws {
        try await Self.with { harness in
            let counts = try await harness.pool.withConnection { session in
                // What the command path does for a caller held to C3, then plain SQL.
                try await CallerScope.hold(session, to: Self.communityB.caller, directory: ScopeDirectory())
                return try await session.withTransaction { transaction in
                    var counts: [String: Int64] = [:]
                    for table in ["organizations.units", "organizations.members", "organizations.reports", "grids.grids", "grids.households"] {
                        counts[table] = try await transaction.query(PostgresStatement(unnamed: "SELECT count(*) FROM \(table)")).single()
                            .decode(at: 0)
                    }
                    let changed = try await transaction.execute(PostgresStatement(unnamed: "UPDATE organizations.units SET name = name || '!'"))
                    counts["updated"] = Int64(changed)
                    return counts
                }
            }
            #expect(
                counts == [
                    "organizations.units": 1, "organizations.members": 1, "organizations.reports": 0, "grids.grids": 1, "grids.households": 1,
                    "updated": 1,
                ], "\(counts)")
            // Without the setting (the daemon's own jobs, an unscoped caller): the whole tree.
            #expect(try await harness.scalar("SELECT count(*) FROM organizations.units", as: Int64.self) == 7)
        }
    }
}
