import Foundation
import Testing
import WorkbenchTestSupport

/// `dangjian-bench` against the real daemon: seed a small district, drive a mixed load through
/// the control socket, run pgbench on the same cluster, and read the JSON report.
@Suite("dangjian-bench against the real daemon")
struct BenchEndToEndTests {
    private var bench: String { DaemonUnderTest.binDirectory + "/dangjian-bench" }

    @Test func seedThenRunAMixedLoadWithPgbench() async throws {
        let conninfo = try await TestCluster.makeDatabase()
        let daemon = try await DaemonUnderTest.start(conninfo: conninfo)
        let seeded = try await DaemonUnderTest.runLongTool(bench, ["seed", "--scale", "0.002", "--database", conninfo, "--as-of", "2026-11-21T09:00:00+08:00"])
        #expect(seeded.status == 0, "\(seeded.error)")
        #expect(seeded.output.contains("grids.cases") && seeded.output.contains("2,000"), "\(seeded.output)")

        // A second seed into the same database is refused with what to do.
        let again = try await DaemonUnderTest.runLongTool(bench, ["seed", "--scale", "0.002", "--database", conninfo])
        #expect(again.status != 0)
        #expect(again.error.contains("already loaded"))

        let directory = try TestCluster.makeTemporaryDirectory("dangjian-bench")
        let report = directory + "/report.json"
        let run = try await DaemonUnderTest.runLongTool(
            bench,
            [
                "run", "--database", conninfo, "--socket", daemon.socketPath, "--mix", "mixed", "--clients", "4", "--seconds", "2",
                "--warmup", "1", "--pipeline", "2", "--pgbench-scale", "1", "--output", report,
            ]
        )
        #expect(run.status == 0, "\(run.error)\(run.output)")
        #expect(run.output.contains("ratio dangjiand/pgbench") && run.output.contains("Targets:"), "\(run.output)")

        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])
        let daemonSide = try #require(json["daemon"] as? [String: Any])
        let pgbench = try #require(json["pgbench"] as? [String: Any])
        let answered = try #require(daemonSide["answered"] as? Int)
        #expect(answered > 0)
        #expect(json["succeeded"] as? Int == answered)
        #expect((json["errors"] as? [String: Int])?.isEmpty == true, "\(json["errors"] ?? "")")
        #expect((json["connectionFailures"] as? [String])?.isEmpty == true)
        #expect((pgbench["answered"] as? Int ?? 0) > 0)
        #expect((json["ratio"] as? Double ?? 0) > 0)
        let byCommand = try #require(json["daemonByCommand"] as? [String: Any])
        #expect(byCommand["org unit show"] != nil && byCommand["grid case show"] != nil)
        #expect(byCommand["grid case report"] != nil, "the mixed load reports cases: \(byCommand.keys.sorted())")
        #expect((json["idleResidentMegabytes"] as? Double ?? 0) > 1)
        let singles = try #require(json["singleCommands"] as? [[String: Any]])
        #expect(singles.count == 2)

        // The load really reached the database: the cases the clients reported are there,
        // with their audit rows.
        let status = try DaemonUnderTest.runTool(DaemonUnderTest.binDirectory + "/dangjianctl", ["--socket", daemon.socketPath, "grid", "case", "list", "limit=1", "after=2000"])
        #expect(status.status == 0)
        #expect(status.output.contains("GC-"), "\(status.output)")
        #expect(try await daemon.terminate() == 0)
    }

    @Test func runWithoutADatasetSaysWhatToDo() async throws {
        let conninfo = try await TestCluster.makeDatabase()
        let daemon = try await DaemonUnderTest.start(conninfo: conninfo)
        let run = try await DaemonUnderTest.runLongTool(bench, ["run", "--database", conninfo, "--socket", daemon.socketPath, "--seconds", "1", "--no-pgbench"])
        #expect(run.status != 0)
        #expect(run.error.contains("dangjian-bench seed"), "\(run.error)")
        #expect(try await daemon.terminate() == 0)
    }
}
