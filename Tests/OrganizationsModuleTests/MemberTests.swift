import Testing
import WorkbenchTestSupport
@testable import OrganizationsModule

@Suite("Members against a real database")
struct MemberTests {
    @Test func phonesAreMaskedInListsBelowAdminAndInShowForViewers() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            let id = try await OrganizationsFixture.member(harness, "王芳", unit: "G1", extra: "residence=C1 work_unit=区人民医院")
            #expect(await harness.send("org member list unit=G1", as: .viewer).column("phone") == ["138****1234"])
            #expect(await harness.send("org member list unit=G1", as: .operator).column("phone") == ["138****1234"])
            #expect(await harness.send("org member list unit=G1", as: .admin).column("phone") == ["13812341234"])
            #expect(await harness.send("org member show member=\(id)", as: .viewer).field("phone") == "138****1234")
            #expect(await harness.send("org member show member=\(id)", as: .operator).field("phone") == "13812341234")
            let show = await harness.send("org member show member=\(id)")
            #expect(show.field("residence") == "C1" && show.field("work_unit") == "区人民医院")
        }
    }

    @Test func transfersKeepTheirHistoryAndLeavingEndsChanges() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            let id = try await OrganizationsFixture.member(harness, "李强", unit: "G1")
            #expect(await harness.send("org member transfer member=\(id) to=C3 on=2020-05-01 reason=搬家").status == 200)
            #expect(await harness.send("org member transfer member=\(id) to=C3").status == 409)
            #expect(await harness.send("org member transfer member=\(id) to=C1 on=2001-01-01").status == 400, "before joining")
            #expect(await harness.send("org member transfer member=\(id) to=S1 on=2021-05-01").status == 200)
            let show = await harness.send("org member show member=\(id)")
            #expect(show.field("unit") == "S1")
            let transfers = show.section("transfers")
            #expect(transfers.map { [$0["on"], $0["from"], $0["to"]] } == [["2020-05-01", "G1", "C3"], ["2021-05-01", "C3", "S1"]], "\(show)")
            #expect(transfers.first?["reason"] == "搬家")
            // A transfer is recorded when it happens, never ahead.
            #expect(await harness.send("org member transfer member=\(id) to=C1 on=tomorrow").status == 400)
            #expect(await harness.send("org member leave member=\(id) reason=transferred_out on=2022-01-01").status == 200)
            let again = await harness.send("org member transfer member=\(id) to=C1")
            #expect(again.status == 422 && again.raw.contains("organizations.member.left"))
            #expect(await harness.send("org member list under=D1").rows.isEmpty)
            #expect(await harness.send("org member list under=D1 state=left").column("name") == ["李强"])
        }
    }

    @Test func listFilters() async throws {
        try await OrganizationsFixture.with { (harness: ModuleHarness) async throws in
            _ = try await OrganizationsFixture.member(harness, "甲一", unit: "G1", extra: "status=probationary")
            _ = try await OrganizationsFixture.member(harness, "乙二", unit: "C3", extra: "mobile=true residence=C1")
            _ = try await OrganizationsFixture.member(harness, "丙三", unit: "B1")
            #expect(await harness.send("org member list under=C1").column("name") == ["甲一", "丙三"])
            #expect(await harness.send("org member list status=probationary").column("name") == ["甲一"])
            #expect(await harness.send("org member list mobile=true").column("name") == ["乙二"])
            #expect(await harness.send("org member list residence=C1").column("name") == ["乙二"])
            #expect(await harness.send("org member list name=三").column("name") == ["丙三"])
            #expect(await harness.send("org member add name=某 unit=G1 residence=S1").status == 422, "residence must be a community")
            #expect(await harness.send("org member add name=某 unit=G1 status=member").status == 400)
            // Joining the Party is a past event: a late entry is fine, an entry ahead of time is not.
            let ahead = await harness.send("org member add name=某 unit=G1 joined_on=tomorrow")
            #expect(ahead.status == 400 && ahead.raw.contains("joined_on"), "\(ahead.raw)")
            #expect(await harness.send("org member add name=某某 unit=G1 joined_on=1985-07-01").status == 201)
        }
    }
}
