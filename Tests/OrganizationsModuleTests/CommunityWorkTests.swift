import Testing
import WorkbenchTestSupport
@testable import OrganizationsModule

@Suite("Double reporting, seats and co-building against a real database")
struct CommunityWorkTests {
    @Test func aCommunitySeesWhoReportedAndWhoServed() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            let unitReport = try await harness.create("org report unit unit=R1 community=C1 on=2026-01-10")
            let member = try await OrganizationsFixture.member(harness, "在职甲", unit: "R1", extra: "work_unit=区人民医院 residence=C1")
            let idle = try await OrganizationsFixture.member(harness, "在职乙", unit: "R1", extra: "work_unit=区人民医院 residence=C1")
            let memberReport = try await harness.create("org report member member=\(member) community=C1 on=2026-02-01")
            _ = try await harness.create("org report member member=\(idle) community=C1 on=2026-02-01")
            _ = try await harness.create("org report serve report=\(unitReport) hours=3.5 activity=义诊 on=2026-03-01")
            _ = try await harness.create("org report serve report=\(unitReport) hours=2 activity=义诊 on=2026-04-01")
            _ = try await harness.create("org report serve report=\(memberReport) hours=1.5 activity=走访 on=2026-03-02")

            let list = await harness.send("org report list community=C1 from=2026-01-01 to=2026-12-31")
            #expect(list.column("reporter") == ["R1", "#\(member)", "#\(idle)"])
            #expect(list.column("hours") == ["5.5", "1.5", "0"])
            #expect(list.column("services") == ["2", "1", "0"])
            let served = await harness.send("org report list community=S1 served=true from=2026-03-01 to=2026-03-31")
            #expect(served.column("reporter") == ["R1", "#\(member)"])
            #expect(served.column("hours") == ["3.5", "1.5"])

