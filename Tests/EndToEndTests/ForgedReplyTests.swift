import Foundation
import Testing

/// Values that try to forge a reply line or slip past a length limit, sent to the real daemon
/// and read back raw from the socket and through dangjianctl.
@Suite("Hostile values: no value forges a line, limits count what PostgreSQL counts", .serialized)
struct ForgedReplyTests {
    private var client: String { DaemonUnderTest.binDirectory + "/dangjianctl" }

    @Test func aNewlineInADescriptionOrANoteCannotForgeALine() async throws {
        let daemon = try await DaemonUnderTest.start()
        let socket = try SocketClient(path: daemon.socketPath)
        let setup = [
            "org unit add code=D1 name=区委 kind=district", "org unit add code=S1 name=街道党工委 kind=street parent=D1",
            "org unit add code=C1 name=社区党委 kind=community parent=S1", "grid add code=W1 name=一网格 community=C1",
            #"grid case report grid=W1 category=乱停车 description="占道\nstatus: closed""#,
            #"grid case note case=1 note="已联系\n2026-01-01 00:00 closed by admin""#,
        ]
        for reply in try socket.exchange(setup.joined(separator: "\n") + "\n", replies: setup.count) {
            #expect((200...201).contains(status(reply)), "\(reply)")
        }

        let shown = try socket.exchange("grid case show case=1\n", replies: 1)[0]
        #expect(status(shown) == 200, "\(shown)")
        // Every line the value held stays inside the line that shows it.
        #expect(!shown.contains { $0.hasPrefix("200-status: closed") }, "\(shown)")
        #expect(!shown.contains { $0.hasPrefix("200-2026-01-01") }, "\(shown)")
        #expect(shown.contains { $0.contains(#"占道\nstatus: closed"#) }, "\(shown)")
        #expect(shown.contains { $0.contains(#"已联系\n2026-01-01 00:00 closed by admin"#) }, "\(shown)")
        #expect(!shown.joined().unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" })

        // dangjianctl shows the newline as a mark on the same line.
        let viaClient = try await DaemonUnderTest.runTool(client, ["--socket", daemon.socketPath, "grid", "case", "show", "case=1"])
        #expect(viaClient.status == 0, "\(viaClient.error)")
        let lines = viaClient.output.split(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("status: closed") || $0.hasPrefix("2026-01-01") }, "\(viaClient.output)")
        #expect(viaClient.output.contains("占道↵status: closed"), "\(viaClient.output)")

        // The JSON form carries the value itself.
        let json = try socket.exchange("grid case show case=1 --json\n", replies: 1)[0]
        #expect(json.count == 1 && json[0].contains(#"占道\nstatus: closed"#), "\(json)")
        #expect(try await daemon.terminate() == 0)
    }

    @Test func aRequestIDLongerThanTheDatabaseAllowsIsA400NamingIt() async throws {
        let daemon = try await DaemonUnderTest.start()
        let socket = try SocketClient(path: daemon.socketPath)
        // 100 characters, 200 code points: e followed by a combining acute accent.
        let id = String(repeating: "e\u{301}", count: 100)
        let reply = try socket.exchange("org unit add code=D1 name=区委 kind=district request_id=\(id)\n", replies: 1)[0]
        #expect(reply.count == 1 && reply[0].hasPrefix("400 argument.invalid: request_id must be 1 to 128 characters"), "\(reply)")
        #expect(!reply[0].contains("Failing row"))
        let listed = try socket.exchange("org unit list\n", replies: 1)[0]
        #expect(listed.last == "200 0 rows", "nothing was changed: \(listed)")
        #expect(try await daemon.terminate() == 0)
    }
}
