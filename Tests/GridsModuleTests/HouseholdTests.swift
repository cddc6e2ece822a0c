import Foundation
import Testing
import WorkbenchKit
import WorkbenchTestSupport
@testable import GridsModule

@Suite("Households 一户一档 against a real database")
struct HouseholdTests {
    @Test func namesKeepTheirFirstCharacter() {
        #expect(PersonNameMask.masked("王小明") == "王**")
        #expect(PersonNameMask.masked("欧阳娜娜") == "欧***")
        #expect(PersonNameMask.masked("李娜") == "李*")
        #expect(PersonNameMask.masked("王") == "王*")
        #expect(PersonNameMask.masked("") == "")
    }

    @Test func tagsAreReadAgainstTheConfiguredList() throws {
        let allowed = GridsSettings.defaultHouseholdTags
        #expect(try HouseholdTags.parse("独居老人, 困难家庭，独居老人、低保户", allowed: allowed, argument: "tags") == ["独居老人", "困难家庭", "低保户"])
        #expect(throws: WorkbenchError.self) { try HouseholdTags.parse("独居老人,外星人", allowed: allowed, argument: "tags") }
    }

    @Test func householdsAreAddedShownListedAndVisited() async throws {
        try await GridsFixture.with(clock: ManualClock(GridsFixture.monday)) { (harness: ModuleHarness) async throws in
            let added = await harness.send("grid household add grid=W1 address=幸福路1号101室 head=王小明 phone=13900001111 tags=独居老人,高龄老人 note=行动不便")
            #expect(added.status == 201 && added.field("grid") == "W1" && added.field("size") == "1", "\(added)")
            let id = try #require(added.field("id"))
            let other = try await harness.create("grid household add grid=W2 address=幸福路2号 head=李四 size=4 tags=困难家庭")
            let far = try await harness.create("grid household add grid=W3 address=和平路9号 head=赵六 size=2")

            #expect(try await harness.create("grid household visit household=\(id) on=2026-05-01 visitor=李娜 note=初次走访") > 0)
            let visit = await harness.send("grid household visit household=\(id) visitor=李娜 note=\"身体尚好, 独自居住\" needs=助餐 follow_up=true")
            #expect(visit.status == 201 && visit.field("visited_on") == "2026-05-11" && visit.field("follow_up") == "true", "\(visit)")

            let show = await harness.send("grid household show household=\(id)", as: .admin)
            #expect(show.status == 200 && show.field("head") == "王小明" && show.field("phone") == "13900001111", "\(show)")
            #expect(show.field("tags") == "独居老人,高龄老人" && show.field("note") == "行动不便" && show.field("address") == "幸福路1号101室")
            let visits = show.section("visits")
            #expect(visits.count == 2, "\(show)")
            #expect(visits[0]["visited_on"] == "2026-05-11" && visits[0]["note"] == "身体尚好, 独自居住" && visits[0]["needs"] == "助餐", "\(show)")
            #expect(visits[0]["follow_up"] == "true" && visits[1]["follow_up"] == "false")
            #expect(visits[1]["visited_on"] == "2026-05-01" && visits[1]["note"] == "初次走访" && visits[1]["visitor"] == "李娜")
            #expect(show.summary.contains("2 visits"))
            #expect(await harness.send("grid household show household=999").status == 404)

            let list = await harness.send("grid household list", as: .admin)
            #expect(list.column("id") == [id, String(other), String(far)], "\(list)")
            #expect(list.rows[0]["last_visit"] == "2026-05-11" && list.rows[0]["follow_up"] == "true" && list.rows[1]["last_visit"] == "")
            #expect(await harness.send("grid household list grid=L2").column("grid") == ["W1", "W2"], "subtree of L2")
            #expect(await harness.send("grid household list scope=C2").column("grid") == ["W3"])
            #expect(await harness.send("grid household list tag=独居老人").column("id") == [id])
            #expect(await harness.send("grid household list tag=外星人").status == 400)
            #expect(await harness.send("grid household list address=路2").column("id") == [String(other)])
            #expect(await harness.send("grid household list follow_up=true").column("id") == [id])

            let updated = await harness.send("grid household update household=\(other) size=5 tags=none phone=13700002222", as: .admin)
            #expect(
                updated.status == 200 && updated.field("size") == "5" && updated.field("tags") == "" && updated.field("phone") == "13700002222",
                "\(updated)")
            #expect(await harness.send("grid household update household=\(other)").status == 400, "nothing to change")
            #expect(await harness.send("grid household update household=\(other) tags=外星人").status == 400)
        }
    }

    @Test func headOfHouseholdIsMaskedBelowAdmin() async throws {
        try await GridsFixture.with { (harness: ModuleHarness) async throws in
            let id = try await harness.create("grid household add grid=W1 address=幸福路1号101室 head=王小明 phone=13900001111")
            for role in [ModuleHarness.As.viewer, .operator] {
                let show = await harness.send("grid household show household=\(id)", as: role)
                #expect(show.field("head") == "王**" && show.field("phone") == "139****1111", "\(show)")
                let list = await harness.send("grid household list", as: role)
                #expect(list.column("head") == ["王**"] && list.column("phone") == ["139****1111"], "\(list)")
            }
            let admin = await harness.send("grid household list", as: .admin)
            #expect(admin.column("head") == ["王小明"] && admin.column("phone") == ["13900001111"])
        }
    }

    @Test func badInputChangesNothing() async throws {
        try await GridsFixture.with(clock: ManualClock(GridsFixture.monday)) { (harness: ModuleHarness) async throws in
            let unknown = await harness.send("grid household add grid=W1 address=幸福路1号 head=王小明 tags=独居老人,外星人")
            #expect(unknown.status == 400 && unknown.raw.contains("外星人") && unknown.raw.contains("困难家庭"), "\(unknown)")
            #expect(unknown.raw.contains("grids.household.unknown_tag"))
            #expect(try await harness.scalar("SELECT count(*) FROM grids.households", as: Int.self) == 0)
            #expect(await harness.send("grid household add grid=W1 address=幸福路1号 head=王小明 size=0").status == 400)
            #expect(await harness.send("grid household add grid=W1 address=幸福路1号 head=王小明 phone=abc").status == 400)

            let id = try await harness.create("grid household add grid=W1 address=幸福路1号 head=王小明")
            let duplicate = await harness.send("grid household add grid=W1 address=幸福路1号 head=李四")
            #expect(duplicate.status == 409, "\(duplicate)")
            #expect(await harness.send("grid household add grid=W2 address=幸福路1号 head=李四").status == 201, "same address, other grid")
            #expect(try await harness.scalar("SELECT count(*) FROM grids.households", as: Int.self) == 2)

            let future = await harness.send("grid household visit household=\(id) on=tomorrow visitor=李娜 note=走访")
            #expect(future.status == 400 && future.raw.contains("grids.household.future_visit"), "\(future)")
            #expect(await harness.send("grid household visit household=999 visitor=李娜 note=走访").status == 404)
            #expect(try await harness.scalar("SELECT count(*) FROM grids.household_visits", as: Int.self) == 0)
        }
    }

    @Test func listsPage() async throws {
        try await GridsFixture.with { (harness: ModuleHarness) async throws in
            let first = try await harness.create("grid household add grid=W1 address=幸福路1号 head=王小明")
            let second = try await harness.create("grid household add grid=W1 address=幸福路2号 head=李四")
            let page = await harness.send("grid household list limit=1")
            #expect(page.column("id") == [String(first)] && page.summary.contains("more with after=\(first)"), "\(page)")
            let next = await harness.send("grid household list limit=1 after=\(first)")
            #expect(next.column("id") == [String(second)] && next.summary == "1 row", "\(next)")
        }
    }
}