            #expect(await harness.send("org report unit unit=R1 community=C1").status == 409)
            #expect(await harness.send("org report member member=\(member) community=C2").status == 409, "one open report per member")
            #expect(await harness.send("org report unit unit=S1 community=C1").status == 422, "a street does not report")
            // A member whose own branch is in the community is its member already: no 双报到.
            let local = try await OrganizationsFixture.member(harness, "本社区丙", unit: "G1")
            let redundant = await harness.send("org report member member=\(local) community=C1")
            #expect(redundant.status == 422 && redundant.raw.contains("organizations.report.member_already_in_community"), "\(redundant)")
            _ = try await harness.create("org report member member=\(local) community=C2 on=2026-02-01")
            #expect(await harness.send("org report unit unit=R1 community=S1").status == 422, "reports go to communities")
            #expect(await harness.send("org report serve report=\(unitReport) hours=0 activity=x").status == 400)
            #expect(await harness.send("org report serve report=\(unitReport) hours=2.55 activity=x").status == 400)
            #expect(await harness.send("org report serve report=\(unitReport) hours=2 activity=x on=2025-12-31").status == 400)
            #expect(await harness.send("org report end id=\(unitReport) on=2026-05-01").status == 200)
            let late = await harness.send("org report serve report=\(unitReport) hours=2 activity=x on=2026-06-01")
            #expect(late.status == 422 && late.raw.contains("organizations.report.ended"))
            #expect(await harness.send("org report unit unit=R1 community=C1").status == 201, "a new report after the old one ended")
        }
    }

    @Test func partTimeSeatsSitOnStreetAndCommunityCommitteesOnly() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            let seat = try await harness.create("org seat add committee=S1 person=李强 from=R1 term_start=2026-01-01 term_end=2028-12-31")
            _ = try await harness.create("org seat add committee=C1 person=赵敏 from=R1 term_start=2026-01-01 term_end=2028-12-31")
            #expect(await harness.send("org seat add committee=G1 person=某 from=R1 term_start=2026-01-01 term_end=2028-12-31").status == 422)
            #expect(await harness.send("org seat add committee=S1 person=某 from=C2 term_start=2026-01-01 term_end=2028-12-31").status == 422)
            #expect(await harness.send("org seat add committee=S1 person=某 from=R1 term_start=2026-01-01 term_end=2025-12-31").status == 400)
            // A seat lasts at most one committee term (five years by default).
            let endless = await harness.send("org seat add committee=S1 person=某 from=R1 term_start=2026-01-01 term_end=2099-12-31")
            #expect(
                endless.status == 400 && endless.summary.contains("at most 5 years") && endless.summary.contains("before 2031-01-01"), "\(endless)")
            #expect(await harness.send("org seat add committee=S1 person=李强 from=R1 term_start=2026-01-01 term_end=2028-12-31").status == 409)
            #expect(await harness.send("org seat list committee=D1").column("person") == ["李强", "赵敏"])
            #expect(await harness.send("org seat list committee=D1 level=street").column("person") == ["李强"])
            #expect(await harness.send("org seat end id=\(seat) on=2026-06-30").status == 200)
            #expect(await harness.send("org seat list committee=D1").column("person") == ["赵敏"])
            #expect(await harness.send("org seat list committee=D1 state=ended").column("person") == ["李强"])
        }
    }

    @Test func coBuildingProjectsFollowTheirStatusesAndNeedAnOutcome() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            let pair = try await harness.create("org pair add unit=R1 community=C1 since=2026-01-01")
            #expect(await harness.send("org pair add unit=R1 community=C1").status == 409)
            #expect(await harness.send("org pair add unit=C2 community=C1").status == 422)
            let project = try await harness.create("org project add pair=\(pair) title=义诊进社区 category=生活服务 due=2026-03-31")
            #expect(await harness.send("org project add pair=\(pair) title=x category=不存在的类别").status == 400)
            let skip = await harness.send("org project update id=\(project) status=done outcome=完成")
            #expect(skip.status == 409 && skip.raw.contains("organizations.project.transition_not_allowed"), "\(skip)")
            #expect(await harness.send("org project update id=\(project) status=in_progress").status == 200)
            #expect(await harness.send("org project list overdue=true").column("id") == ["\(project)"], "past due and open")
            let noOutcome = await harness.send("org project update id=\(project) status=done")
            #expect(noOutcome.status == 400 && noOutcome.raw.contains("outcome"))
            let refusedEnd = await harness.send("org pair end id=\(pair)")
            #expect(refusedEnd.status == 422 && refusedEnd.raw.contains("organizations.pair.open_projects"))
            #expect(await harness.send("org project update id=\(project) status=done outcome=服务群众300人次").status == 200)
            #expect(await harness.send("org project update id=\(project) status=cancelled").status == 409)
            #expect(await harness.send("org project list overdue=true").rows.isEmpty)
            let pairs = await harness.send("org pair list community=S1")
            #expect(pairs.column("projects") == ["1"] && pairs.column("projects_done") == ["1"])
            #expect(await harness.send("org pair end id=\(pair)").status == 200)
            let ended = await harness.send("org project add pair=\(pair) title=x category=生活服务")
            #expect(ended.status == 422 && ended.raw.contains("organizations.pair.ended"))
        }
    }

    @Test func projectCategoriesComeFromConfiguration() async throws {
        try await ModuleHarness.with(
            [OrganizationsModule.self],
            config: ["modules.organizations.project_categories": .init(.stringArray(["红色物业", "平安建设"]), isSecret: false)]
        ) { (harness: ModuleHarness) async throws in
            let module = try #require(harness.modules["organizations"] as? OrganizationsModule)
            #expect(module.settings.projectCategories == ["红色物业", "平安建设"])
            #expect(module.settings.pointsCategories == OrganizationsSettings.defaultPointsCategories)
            let help = await harness.send("help org project add")
            #expect(help.raw.contains("红色物业"))
        }
    }
}
