import Testing
import WorkbenchPostgres
import WorkbenchTestSupport
@testable import OrganizationsModule

/// `organizations.unit_counts`, kept by statement-level triggers, against counts taken from the
/// rows themselves after every kind of change: a trigger that misses a case fails here.
@Suite("Organisation counts kept by triggers against a real database")
struct UnitCountsTests {
    /// The fixture's organisations.
    static let codes = ["D1", "S1", "S2", "C1", "C2", "C3", "G1", "B1", "R1"]

    @Test func countsFollowJoinsLeavesTransfersDeletesMovesAndCopy() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            try await Self.expectCounted(harness, after: "the fixture")

            let jia = try await OrganizationsFixture.member(harness, "甲", unit: "G1", extra: "status=probationary")
            let yi = try await OrganizationsFixture.member(harness, "乙", unit: "B1", extra: "mobile=true")
            let bing = try await OrganizationsFixture.member(harness, "丙", unit: "C3", extra: "work_unit=区人民医院 residence=C2")
            let ding = try await OrganizationsFixture.member(harness, "丁", unit: "R1")
            _ = try await OrganizationsFixture.member(harness, "戊", unit: "C2")
            try await Self.expectCounted(harness, after: "members joining")
            #expect(await harness.send("org unit show unit=D1").field("members_in_subtree") == "5")

            #expect(await harness.send("org member leave member=\(ding) reason=transferred_out on=2020-01-01").status == 200)
            #expect(await harness.send("org member transfer member=\(yi) to=C3 on=2020-01-01").status == 200)
            try await Self.expectCounted(harness, after: "a leave and a transfer")
            #expect(await harness.send("org unit show unit=S2").field("members_in_subtree") == "2")

            #expect(await harness.send("org unit move unit=C1 parent=S2").status == 200)
            try await Self.expectCounted(harness, after: "moving C1 (with G1 and B1) under S2")
            #expect(await harness.send("org unit show unit=S1").field("children") == "1")
            #expect(await harness.send("org unit show unit=S2").field("members_in_subtree") == "3")

            let report = try await harness.create("org report unit unit=R1 community=C1 on=2026-01-01")
            _ = try await harness.create("org report member member=\(bing) community=C2 on=2026-01-01")
            let pair = try await harness.create("org pair add unit=R1 community=C1 since=2026-01-01")
            let project = try await harness.create("org project add pair=\(pair) title=共建 category=党建联建")
            let second = try await harness.create("org project add pair=\(pair) title=共建二 category=党建联建")
            _ = try await harness.create("org venue add name=创意园 kind=park area=C1 employees=10 members=1")
            try await Self.expectCounted(harness, after: "reports, a pair, projects and a venue")
            #expect(await harness.send("org project update id=\(project) status=in_progress").status == 200)
            try await Self.expectCounted(harness, after: "starting a project")
            let started = await harness.send("org stats unit=D1 from=2026-01-01 to=2026-12-31")
            #expect(started.field("projects_planned") == "1" && started.field("projects_in_progress") == "1", "\(started)")
            #expect(await harness.send("org project update id=\(project) status=done outcome=完成").status == 200)
            #expect(await harness.send("org project update id=\(second) status=cancelled").status == 200)
            #expect(await harness.send("org pair end id=\(pair) on=2026-03-01").status == 200)
            #expect(await harness.send("org report end id=\(report) on=2026-02-01").status == 200)
            try await Self.expectCounted(harness, after: "finishing the projects, ending the pair and a report")
            let stats = await harness.send("org stats unit=D1 from=2026-01-01 to=2026-12-31")
            #expect(stats.field("reports_units") == "0" && stats.field("reports_members") == "1", "\(stats)")
            #expect(stats.field("pairs") == "0" && stats.field("projects_planned") == "0" && stats.field("projects_done") == "1")
            #expect(stats.field("venues") == "1")

            let dissolved = await harness.send("org unit dissolve unit=G1 cascade=true on=2026-04-01", as: .admin)
            #expect(dissolved.status == 200, "\(dissolved)")
            try await Self.expectCounted(harness, after: "dissolving G1 and B1, their members moving to C1")
            #expect(await harness.send("org unit show unit=C1").field("members") == "1", "甲 moved up from G1")
            #expect(await harness.send("org unit show unit=C1").field("children") == "0")

            let leaving = try await OrganizationsFixture.member(harness, "己", unit: "S1")
            try await harness.pool.withConnection { session in
                try await session.execute(PostgresStatement(unnamed: "DELETE FROM organizations.members WHERE id = $1"), [leaving])
                try await session.execute(
                    PostgresStatement(unnamed: "UPDATE organizations.members SET status = 'formal', is_mobile = true WHERE id = $1"), [jia]
                )
            }
            try await Self.expectCounted(harness, after: "deleting a member and changing one's status")

