import Foundation
import Testing
import WorkbenchTestSupport

/// The real daemon on its own embedded cluster, whose processes are stopped with SIGSTOP:
/// the built-ins that need no database, and those that ask it under a budget, still answer.
@Suite("The daemon while its database does not answer", .serialized)
struct DatabaseHangEndToEndTests {
    /// SocketClient blocks on its socket: each exchange runs on a thread of its own, and the
    /// time measured is that of the exchange alone.
    final class Connection: @unchecked Sendable {
        let client: SocketClient
        init(path: String) throws { client = try SocketClient(path: path) }

        func ask(_ line: String) async throws -> (reply: [String], elapsed: Duration) {
            try await runBlocking {
                let started = ContinuousClock.now
                let reply = try self.client.exchange(line + "\n", replies: 1, timeout: .seconds(10))[0]
                return (reply, ContinuousClock.now - started)
            }
        }
    }

    @Test func statusVersionPingAndWhoamiAnswerWithinASecond() async throws {
        let daemon = try await DaemonUnderTest.start(embedded: true)
        let connection = try Connection(path: daemon.socketPath)
        // While the database answers, the daemon learns what it will tell during the hang.
        let before = try await connection.ask("status")
        #expect(status(before.reply) == 200)
        let migrations = try #require(before.reply.first { $0.hasPrefix("200-migrations: ") })
        let version = try await connection.ask("version")
        let server = try #require(version.reply.first { $0.hasPrefix("200-postgresql: ") })

        try await FrozenPostgres.whileStopped(dataDirectory: daemon.directory + "/state/postgres/data") {
            for line in ["ping", "whoami", "version", "status", "version", "status"] {
                let (reply, elapsed) = try await connection.ask(line)
                #expect(status(reply) == 200, "\(line): \(reply)")
                #expect(elapsed < .seconds(1), "\(line) took \(elapsed)")
                switch line {
                case "ping": #expect(reply == ["200 pong"])
                case "whoami": #expect(reply.contains("200-role: admin"))
                case "version": #expect(reply.contains(server + " (last known; the database does not answer)"), "\(reply)")
                default:
                    #expect(reply.contains(migrations + " (last known; the database does not answer)"), "\(reply)")
                    #expect(reply.contains("200-database: embedded"))
                }
            }
        }
        // Continued: the database answers again and so does every command.
        let after = try await connection.ask("migrations")
        #expect(status(after.reply) == 200, "\(after.reply)")
        #expect(try await daemon.terminate() == 0)
    }
}
