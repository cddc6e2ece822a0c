import Foundation
import Testing
import WorkbenchControl
import WorkbenchKit
import WorkbenchPostgres
import WorkbenchTestSupport

/// The built-ins answer while PostgreSQL does not: a cluster of the test's own (the suite's
/// shared one must keep answering the other tests) is stopped with SIGSTOP, and `ping`,
/// `whoami`, `version` and `status` must each answer within their budget (``bound``), not wait for the server.
@Suite("Built-ins during a database hang")
struct DatabaseHangTests {
    /// How long a built-in may take while PostgreSQL is stopped: its budget for the database
    /// (500 ms) and room for a loaded CI machine. Without the budget it would wait for the
    /// stopped server for ever (built-ins have no command time limit).
    static let bound: Duration = .seconds(20)

    @Test func builtInsAnswerWithinTheirBudgetWhilePostgresIsStopped() async throws {
        let directory = try TestCluster.makeTemporaryDirectory("dangjian-hang")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cluster = try EmbeddedPostgres(
            configuration: EmbeddedPostgresConfiguration(
                directory: directory + "/postgres", settings: ["fsync": "off", "synchronous_commit": "off", "max_connections": "20"]
            ),
            logger: TestCluster.logger
        )
        try await cluster.start()
        let pool = PostgresPool(
            configuration: PostgresPoolConfiguration(connection: PostgresConnectionSettings(conninfo: cluster.conninfo), size: 4),
            logger: TestCluster.logger
        )
        do {
            try await pool.withConnection { try await DatabaseRoles.create(on: $0) }
            try await check(pool: pool, dataDirectory: cluster.configuration.dataDirectory)
        } catch {
            await pool.shutdown()
            await cluster.stop()
            throw error
        }
        await pool.shutdown()
        await cluster.stop()
    }

    private func check(pool: PostgresPool, dataDirectory: String) async throws {
        let workbench = try await DispatcherHarness.build(pool: pool)
        let dispatcher = workbench.dispatcher
        func send(_ line: String) async -> (reply: String, elapsed: Duration) {
            var state = SessionState(caller: DispatcherHarness.viewer)
            let started = ContinuousClock.now
            let reply = await dispatcher.respond(to: .line(line), in: &state) ?? ""
            return (reply, ContinuousClock.now - started)
        }
        // While the database answers: the daemon learns the server's version and the
        // migrations state.
        let version = await send("version").reply
        let server = try #require(version.split(separator: "\n").first { $0.hasPrefix("200-postgresql: ") }).dropFirst(16)
        #expect(!server.contains("unavailable"))
        let status = await send("status").reply
        #expect(status.contains("200-migrations: 11 applied, 0 pending\n"), "\(status)")

        try await FrozenPostgres.whileStopped(dataDirectory: dataDirectory) {
            let ping = await send("ping")
            #expect(ping.reply == "200 pong\n")
            #expect(ping.elapsed < Self.bound, "ping took \(ping.elapsed)")

            let whoami = await send("whoami")
            #expect(whoami.reply.hasPrefix("200-user: viewer1\n"))
            #expect(whoami.elapsed < Self.bound, "whoami took \(whoami.elapsed)")

            let version = await send("version")
            #expect(version.reply.contains("200-postgresql: \(server) (last known; the database does not answer)\n"), "\(version.reply)")
            #expect(version.elapsed < Self.bound, "version took \(version.elapsed)")

            let status = await send("status")
            #expect(status.reply.contains("200-migrations: 11 applied, 0 pending (last known; the database does not answer)\n"), "\(status.reply)")
            #expect(status.reply.hasSuffix("200 status\n"))
            #expect(status.elapsed < Self.bound, "status took \(status.elapsed)")

            // Asked again while the first questions still hang: they are joined, not repeated.
            let again = await send("version")
            #expect(again.reply.contains("(last known; the database does not answer)"))
            #expect(again.elapsed < Self.bound, "a second version took \(again.elapsed)")
        }
        // Continued: database commands work again.
        let list = await send("notes list").reply
        #expect(list.hasSuffix("200 0 rows\n"), "\(list)")
    }
}
