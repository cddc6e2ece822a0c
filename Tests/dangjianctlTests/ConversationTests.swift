import Testing

@testable import dangjianctl

@Suite("One request at a time over a socket")
struct ConversationTests {
    private static let replies: @Sendable (String) -> String? = { request in
        switch request {
        case "ping": "200 pong\n"
        case "grid case list": "200-id\ttitle\n200-1\t党建工作检查\n200-2\tcheck\n200 2 rows\n"
        case "bye": nil
        case "silent": ""
        default: "401 command.unknown: no command \(request)\n"
        }
    }

    @Test(arguments: [1, 2, 7, 4096])
    func replyDeliveredInChunks(chunkSize: Int) throws {
        let daemon = FakeDaemon(chunkSize: chunkSize, respond: Self.replies)
        let conversation = Conversation(connection: daemon.connection, timeout: .seconds(10))
        let table = try conversation.ask("grid case list")
        #expect(table.body == ["id\ttitle", "1\t党建工作检查", "2\tcheck"])
        #expect(table.summary == "2 rows")
        let pong = try conversation.ask("ping")
        #expect(pong.summary == "pong")
        let unknown = try conversation.ask("nope")
        #expect(unknown.status == 401)
        daemon.connection.finishSending()
        #expect(daemon.requests() == ["grid case list", "ping", "nope"])
    }

    @Test func closedBeforeTheFinalLine() {
        let daemon = FakeDaemon(respond: Self.replies)
        let conversation = Conversation(connection: daemon.connection, timeout: .seconds(10))
        #expect(throws: ClientError.connectionClosed(path: "fake.sock", unanswered: 1)) {
            try conversation.ask("bye")
        }
    }

    @Test func noReplyInTime() {
        let daemon = FakeDaemon(respond: Self.replies)
        let conversation = Conversation(connection: daemon.connection, timeout: .milliseconds(200))
        let started = ContinuousClock.now
        #expect(throws: ClientError.timedOut(path: "fake.sock", seconds: 0.2)) {
            try conversation.ask("silent")
        }
        #expect(ContinuousClock.now - started >= .milliseconds(200))
        #expect(ContinuousClock.now - started < .seconds(30), "bounded: the fake daemon never answers")
    }

    @Test func tooLongIsRefusedBeforeSending() {
        let daemon = FakeDaemon(respond: Self.replies)
        let conversation = Conversation(connection: daemon.connection, timeout: .seconds(10))
        #expect(throws: ClientError.requestTooLong(bytes: 70000, limit: 65536)) {
            try conversation.ask(String(repeating: "x", count: 70000))
        }
        daemon.connection.finishSending()
        #expect(daemon.requests().isEmpty)
    }

    @Test func peerClosedIsNoticedWithoutSending() throws {
        let daemon = FakeDaemon(respond: Self.replies)
        #expect(!daemon.connection.peerHasClosed())
        let conversation = Conversation(connection: daemon.connection, timeout: .seconds(10))
        _ = try? conversation.ask("bye")
        #expect(daemon.connection.peerHasClosed())
    }

    @Test func missingSocketCannotConnect() {
        #expect(throws: ClientError.cannotConnect(path: "/nonexistent/dangjianctl.sock", errno: 2)) {
            _ = try ControlConnection(connectingTo: "/nonexistent/dangjianctl.sock")
        }
        let long = "/tmp/" + String(repeating: "d", count: 200)
        #expect(throws: ClientError.socketPathTooLong(path: long, limit: 107)) {
            _ = try ControlConnection(connectingTo: long)
        }
    }
}