            var ids: [String: Int64] = [:]
            for code in ["C2", "S2", "R1"] {
                ids[code] = try await harness.scalar("SELECT id FROM organizations.units WHERE code = $1", [code])
            }
            let unitIDs = ids
            // As the owner: COPY does not run under row-level security, and the runtime role is
            // subject to it (bulk loads such as the benchmark's load as the owner).
            let settings = harness.ownerPool.configuration.connection
            let copied = try await runBlocking {
                let connection = try PostgresConnection(settings: settings)
                defer { connection.close() }
                return try connection.copyIn(
                    "COPY organizations.members (name, status, joined_on, unit_id, work_unit, is_mobile, left_on, leave_reason) FROM STDIN"
                ) { rows in
                    for (index, unit) in ["C2", "C2", "S2", "R1"].enumerated() {
                        rows.row {
                            $0.text("批量\(index)"); $0.literal(index == 1 ? "probationary" : "formal"); $0.literal("2015-06-01")
                            $0.int(unitIDs[unit]!); $0.text(index == 2 ? "区医院" : nil); $0.bool(index == 0)
                            $0.literal(index == 3 ? "2020-01-01" : nil); $0.literal(index == 3 ? "deceased" : nil)
                        }
                    }
                }
            }
            #expect(copied == 4)
            try await Self.expectCounted(harness, after: "a COPY of four members, one of whom has left")
            #expect(await harness.send("org unit show unit=C2").field("members") == "3")
        }
    }

    @Test func treeAndListReadTheCounts() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            _ = try await OrganizationsFixture.member(harness, "甲", unit: "B1")
            _ = try await OrganizationsFixture.member(harness, "乙", unit: "B1")
            _ = try await OrganizationsFixture.member(harness, "丙", unit: "C2")
            let tree = await harness.send("org unit tree unit=D1")
            #expect(tree.status == 200, "\(tree)")
            func counts(_ reply: ReplyText, _ code: String) -> String? {
                reply.rows.first { $0["code"] == code }.map { "depth=\($0["depth"]!) members=\($0["members"]!) children=\($0["children"]!)" }
            }
            #expect(counts(tree, "D1") == "depth=0 members=3 children=3", "\(tree)")
            #expect(counts(tree, "S1") == "depth=1 members=3 children=2", "\(tree)")
            #expect(counts(tree, "G1") == "depth=3 members=2 children=1", "\(tree)")
            let shallow = await harness.send("org unit tree unit=S1 depth=1")
            #expect(counts(shallow, "C1") == "depth=1 members=2 children=1", "\(shallow)")
            let list = await harness.send("org unit list under=S1")
            #expect(list.column("code") == ["S1", "C1", "C2", "G1", "B1"])
            #expect(list.column("members") == ["0", "0", "1", "0", "2"])
        }
    }

    /// Every row of `organizations.unit_counts` equals the recount from the tables, and what
    /// `org unit show` answers for each fixture unit equals a count of the members and units.
    static func expectCounted(_ harness: ModuleHarness, after step: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let drift: Int64 = try await harness.scalar(
            """
            SELECT count(*) FROM (
                (TABLE organizations.unit_counts EXCEPT TABLE organizations.unit_counts_recounted)
                UNION ALL
                (TABLE organizations.unit_counts_recounted EXCEPT TABLE organizations.unit_counts)
            ) drift
            """
        )
        #expect(drift == 0, "unit_counts differs from the recount in \(drift) row(s) after \(step)", sourceLocation: sourceLocation)
        for code in codes {
            let shown = await harness.send("org unit show unit=\(code)")
            let direct: String = try await harness.scalar(
                """
                SELECT concat_ws(' ',
                    (SELECT count(*) FROM organizations.units c WHERE c.parent_id = u.id AND c.dissolved_on IS NULL),
                    (SELECT count(*) FROM organizations.members m WHERE m.unit_id = u.id AND m.left_on IS NULL),
                    (SELECT count(*) FROM organizations.members m JOIN organizations.units w ON w.id = m.unit_id
                     WHERE w.path OPERATOR(public.<@) u.path AND m.left_on IS NULL))
                FROM organizations.units u WHERE u.code = $1
                """,
                [code]
            )
            let answered = ["children", "members", "members_in_subtree"].map { shown.field($0) ?? "?" }.joined(separator: " ")
            #expect(answered == direct, "org unit show unit=\(code) after \(step)", sourceLocation: sourceLocation)
        }
        let stats = await harness.send("org stats unit=D1")
        let people: String = try await harness.scalar(
            """
            SELECT concat_ws(' ', count(*), count(*) FILTER (WHERE status = 'formal'), count(*) FILTER (WHERE status = 'probationary'),
                             count(*) FILTER (WHERE is_mobile), count(*) FILTER (WHERE work_unit IS NOT NULL))
            FROM organizations.members WHERE left_on IS NULL
            """
        )
        let answered = ["members", "members_formal", "members_probationary", "members_mobile", "members_in_service"]
            .map { stats.field($0) ?? "?" }.joined(separator: " ")
        #expect(answered == people, "org stats unit=D1 after \(step)", sourceLocation: sourceLocation)
    }
}
