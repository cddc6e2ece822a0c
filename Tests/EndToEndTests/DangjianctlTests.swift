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

    /// The organisation register exported from one daemon as CSV and as a workbook imports
    /// into a fresh one with the same rows; a file with three bad rows is refused naming
    /// exactly those lines and columns, and nothing changes.
    @Test func anExportedRegisterReimportsIntoAFreshDatabase() async throws {
        let source = try await DaemonUnderTest.start()
        var lines = "org unit add code=D1 name=区委 kind=district established_on=2001-01-01\n"
        for index in 1...4 {
            lines += "org unit add code=S\(index) name=\"第\(index)街道, 党工委\" kind=street parent=D1 secretary=书记\(index)\n"
            lines += "org unit add code=C\(index) name=社区\(index) kind=community parent=S\(index) established_on=2010-0\(index)-15\n"
        }
        #expect(try await DaemonUnderTest.runTool(client, ["--socket", source.socketPath], input: lines).status == 0)
        let directory = try TestCluster.makeTemporaryDirectory("dangjian-reimport")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for file in ["units.csv", "units.xlsx"] {
            let exported = try await DaemonUnderTest.runTool(
                client, ["--socket", source.socketPath, "-o", directory + "/" + file, "--all", "org", "unit", "list", "limit=4"])
            #expect(exported.status == 0, "\(exported)")
        }
        #expect(try await source.terminate() == 0)
        for file in ["units.csv", "units.xlsx"] {
            let target = try await DaemonUnderTest.start()
            let socket = ["--socket", target.socketPath]
            let dry = try await DaemonUnderTest.runTool(client, socket + ["org", "unit", "import", directory + "/" + file, "dry_run=true"])
            #expect(dry.status == 0 && dry.output.contains("would import 9 organisations: 9 added"), "\(dry)")
            let imported = try await DaemonUnderTest.runTool(client, socket + ["org", "unit", "import", directory + "/" + file])
            #expect(imported.status == 0 && imported.output.contains("imported 9 organisations: 9 added"), "\(imported)")
            let again = try await DaemonUnderTest.runTool(client, socket + ["org", "unit", "import", directory + "/" + file])
            #expect(again.output.contains("0 added, 0 updated, 9 unchanged"), "\(again)")
            let copy = directory + "/copy-" + file + ".csv"
            #expect(try await DaemonUnderTest.runTool(client, socket + ["-o", copy, "--all", "org", "unit", "list"]).status == 0)
            let compared = try await DaemonUnderTest.runTool(
                "/usr/bin/python3",
                [
                    "-c",
                    """
                    import csv, sys
                    def rows(path):
                        with open(path, encoding="utf-8-sig", newline="") as f:
                            return sorted(tuple(r[1:5] + r[6:7]) for r in csv.reader(f))
                    print("same" if rows(sys.argv[1]) == rows(sys.argv[2]) else rows(sys.argv[1]) + ["!="] + rows(sys.argv[2]))
                    """,
                    directory + "/units.csv", copy,
                ])
            #expect(compared.output.trimmingCharacters(in: .whitespacesAndNewlines) == "same", "\(file): \(compared)")
            #expect(try await target.terminate() == 0)
        }
        let target = try await DaemonUnderTest.start()
        let bad = directory + "/bad.csv"
        try "编码 code,名称 name,类型 kind,上级 parent\nD1,区委,district,\nS1,街道,town,D1\nC1,社区,community,NOPE\nS2,街道二,street,D1\n9Z,坏,street,D1\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try await DaemonUnderTest.runTool(client, ["--socket", target.socketPath, "org", "unit", "import", bad])
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.error.contains("3 of 5 rows refused"), "\(refused)")
        #expect(refused.error.contains("bad.csv:3, column kind") && refused.error.contains("bad.csv:4, column parent"), "\(refused)")
        #expect(refused.error.contains("bad.csv:6, column code") && !refused.error.contains("bad.csv:5,"), "\(refused)")
        let list = try await DaemonUnderTest.runTool(client, ["--socket", target.socketPath, "org", "unit", "list"])
        #expect(list.output.contains("0 rows"), "nothing was imported: \(list)")
        #expect(try await target.terminate() == 0)
    }

    /// A template is the register's header, an example row from the command's own example,
    /// and a sheet explaining each column, as the daemon's `columns` describes them.
    @Test func aTemplateHoldsTheHeaderAnExampleAndTheExplanation() async throws {
        let daemon = try await DaemonUnderTest.start()
        let directory = try TestCluster.makeTemporaryDirectory("dangjian-template")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let socket = ["--socket", daemon.socketPath]
        let written = try await DaemonUnderTest.runTool(client, socket + ["template", directory + "/members.xlsx", "org", "member", "import"])
        #expect(written.status == 0 && written.output.contains("8 columns and one example row"), "\(written)")
        let read = try await DaemonUnderTest.runTool(
            "/usr/bin/python3",
            [
                "-c",
                """
                import sys, openpyxl
                book = openpyxl.load_workbook(sys.argv[1])
                register, notes = book.worksheets
                rows = [list(r) for r in register.iter_rows(values_only=True)]
                explained = {r[0]: r for r in notes.iter_rows(min_row=2, values_only=True)}
                print(rows[0][0], rows[1][0], rows[1][1], explained["status"][4], explained["name"][2], len(rows))
                """,
                directory + "/members.xlsx",
            ])
        #expect(read.output.trimmingCharacters(in: .whitespacesAndNewlines) == "姓名 name 王芳 WG0101 formal, probationary 是 required 2", "\(read)")
        let notAnImport = try await DaemonUnderTest.runTool(client, socket + ["columns", "org", "unit", "list"])
        #expect(notAnImport.status == 1 && notAnImport.error.contains("reads no rows"), "\(notAnImport)")
        #expect(try await daemon.terminate() == 0)
    }

    @Test func noDaemonIsExitStatusTwo() async throws {
        let result = try await DaemonUnderTest.runTool(client, ["--socket", "/nonexistent/control.sock", "ping"])
        #expect(result.status == 2)
        #expect(result.error.contains("/nonexistent/control.sock"))
    }
}
