import Testing
import WorkbenchTestSupport
@testable import PropertyModule

@Suite("Property companies, complexes, cross-appointments and projects")
struct CompanyTests {
    @Test func aCompanyIsRegisteredWithItsCreditCode() async throws {
        try await PropertyFixture.with { (harness: ModuleHarness) async throws in
            let shown = await harness.send("prop company show company=\(PropertyFixture.companyA)")
            #expect(shown.status == 200)
            #expect(shown.field("party_org") == "HX 红心物业党支部", "\(shown)")
            #expect(shown.column("code", in: "complexes_served") == ["XQ1", "XQ3"], "\(shown)")
            #expect(
                shown.column("stars", in: "star_ratings") == ["4"]
                    && shown.column("reason", in: "star_ratings").first?.contains("rated at registration") == true, "\(shown)")
            // An all-digit code of 18 characters is read as a code, not an id.
            let digits = try await harness.create("prop company add name=数字物业 credit_code=911100001000112017")
            #expect(await harness.send("prop company show company=911100001000112017").field("id") == "\(digits)")
        }
    }

    @Test func badInputIsRefusedAndChangesNothing() async throws {
        try await PropertyFixture.with { (harness: ModuleHarness) async throws in
            let before: Int = try await harness.scalar("SELECT count(*)::int FROM property.companies")
            let wrong = await harness.send("prop company add name=错码物业 credit_code=91350100M000100Y44")
            #expect(wrong.status == 400)
            #expect(wrong.raw.contains("check character (place 18) should be 3, not 4"), "\(wrong)")
            let duplicate = await harness.send("prop company add name=又一个 credit_code=\(PropertyFixture.companyA)")
            #expect(duplicate.status == 409 && duplicate.raw.contains("credit_code: a company with this credit code"), "\(duplicate)")
            let badComplexCode = await harness.send("prop complex add code=1XQ name=一号院 address=x community=C1")
            #expect(badComplexCode.status == 400 && badComplexCode.raw.contains("code: a complex code starts with a letter"), "\(badComplexCode)")
            let wrongKind = await harness.send("prop company add name=社区物业 credit_code=91350982MA2XY0003F party_org=C1")
            #expect(wrongKind.status == 422, "\(wrongKind)")
            #expect(try await harness.scalar("SELECT count(*)::int FROM property.companies") == before)
        }
    }

    @Test func starRatingsKeepTheirHistoryAndCoverageGapsAreListed() async throws {
        try await PropertyFixture.with { (harness: ModuleHarness) async throws in
            #expect(
                await harness.send("prop company update company=\(PropertyFixture.companyA) stars=5").status == 400, "a new rating needs a reason")
            let updated = await harness.send("prop company update company=\(PropertyFixture.companyA) stars=5 reason=2026年度星级评定")
            #expect(updated.status == 200 && updated.field("stars") == "5", "\(updated)")
            let ratings: Int = try await harness.scalar("SELECT count(*)::int FROM property.star_ratings")
            #expect(ratings == 2)
            let gaps = await harness.send("prop company list covered=false")
            #expect(gaps.column("name") == ["金盾物业"], "\(gaps)")
            #expect(gaps.summary.contains("1 companies in all have no Party organisation"), "\(gaps)")
            #expect(await harness.send("prop company update company=\(PropertyFixture.companyB) party_org=HX").status == 200)
            #expect(await harness.send("prop company list covered=false").column("name").isEmpty)
            #expect(await harness.send("prop company update company=\(PropertyFixture.companyB) party_org=none").status == 200)
            #expect(await harness.send("prop company list scope=S2").column("name") == ["红心物业"])
        }
    }

    @Test func contractsOfAComplexNeverOverlap() async throws {
        try await PropertyFixture.with { (harness: ModuleHarness) async throws in
            let handed = await harness.send("prop complex assign complex=XQ1 company=\(PropertyFixture.companyB) from=2026-07-01")
            #expect(handed.status == 200, "\(handed)")
            #expect(handed.summary.contains("previous contract (红心物业) ends the day before"), "\(handed)")
            #expect(await harness.send("prop complex show complex=XQ1 on=2026-06-30").lines.contains("company: 红心物业"))
            #expect(await harness.send("prop complex show complex=XQ1 on=2026-07-01").lines.contains("company: 金盾物业"))
            // A contract starting on the same day as the current one would overlap it.
            let overlap = await harness.send("prop complex assign complex=XQ1 company=\(PropertyFixture.companyA) from=2026-07-01")
            #expect(overlap.status == 409 && overlap.raw.contains("overlaps another contract"), "\(overlap)")
            #expect(
                try await harness.scalar(
                    "SELECT count(*)::int FROM property.service_contracts WHERE complex_id = (SELECT id FROM property.complexes WHERE code = 'XQ1')")
                    == 2)
            let served = await harness.send("prop complex list served=true")
            #expect(served.column("code") == ["XQ1", "XQ2", "XQ3"], "\(served)")
            #expect(await harness.send("prop complex list company=\(PropertyFixture.companyB)").column("code") == ["XQ1", "XQ2"])
        }
    }

    @Test func complexesNameGridsOnlyWhenTheGridsModuleIsLoaded() async throws {
        try await PropertyFixture.with { (harness: ModuleHarness) async throws in
            let refused = await harness.send("prop complex add code=XQ9 name=无网格 address=x community=C1 grid=W1")
            #expect(refused.status == 400, "grid= is not an argument without the grids module: \(refused)")
        }
        try await PropertyFixture.with(grids: true) { (harness: ModuleHarness) async throws in
            _ = try await harness.create("grid add code=W1 name=幸福一网格 community=C1")
            _ = try await harness.create("grid add code=W3 name=和平一网格 community=C2")
            _ = try await harness.create("prop complex add code=XQ9 name=网格小区 address=x community=C1 grid=W1")
            #expect(await harness.send("prop complex list grid=W1").column("code") == ["XQ9"])
            let outside = await harness.send("prop complex add code=XQ8 name=错网格 address=x community=C1 grid=W3")
            #expect(outside.status == 422 && outside.raw.contains("belongs to community C2"), "\(outside)")
        }
    }

    @Test func crossAppointmentsAndTheComplexesThatLackOne() async throws {
        try await PropertyFixture.with { (harness: ModuleHarness) async throws in
            #expect(await harness.send("prop crossapp gaps").column("code") == ["XQ1", "XQ2", "XQ3"])
            let id = try await harness.create(
                "prop crossapp add complex=XQ1 name=王芳 side=complex_branch party_post=小区党支部书记 company_post=项目副经理 from=2026-03-01"
            )
            #expect(await harness.send("prop crossapp gaps").column("code") == ["XQ2", "XQ3"])
            #expect(await harness.send("prop crossapp gaps scope=S1").column("code") == ["XQ2"])
            let noBranch = await harness.send("prop crossapp add complex=XQ2 name=李强 side=complex_branch party_post=书记 company_post=经理")
            #expect(noBranch.status == 422, "\(noBranch)")
            let both = await harness.send("prop crossapp add complex=XQ2 member=1 name=李强 side=community party_post=委员 company_post=经理")
            #expect(both.status == 400 && both.raw.contains("name the person once"), "\(both)")
            // On the branch side, a Party member must belong to the complex's branch.
            let outsider = try await harness.create("org member add name=赵六 unit=C1 joined_on=2010-07-01")
            let notInBranch = await harness.send(
                "prop crossapp add complex=XQ1 member=\(outsider) side=complex_branch party_post=委员 company_post=经理 from=2026-05-01"
            )
            #expect(notInBranch.status == 422 && notInBranch.raw.contains("property.crossapp.member_not_in_branch"), "\(notInBranch)")
            let twice = await harness.send("prop crossapp add complex=XQ1 name=王芳 side=community party_post=委员 company_post=经理 from=2026-05-01")
            #expect(twice.status == 409, "\(twice)")
            #expect(await harness.send("prop crossapp end id=\(id) on=2026-09-01 reason=换届").status == 200)
            // An ended term is not silently re-dated: 409, or a correction with revise=true, audited.
            let again = await harness.send("prop crossapp end id=\(id) on=2026-10-01 reason=换届")
            #expect(again.status == 409 && again.raw.contains("already ended on 2026-09-01"), "\(again.raw)")
            #expect(await harness.send("prop crossapp list complex=XQ1").column("until") == ["2026-09-01"])
            let revised = await harness.send("prop crossapp end id=\(id) on=2026-08-31 reason=录入有误 revise=true")
            #expect(revised.status == 200 && revised.summary == "term's last day revised from 2026-09-01 to 2026-08-31", "\(revised.raw)")
            let audited: String = try await harness.scalar(
                "SELECT summary || ' / ' || (arguments->>'reason') FROM workbench.audit_log WHERE command = 'crossapp end' ORDER BY id DESC LIMIT 1"
            )
            #expect(audited == "term's last day revised from 2026-09-01 to 2026-08-31 / 录入有误")
            #expect(await harness.send("prop crossapp end id=\(id) on=2026-09-01 reason=恢复 revise=true").status == 200)
            #expect(await harness.send("prop crossapp gaps").column("code") == ["XQ1", "XQ2", "XQ3"])
            #expect(await harness.send("prop crossapp gaps on=2026-08-31").column("code") == ["XQ2", "XQ3"])
            #expect(await harness.send("prop crossapp list complex=XQ1").column("person") == ["王芳"])
            #expect(await harness.send("prop crossapp list current=true").rows.isEmpty)
            // A member of the complex's branch may sit on the branch side.
            let insider = try await harness.create("org member add name=钱七 unit=ZB1 joined_on=2012-07-01")
            _ = try await harness.create(
                "prop crossapp add complex=XQ1 member=\(insider) side=complex_branch party_post=委员 company_post=客服主管 from=2026-05-01"
            )
        }
    }

    @Test func aCrossAppointmentEndsWithItsCompanysContract() async throws {
        try await PropertyFixture.with { (harness: ModuleHarness) async throws in
            let id = try await harness.create(
                "prop crossapp add complex=XQ1 name=王芳 side=community party_post=社区党委委员 company_post=项目经理 from=2026-03-01"
            )
            #expect(await harness.send("prop crossapp gaps on=2026-06-30").column("code") == ["XQ2", "XQ3"])
            // Another company takes over: the old company's people no longer serve the complex.
            #expect(await harness.send("prop complex assign complex=XQ1 company=\(PropertyFixture.companyB) from=2026-07-01").status == 200)
            let list = await harness.send("prop crossapp list complex=XQ1")
            #expect(list.column("until") == ["2026-06-30"], "\(list)")
            let reason: String = try await harness.scalar("SELECT end_reason FROM property.cross_appointments WHERE id = $1", [id])
            #expect(reason.contains("service contract"))
            #expect(await harness.send("prop crossapp gaps on=2026-06-30").column("code") == ["XQ2", "XQ3"])
            #expect(await harness.send("prop crossapp gaps on=2026-07-01").column("code") == ["XQ1", "XQ2", "XQ3"])
            // The gap closes only with someone from the serving company.
            _ = try await harness.create(
                "prop crossapp add complex=XQ1 name=赵敏 side=community party_post=社区党委委员 company_post=项目经理 from=2026-07-01"
            )
            #expect(await harness.send("prop crossapp gaps on=2026-07-01").column("code") == ["XQ2", "XQ3"])
        }
    }

    @Test func projectsAreClaimedAndFollowedToTheirOutcome() async throws {
        try await PropertyFixture.with { (harness: ModuleHarness) async throws in
            let uncovered = await harness.send("prop project claim company=\(PropertyFixture.companyB) community=C2 title=楼道微更新")
            #expect(uncovered.status == 422 && uncovered.raw.contains("no Party organisation"), "\(uncovered)")
            let id = try await harness.create("prop project claim company=\(PropertyFixture.companyA) community=C1 title=楼道微更新 on=2026-04-01")
            #expect(await harness.send("prop project update id=\(id) status=completed").status == 400, "completed needs an outcome")
            #expect(await harness.send("prop project update id=\(id) status=in_progress").status == 200)
            #expect(await harness.send("prop project update id=\(id) status=completed outcome=完成12个楼道改造 on=2026-09-01").status == 200)
            let again = await harness.send("prop project update id=\(id) status=in_progress")
            #expect(again.status == 409 && again.raw.contains("it can move to nothing"), "\(again)")
            await #expect(throws: (any Error).self, "the database refuses the same move from raw SQL") {
                _ = try await harness.scalar("UPDATE property.projects SET status = 'in_progress' WHERE id = $1 RETURNING id", [id], as: Int64.self)
            }
            let listed = await harness.send("prop project list scope=S1 status=completed")
            #expect(listed.column("outcome") == ["完成12个楼道改造"], "\(listed)")
        }
    }
}
