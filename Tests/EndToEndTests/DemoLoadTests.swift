import Foundation
import Testing
import WorkbenchTestSupport

/// `dangjianctl demo load`: the shipped demo district loads into a real daemon through the
/// modules' imports and its script, every module's lists show it, and a second load stops.
@Suite("The demo district, every module", .serialized)
struct DemoLoadTests {
    /// The shipped demo (this file is Tests/EndToEndTests/…).
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("demo/shizhong").path
    private var client: String { DaemonUnderTest.binDirectory + "/dangjianctl" }

    @Test func theDemoLoadsOnceAndEveryModuleShowsIt() async throws {
        let daemon = try await DaemonUnderTest.start()
        defer { Task { _ = try? await daemon.terminate() } }
        let socket = ["--socket", daemon.socketPath]
        let loaded = try await DaemonUnderTest.runTool(client, socket + ["demo", "load", Self.demo])
        #expect(loaded.status == 0, "\(loaded)")
        for register in ["73 organisations", "88 members", "24 grids", "48 households", "4 companies", "8 complexes", "8 stations"] {
            #expect(loaded.output.contains("imported \(register)"), "\(register): \(loaded.output)")
        }
        #expect(loaded.output.contains("demo loaded:"), "\(loaded.output)")

        func rows(_ words: String) async throws -> [[String: String]] {
            let reply = try await DaemonUnderTest.runTool(client, socket + ["--raw"] + words.split(separator: " ").map(String.init))
            #expect(reply.status == 0, "\(words): \(reply)")
            return ReplyText(reply.output).rows
        }
        // Every module's lists hold the demo.
        for list in [
            "org unit list under=SZQ limit=100", "org member list under=SZQ limit=100", "org report list community=SZQ-ZXJ-01",
            "org seat list committee=SZQ", "org pair list", "org project list", "org venue list", "grid list scope=SZQ limit=100",
            "grid household list scope=SZQ limit=100", "grid assignments", "grid patrol list", "prop company list", "prop complex list",
            "prop crossapp list", "prop project list", "prop complaint list", "prop eval list", "station list", "station visits",
            "consult topic list", "consult session list", "consult action list", "consult team list", "consult volunteer list",
            "consult order list", "gov body list", "gov meeting list", "gov task list", "gov checklist list", "gov assessment list",
        ] {
            #expect(try await !rows(list).isEmpty, "\(list) shows nothing")
        }
        let statuses = Set(try await rows("grid case list scope=SZQ").map { $0["status"] ?? "" })
        #expect(statuses == ["reported", "accepted", "in_progress", "resolved", "closed", "cancelled"], "\(statuses)")
        #expect(try await rows("grid case list scope=SZQ").contains { $0["level"]?.hasPrefix("department") == true })
        #expect(try await rows("grid case overdue scope=SZQ").count >= 1)
        #expect(try await rows("prop complaint overdue").count >= 2)
        let complaintStatuses = Set(try await rows("prop complaint list").map { $0["status"] ?? "" })
        #expect(complaintStatuses.isSuperset(of: ["filed", "acknowledged", "resolved", "closed"]), "\(complaintStatuses)")
        let orders = Set(try await rows("consult order list").map { $0["status"] ?? "" })
        #expect(orders.count == 3, "\(orders)")
        // Joint meetings: the monthly street that held none is a gap; the department's task is overdue.
        #expect(try await rows("gov task overdue").count == 1)
        let report = try await DaemonUnderTest.runTool(client, socket + ["--raw", "gov", "compliance", "scope=SZQ"])
        #expect(ReplyText(report.output).column("organisation", in: "gaps").contains("SZQ-WHL"), "\(report)")
        // The service station's 500-metre circle over its community's located households.
        let circle = try await DaemonUnderTest.runTool(
            client, socket + ["station", "coverage", "scope=SZQ-ZXJ-01", "of=households", "serving=residents", "metres=500"])
        #expect(circle.status == 0 && circle.output.contains("households within 500 m of an open Party-mass service centre"), "\(circle)")

        // Last quarter's red/black list is published, with a red and a black company.
        let published = try await DaemonUnderTest.runTool(
            client, socket + ["--raw", "prop", "ranking", "show", "quarter=\(Self.lastQuarter)", "scope=SZQ"])
        let ranking = ReplyText(published.output)
        #expect(ranking.field("published") == "true", "\(published)")
        #expect(Set(ranking.column("list", in: "entries")).isSuperset(of: ["red", "black"]), "\(published)")

        let again = try await DaemonUnderTest.runTool(client, socket + ["demo", "load", Self.demo])
        #expect(again.status == 1 && again.error.contains("the demo is already loaded"), "\(again)")
    }

    @Test func aMisspelledScriptLineIsNamedAndTheLoadStops() async throws {
        let daemon = try await DaemonUnderTest.start()
        defer { Task { _ = try? await daemon.terminate() } }
        let directory = try TestCluster.makeTemporaryDirectory("dangjian-demo")
        try "org unit add code=D1 name=测试区委 kind=district\n@d org unit show unit=D1\norg unit add code=S1 name=街道 kind=strete parent=${d}\n"
            .write(toFile: directory + "/demo.script", atomically: true, encoding: .utf8)
        let failed = try await DaemonUnderTest.runTool(client, ["--socket", daemon.socketPath, "demo", "load", directory])
        #expect(failed.status == 1, "\(failed)")
        #expect(failed.error.contains("demo.script:3: 'org unit add code=S1 name=街道 kind=strete parent=1' was refused: 400"), "\(failed)")
    }

    /// The quarter before today's, as the script's `${quarter-1}` gives it.
    static var lastQuarter: String {
        let parts = Calendar.current.dateComponents([.year, .month], from: Date())
        let index = parts.year! * 4 + (parts.month! - 1) / 3 - 1
        return "\(index / 4)Q\(index % 4 + 1)"
    }
}
