import Foundation
import Testing

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

    @Test func noDaemonIsExitStatusTwo() async throws {
        let result = try await DaemonUnderTest.runTool(client, ["--socket", "/nonexistent/control.sock", "ping"])
        #expect(result.status == 2)
        #expect(result.error.contains("/nonexistent/control.sock"))
    }
}
