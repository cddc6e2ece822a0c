import Configuration
import Foundation
import Logging
import Testing
import WorkbenchKit
import WorkbenchTestSupport
@testable import PropertyModule

@Suite("Quarterly evaluations and the red/black list")
struct EvaluationAndRankingTests {
    /// Q3 2026 scripted: 红心物业 (A) has one complaint resolved on time in S1 and one resolved
    /// late in S2; 金盾物业 (B) none. A meets every positive item but P13 (94 points); B meets
    /// P01 and P02 (20) and violated N02 (−15). The clock ends on 2026-10-09, Q3 over.
    static func scriptedQuarter(_ body: (ModuleHarness, ManualClock) async throws -> Void) async throws {
        let clock = ManualClock(PropertyFixture.beijing("2026-08-03T10:00"))
        try await PropertyFixture.with(clock: clock) { (harness: ModuleHarness) async throws in
            _ = try await harness.create("prop complaint file complex=XQ1 severity=ordinary subject=电梯 description=停运")
            clock.set(PropertyFixture.beijing("2026-08-04T10:00"))
            #expect(await harness.send("prop complaint ack complaint=1").status == 200)
            #expect(await harness.send("prop complaint resolve complaint=1 note=已修复").field("clock") == "resolved on time")
            clock.set(PropertyFixture.beijing("2026-08-10T10:00"))
            _ = try await harness.create("prop complaint file complex=XQ3 severity=ordinary subject=绿化 description=树木倒伏")
            clock.set(PropertyFixture.beijing("2026-08-15T10:00"))
            #expect(await harness.send("prop complaint ack complaint=2").status == 200)
            #expect(await harness.send("prop complaint resolve complaint=2 note=已清理").field("clock") == "resolved late")
            clock.set(PropertyFixture.beijing("2026-10-09T09:00"))
            _ = try await harness.create(
                "prop eval record company=\(PropertyFixture.companyA) quarter=2026Q3 met=all except=P13 evidence=\"P01: 党支部按期换届; P04: 王芳交叉任职\""
            )
            _ = try await harness.create(
                "prop eval record company=\(PropertyFixture.companyB) quarter=2026q3 met=P01,P02 violated=N02 evidence=\"N02: 擅自上调停车费\"")
            try await body(harness, clock)
        }
    }

