import Foundation
import Glibc
import Testing

@Suite("The real daemon on a real socket", .serialized)
struct ControlSocketTests {
    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        let daemon = try await DaemonUnderTest.start()
        let client = try SocketClient(path: daemon.socketPath)
        let replies = try client.exchange("ping\nversion\nbogus\nwhoami --json\nmigrations\nping\n", replies: 6)
        #expect(replies.map(status) == [200, 200, 401, 200, 200, 200])
        #expect(replies[0] == ["200 pong"])
        #expect(replies[1].contains("200-protocol: 1"))
        #expect(replies[3].count == 1 && replies[3][0].hasPrefix(#"200 {"record":{"user":"#))
        #expect(replies[4].contains { $0.hasPrefix("200-workbench\t1\taudit_log_and_idempotency\tapplied\t") })
        #expect(try await daemon.terminate() == 0)
    }

    @Test func aLineOver64KiBIsRefusedAndTheConnectionGoesOn() async throws {
        let daemon = try await DaemonUnderTest.start()
        let client = try SocketClient(path: daemon.socketPath)
        let long = "help " + String(repeating: "x", count: 70 * 1024)
        let replies = try client.exchange(long + "\nping\n", replies: 2)
        #expect(replies[0].count == 1)
        #expect(replies[0][0].hasPrefix("413 request.line_too_long:"))
        #expect(replies[1] == ["200 pong"])
        #expect(try await daemon.terminate() == 0)
    }

    @Test func aHalfClosedSocatClientGetsEveryReply() async throws {
        let daemon = try await DaemonUnderTest.start()
        let result = try await DaemonUnderTest.runTool(
            "/usr/bin/socat", ["-", "UNIX-CONNECT:\(daemon.socketPath)"], input: "help\nversion\nbogus\n\"open\nping\n"
        )
        #expect(result.status == 0)
        let finals = result.output.split(separator: "\n").filter { $0.count > 3 && Array($0.utf8)[3] == 32 }
        #expect(finals.map { String($0.prefix(3)) } == ["200", "200", "401", "400", "200"])
        #expect(finals.last == "200 pong")
        #expect(try await daemon.terminate() == 0)
    }

    @Test(.enabled(if: getuid() == 0, "needs root to run a client as nobody"))
    func anUnmappedPeerMayOnlyRunHelpPingAndWhoami() async throws {
        let daemon = try await DaemonUnderTest.start()
        let result = try await DaemonUnderTest.runTool(
            "/usr/bin/setpriv",
            ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "/usr/bin/socat", "-", "UNIX-CONNECT:\(daemon.socketPath)"],
            input: "whoami\nstatus\nmigrations\nping\nhelp\n"
        )
        #expect(result.status == 0, "socat as nobody failed: \(result.error)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("200-user: nobody"))
        #expect(lines.contains("200-role: none"))
        let finals = lines.filter { $0.count > 3 && Array($0.utf8)[3] == 32 }
        #expect(finals.map { String($0.prefix(3)) } == ["200", "403", "403", "200", "200"])
        #expect(!lines.contains { $0.contains("migrations") && $0.hasPrefix("200-") }, "help must not list admin commands to nobody")
        #expect(try await daemon.terminate() == 0)
    }

    @Test func sigtermWithAConnectedClientExitsCleanly() async throws {
        let daemon = try await DaemonUnderTest.start(notify: true)
        let idle = try SocketClient(path: daemon.socketPath)
        #expect(try idle.exchange("ping\n", replies: 1)[0] == ["200 pong"])
        let busy = try SocketClient(path: daemon.socketPath)
        try busy.send("migrations\n")
        #expect(try await daemon.terminate() == 0)
        // The idle client sees the connection close; nothing is left behind.
        #expect(try idle.readLine() == nil)
        #expect(!FileManager.default.fileExists(atPath: daemon.socketPath))
        let messages = daemon.notifications?.drain() ?? []
        #expect(messages.contains { $0.hasPrefix("READY=1") })
        #expect(messages.contains { $0.hasPrefix("STOPPING=1") })
    }

    @Test func readyIsSentOnlyOnceListening() async throws {
        let daemon = try await DaemonUnderTest.start(notify: true)
        let messages = daemon.notifications?.drain() ?? []
        let ready = messages.firstIndex { $0.contains("READY=1") }
        let migrating = messages.firstIndex { $0.contains("STATUS=applying migrations") }
        #expect(ready != nil)
        #expect(migrating != nil && ready! > migrating!)
        #expect(try await daemon.terminate() == 0)
    }

    @Test func moreClientsThanAllowedAreRefusedWithALine() async throws {
        let daemon = try await DaemonUnderTest.start(settings: ["DANGJIAN_CONTROL_MAX_CONNECTIONS": "2"])
        let first = try SocketClient(path: daemon.socketPath)
        // The start-up probe's connection counts until the server has seen it close.
        let deadline = ContinuousClock.now + .seconds(10)
        while try !first.exchange("status\n", replies: 1)[0].contains("200-connections: 1"), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        let second = try SocketClient(path: daemon.socketPath)
        #expect(try second.exchange("ping\n", replies: 1)[0] == ["200 pong"])
        let third = try SocketClient(path: daemon.socketPath)
        let refusal = try third.readLine()
        #expect(refusal?.hasPrefix("503 control.too_many_connections:") == true)
        #expect(try third.readLine() == nil)
        #expect(try first.exchange("ping\n", replies: 1)[0] == ["200 pong"])
        #expect(try await daemon.terminate() == 0)
    }

    @Test func garbageNeverCrashesTheDaemon() async throws {
        let daemon = try await DaemonUnderTest.start()
        let client = try SocketClient(path: daemon.socketPath)
        var bytes = [UInt8](repeating: 0, count: 4096)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        try client.send(String(decoding: bytes.filter { $0 != 10 }, as: UTF8.self) + "\n\u{1}\u{2}\n\"\\q\"\nping\n")
        var replies: [[String]] = []
        while let reply = try client.readReply() {
            replies.append(reply)
            if reply.last == "200 pong" { break }
        }
        #expect(replies.last == ["200 pong"])
        #expect(replies.dropLast().allSatisfy { (400..<500).contains(status($0)) })
        #expect(try await daemon.terminate() == 0)
    }
}
