import Foundation
import Testing
import WorkbenchTestSupport

@Suite("dangjianctl against the real daemon", .serialized)
struct DangjianctlEndToEndTests {
    private var client: String { DaemonUnderTest.binDirectory + "/dangjianctl" }

    @Test func exitStatusFollowsTheReply() async throws {
        let daemon = try await DaemonUnderTest.start()
        let ping = try await DaemonUnderTest.runTool(client, ["--socket", daemon.socketPath, "ping"])
        #expect(ping.status == 0)
        #expect(ping.output.contains("pong"))
        let unknown = try await DaemonUnderTest.runTool(client, ["--socket", daemon.socketPath, "bogus", "words"])
        #expect(unknown.status == 1)
        #expect(unknown.error.contains("401 command.unknown"))
        let json = try await DaemonUnderTest.runTool(client, ["--socket", daemon.socketPath, "--json", "whoami"])
        #expect(json.status == 0)
        #expect(json.output.hasPrefix(#"{"record":{"user":"#))
        // Words with blanks are quoted for the user: the daemon sees one argument.
        let quoted = try await DaemonUnderTest.runTool(client, ["--socket", daemon.socketPath, "help", "audit", "tail", "n=第一 网格"])
        #expect(quoted.status == 1)
        #expect(quoted.error.contains("no module or command 'audit tail n=第一 网格'"))
        let batch = try await DaemonUnderTest.runTool(client, ["--socket", daemon.socketPath], input: "ping\n# a comment\n\nversion\n")
        #expect(batch.status == 0)
        #expect(batch.output.contains("pong") && batch.output.contains("protocol"))
        #expect(try await daemon.terminate() == 0)
    }

    /// A list exported with --all holds every page's rows; the CSV opens in Python's csv
    /// module, the workbook in openpyxl, both with the domain's column names.
    @Test func aListExportsAllItsPagesAsCSVAndXLSX() async throws {
        let daemon = try await DaemonUnderTest.start()
        let socket = ["--socket", daemon.socketPath]
        var lines = "org unit add code=D1 name=区委 kind=district\n"
        for index in 1...7 { lines += "org unit add code=S\(index) name=\"第\(index)街道\" kind=street parent=D1\n" }
        let added = try await DaemonUnderTest.runTool(client, socket, input: lines)
        #expect(added.status == 0, "\(added.error)")
        let directory = try TestCluster.makeTemporaryDirectory("dangjian-export")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let csv = try await DaemonUnderTest.runTool(client, socket + ["-o", directory + "/units.csv", "--all", "org", "unit", "list", "limit=3"])
        #expect(csv.status == 0 && csv.output.contains("(csv, 8 rows from 3 pages)"), "\(csv)")
        let xlsx = try await DaemonUnderTest.runTool(client, socket + ["-o", directory + "/units.xlsx", "--all", "org", "unit", "list", "limit=3"])
        #expect(xlsx.status == 0 && xlsx.output.contains("(xlsx, 8 rows from 3 pages)"), "\(xlsx)")
        let read = try await DaemonUnderTest.runTool(
            "/usr/bin/python3",
            [
                "-c",
                """
                import csv, sys, openpyxl
                with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
                    rows = list(csv.reader(f))
                sheet = openpyxl.load_workbook(sys.argv[2]).active
                cells = [list(r) for r in sheet.iter_rows(values_only=True)]
                print(len(rows), len(cells), rows[0][1], cells[0][1], rows[8][2], cells[8][2])
                """,
                directory + "/units.csv", directory + "/units.xlsx",
            ])
        #expect(read.status == 0, "\(read.error)")
        #expect(read.output.trimmingCharacters(in: .whitespacesAndNewlines) == "9 9 编码 code 编码 code 第7街道 第7街道", "\(read.output)")
        let refused = try await DaemonUnderTest.runTool(client, socket + ["-o", directory + "/one.csv", "org", "unit", "show", "unit=D1"])
        #expect(refused.status == 1 && refused.error.contains("does not answer a list or table"), "\(refused)")
        #expect(try await daemon.terminate() == 0)
    }

    @Test func noDaemonIsExitStatusTwo() async throws {
        let result = try await DaemonUnderTest.runTool(client, ["--socket", "/nonexistent/control.sock", "ping"])
        #expect(result.status == 2)
        #expect(result.error.contains("/nonexistent/control.sock"))
    }
}