    @Test func anEvaluationShowsEveryItemAndTheComplaintFiguresBehindItsScore() async throws {
        try await Self.scriptedQuarter { harness, _ in
            let shown = await harness.send("prop eval show company=\(PropertyFixture.companyA) quarter=2026Q3")
            #expect(shown.status == 200, "\(shown)")
            let items = Dictionary(uniqueKeysWithValues: shown.section("items").map { ($0["item"]!, $0) })
            #expect(items["P01"]?["outcome"] == "met" && items["P01"]?["points"] == "12" && items["P01"]?["evidence"] == "党支部按期换届", "\(shown)")
            #expect(items["P13"]?["outcome"] == "not_met" && items["P13"]?["points"] == "0", "\(shown)")
            #expect(items["N06"]?["outcome"] == "clear" && items["N06"]?["kind"] == "negative", "\(shown)")
            #expect(shown.field("positive_points") == "94" && shown.field("positive_total") == "100", "\(shown)")
            #expect(shown.field("complaints_filed") == "2" && shown.field("complaints_decided") == "2" && shown.field("complaints_on_time") == "1")
            #expect(shown.field("score") == "80.8" && shown.field("list") == "middle" && shown.summary.contains("as of now"), "\(shown)")
            let b = await harness.send("prop eval show company=\(PropertyFixture.companyB) quarter=2026Q3")
            #expect(
                b.field("deductions") == "15" && b.field("checklist_score") == "5" && b.field("score") == "33.5" && b.field("list") == "black", "\(b)"
            )
            #expect(b.section("items").first { $0["item"] == "N02" }?["points"] == "-15", "\(b)")
        }
    }

    @Test func aCompanyThatMetNoPositiveItemIsEvaluatedAndCodesIgnoreCase() async throws {
        try await Self.scriptedQuarter { harness, _ in
            let none = await harness.send("prop eval record company=\(PropertyFixture.companyA) quarter=2026Q2 met=none violated=n02")
            #expect(none.status == 201, "\(none)")
            let id = try #require(none.field("id"))
            let shown = await harness.send("prop eval show evaluation=\(id)")
            #expect(shown.raw.contains("N02"), "\(shown)")
            let lower = await harness.send(
                "prop eval record company=\(PropertyFixture.companyA) quarter=2026Q2 met=p01,p02 revise=true evidence=\"p01: 台账齐全\"")
            #expect(lower.status == 201, "item codes in any case: \(lower)")
            let met: Int = try await harness.scalar(
                "SELECT count(*)::int FROM property.evaluation_items i JOIN property.evaluations e ON e.id = i.evaluation_id "
                    + "WHERE e.id = $1 AND i.outcome = 'met'", [Int64(try #require(lower.field("id")))!]
            )
            #expect(met == 2)
        }
    }

    @Test func mistakesAreRefusedNamingTheProblemAndChangeNothing() async throws {
        try await Self.scriptedQuarter { harness, _ in
            let before: Int = try await harness.scalar("SELECT count(*)::int FROM property.evaluations")
            let unknown = await harness.send("prop eval record company=\(PropertyFixture.companyA) quarter=2026Q2 met=P01,P99")
            #expect(unknown.status == 400 && unknown.raw.contains("P99 is not an item of checklist 2026.1"), "\(unknown)")
            let kind = await harness.send("prop eval record company=\(PropertyFixture.companyA) quarter=2026Q2 met=P01,N01")
            #expect(kind.status == 400 && kind.raw.contains("N01 is a negative item; list it under violated="), "\(kind)")
            let evidence = await harness.send("prop eval record company=\(PropertyFixture.companyA) quarter=2026Q2 met=P01 evidence=\"X9: 无\"")
            #expect(evidence.status == 400 && evidence.raw.contains("X9 is not an item"), "\(evidence)")
            let form = await harness.send("prop eval record company=\(PropertyFixture.companyA) quarter=2026-3 met=all")
            #expect(form.status == 400 && form.raw.contains("'2026-3' is not a quarter; write the year, Q and 1-4, e.g. 2026Q3"), "\(form)")
            #expect(await harness.send("prop ranking quarter=Q3").status == 400)
            let absurd = await harness.send("prop ranking quarter=1999Q1")
            #expect(absurd.status == 400 && absurd.raw.contains("quarter=1999Q1 is out of range: quarters run from 2000Q1 to 2100Q4"), "\(absurd)")
            let future = await harness.send("prop eval record company=\(PropertyFixture.companyA) quarter=2027Q1 met=all")
            #expect(future.status == 422, "\(future)")
            let twice = await harness.send("prop eval record company=\(PropertyFixture.companyA) quarter=2026Q3 met=all")
            #expect(twice.status == 409 && twice.raw.contains("revise=true"), "\(twice)")
            // An error in except= is blamed on except=.
            let except = await harness.send("prop eval record company=\(PropertyFixture.companyA) quarter=2026Q2 met=all except=P99 --json")
            #expect(except.raw.contains(#""argument":"except""#) && except.raw.contains("P99 is not an item"), "\(except)")
            #expect(try await harness.scalar("SELECT count(*)::int FROM property.evaluations") == before)
            // Raw edits of an evaluation are refused: a correction supersedes it.
            await #expect(throws: (any Error).self) {
                let _: Int = try await harness.scalar(
                    "WITH u AS (UPDATE property.evaluations SET quarter = '2026Q2' RETURNING id) SELECT count(*)::int FROM u")
            }
        }
    }

    @Test func theListIsComputedByTheFormulaInEveryScope() async throws {
        try await Self.scriptedQuarter { harness, _ in
            let all = await harness.send("prop ranking quarter=2026Q3")
            #expect(all.column("company", in: "entries") == ["红心物业", "金盾物业"], "\(all)")
            #expect(all.column("score", in: "entries") == ["80.8", "33.5"])
            #expect(all.column("list", in: "entries") == ["middle", "black"])
            #expect(all.column("complaints_on_time", in: "entries") == ["1", "0"] && all.column("complaints_decided", in: "entries") == ["2", "0"])
            #expect(all.column("violated", in: "entries") == ["", "N02"] && all.column("met", in: "entries").last == "P01,P02")
            #expect(all.summary.contains("0 red, 1 black, 1 middle, 0 not evaluated"), "\(all)")
            // In S1 红心物业's complaints there were all on time; in S2 none was.
            let s1 = await harness.send("prop ranking quarter=2026Q3 scope=S1")
            #expect(s1.column("score", in: "entries") == ["95.8", "33.5"] && s1.column("list", in: "entries") == ["red", "black"], "\(s1)")
            let s2 = await harness.send("prop ranking quarter=2026Q3 scope=S2")
            #expect(s2.column("company", in: "entries") == ["红心物业"] && s2.column("score", in: "entries") == ["65.8"], "\(s2)")
        }
    }

    @Test func aPublishedListIsFrozen() async throws {
        try await Self.scriptedQuarter { harness, clock in
            let early = await harness.send("prop ranking publish quarter=2026Q4")
            #expect(early.status == 422 && early.raw.contains("runs until 2027-01-01"), "\(early)")
            let published = await harness.send("prop ranking publish quarter=2026Q3 scope=S1")
            #expect(published.status == 201, "\(published)")
            let frozen = await harness.send("prop ranking show quarter=2026Q3 scope=S1")
            #expect(frozen.column("score", in: "entries") == ["95.8", "33.5"], "\(frozen)")
            // Later edits: a revised evaluation for 红心物业 and a late Q3 complaint against it.
            _ = try await harness.create("prop eval record company=\(PropertyFixture.companyA) quarter=2026Q3 met=P01 revise=true")
            _ = try await harness.create("prop complaint file complex=XQ1 severity=ordinary subject=电梯 description=补录 at=2026-09-20T10:00")
            clock.advance(by: 3600)
            let live = await harness.send("prop ranking quarter=2026Q3 scope=S1")
            #expect(live.column("score", in: "entries").first != "95.8", "\(live)")
            let still = await harness.send("prop ranking show quarter=2026Q3 scope=S1")
            #expect(still.section("entries") == frozen.section("entries") && !still.section("entries").isEmpty, "\(still)")
            #expect(still.field("published_by") != nil && still.field("published") == "true", "\(still)")
            #expect(still.summary.contains("1 red, 1 black") && still.summary.contains("score = 0.7 × checklist"), "\(still)")
            let again = await harness.send("prop ranking publish quarter=2026Q3 scope=S1")
            #expect(again.status == 409, "\(again)")
            #expect(await harness.send("prop ranking show quarter=2026Q3").status == 404, "nothing published without a scope")
            await #expect(throws: (any Error).self) {
                let _: Int = try await harness.scalar(
                    "WITH u AS (UPDATE property.ranking_entries SET score = 100 RETURNING rank) SELECT count(*)::int FROM u")
            }
            // The superseded evaluation stays, and the list still points at it.
            let evaluations = await harness.send("prop eval list quarter=2026Q3 superseded=true")
            #expect(evaluations.rows.count == 3 && evaluations.column("superseded_by").filter { !$0.isEmpty }.count == 1, "\(evaluations)")
            #expect(await harness.send("prop eval list quarter=2026Q3").rows.count == 2)
        }
    }

    @Test func aChecklistVersionCannotChangeItsItems() async throws {
        try await PropertyFixture.with { (harness: ModuleHarness) async throws in
            func context(_ values: [AbsoluteConfigKey: ConfigValue]) -> ModuleContext {
                ModuleContext(
                    config: ConfigReader(provider: InMemoryProvider(values: values)), logger: Logger(label: "test"), database: harness.pool,
                    clock: SystemClock(), timeZone: TimeZone(identifier: "Asia/Shanghai")!
                )
            }
            let changed: [AbsoluteConfigKey: ConfigValue] = [
                "checklist.version": .init(.string("2026.1"), isSecret: false),
                "checklist.positive": .init(.stringArray(["P01 100 只有一项"]), isSecret: false),
            ]
            let error = await #expect(throws: ModuleSettingsError.self) { _ = try await PropertyModule(context: context(changed)) }
            #expect(error?.description.contains("version 2026.1 is already recorded with other items") == true, "\(String(describing: error))")
            var renamed = changed
            renamed["checklist.version"] = .init(.string("2027.1"), isSecret: false)
            _ = try await PropertyModule(context: context(renamed))
            #expect(try await harness.scalar("SELECT count(*)::int FROM property.checklist_items WHERE version = '2027.1'") == 1)
        }
    }
}
