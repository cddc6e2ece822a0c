import Foundation
import Testing
import WorkbenchPostgres
import WorkbenchTestSupport

/// `dangjian-bench` against the real daemon: seed a small district, capture the statements the
/// daemon executes for the mix, drive a mixed load through the control socket, run pgbench on
/// the same cluster (built-in scripts and the captured statements), the daemon's ping and a
/// private Redis server's PING, and read the JSON report.
@Suite("dangjian-bench against the real daemon")
struct BenchEndToEndTests {
    private var bench: String { DaemonUnderTest.binDirectory + "/dangjian-bench" }

    @Test func seedThenRunAMixedLoadWithPgbench() async throws {
        let conninfo = try await TestCluster.makeDatabase()
        let daemon = try await DaemonUnderTest.start(conninfo: conninfo)
        let seeded = try await DaemonUnderTest.runLongTool(
            bench, ["seed", "--scale", "0.002", "--database", conninfo, "--as-of", "2026-11-21T09:00:00+08:00"])
        #expect(seeded.status == 0, "\(seeded.error)")
        #expect(seeded.output.contains("grids.cases") && seeded.output.contains("2,000"), "\(seeded.output)")

        // A second seed into the same database is refused with what to do.
        let again = try await DaemonUnderTest.runLongTool(bench, ["seed", "--scale", "0.002", "--database", conninfo])
        #expect(again.status != 0)
        #expect(again.error.contains("already loaded"))

        let directory = try TestCluster.makeTemporaryDirectory("dangjian-bench")
        let report = directory + "/report.json"
        let scriptsDirectory = directory + "/scripts"
        let run = try await DaemonUnderTest.runLongTool(
            bench,
            [
                "run", "--database", conninfo, "--socket", daemon.socketPath, "--mix", "mixed", "--clients", "4", "--seconds", "2",
                "--warmup", "1", "--pipeline", "2", "--pgbench-scale", "1", "--same-work-samples", "2", "--save-scripts", scriptsDirectory,
                "--output", report,
            ]
        )
        #expect(run.status == 0, "\(run.error)\(run.output)")
        #expect(run.output.contains("ratio dangjiand/pgbench") && run.output.contains("Targets:"), "\(run.output)")
        #expect(run.output.contains("ratio dangjiand/pgbench, the mix's own statements"), "\(run.output)")

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
        #expect(singles.count == 4)
        #expect((json["daemonCPUMicrosecondsPerCommand"] as? Double ?? 0) > 0)
        #expect((json["contextSwitchesPerCommand"] as? Double ?? 0) > 0)
        #expect((json["idleAfterLoadResidentMegabytes"] as? Double ?? 0) > 1)

        // pgbench replayed the statements captured from the daemon: reads, and case lifecycles
        // that take their new case's id with \gset, without a failed transaction (pgbench
        // stops a client on an error, and the run fails).
        let sameWork = try #require(json["sameWork"] as? [String: Any], "\(run.output)")
        #expect(sameWork["scriptCount"] as? Int == 4 * 2 + 2)
        #expect((sameWork["commandsPerSecond"] as? Double ?? 0) > 0)
        #expect((sameWork["capturedStatements"] as? Int ?? 0) > (sameWork["capturedCommands"] as? Int ?? 0))
        #expect((json["sameWorkRatio"] as? Double ?? 0) > 0)
        let scripts = try FileManager.default.contentsOfDirectory(atPath: scriptsDirectory).filter { $0.hasSuffix(".sql") }.sorted()
        let texts = try scripts.map { try String(contentsOfFile: scriptsDirectory + "/" + $0, encoding: .utf8) }
        #expect(texts.filter { $0.contains("\\gset u") && $0.contains("INSERT INTO grids.cases") }.count == 2, "\(texts.last ?? "")")
        #expect(texts.filter { $0.contains("grids.case_events") && $0.contains("COMMIT;") }.count == 2)
        #expect(texts.contains { $0.contains("organizations.units") && !$0.contains("BEGIN") })

        // The transport reference ran through the same clients; Redis where it is installed.
        let transport = try #require(json["transport"] as? [String: Any])
        #expect(((transport["daemonPing"] as? [String: Any])?["answered"] as? Int ?? 0) > 0)
        if (try? DaemonUnderTest.tool("redis-server", package: "redis-server")) != nil {
            #expect(((transport["redisPing"] as? [String: Any])?["answered"] as? Int ?? 0) > 0, "\(transport)")
            #expect((transport["ratio"] as? Double ?? 0) > 0)
        }

        // Statement logging is off again on the cluster.
        let prefix = try await TestCluster.withPool(size: 1) { pool, _ in
            try await pool.withConnection { session in
                try await session.query(PostgresStatement(unnamed: "SELECT current_setting('log_line_prefix')"), []).single().decode(
                    at: 0, as: String.self)
            }
        }
        #expect(!prefix.hasPrefix("djcap|"), "\(prefix)")

        // The load really reached the database: the cases the clients reported are there,
        // with their audit rows.
        let status = try await DaemonUnderTest.runTool(
            DaemonUnderTest.binDirectory + "/dangjianctl", ["--socket", daemon.socketPath, "grid", "case", "list", "limit=1", "after=2000"])
        #expect(status.status == 0)
        #expect(status.output.contains("GC-"), "\(status.output)")
        #expect(try await daemon.terminate() == 0)
    }

    @Test func runWithoutADatasetSaysWhatToDo() async throws {
        let conninfo = try await TestCluster.makeDatabase()
        let daemon = try await DaemonUnderTest.start(conninfo: conninfo)
        let run = try await DaemonUnderTest.runLongTool(
            bench, ["run", "--database", conninfo, "--socket", daemon.socketPath, "--seconds", "1", "--no-pgbench"])
        #expect(run.status != 0)
        #expect(run.error.contains("dangjian-bench seed"), "\(run.error)")
        #expect(try await daemon.terminate() == 0)
    }
}
