import Foundation
import Testing
import WorkbenchPostgres
import WorkbenchTestSupport

/// Two real daemons on one database: the deadlines are moved into the past (the tests drive
/// the clock through the data, they do not wait for a deadline), and each case is escalated
/// by the daemons themselves, exactly once.
@Suite("Grids: automatic escalation by two daemons sharing a database", .serialized)
struct GridsEscalationEndToEndTests {
    @Test func twoDaemonsEscalateEachOverdueCaseExactlyOnce() async throws {
        let conninfo = try await TestCluster.makeDatabase()
        let settings = ["DANGJIAN_MODULES_GRIDS_SWEEP_INTERVAL_SECONDS": "0.2"]
        let first = try await DaemonUnderTest.start(settings: settings, conninfo: conninfo)
        let second = try await DaemonUnderTest.start(settings: settings, conninfo: conninfo)
        let client = try SocketClient(path: first.socketPath)
        let setup = [
            "org unit add code=D1 name=区委 kind=district", "org unit add code=S1 name=街道党工委 kind=street parent=D1",
            "org unit add code=C1 name=社区党委 kind=community parent=S1", "grid add code=W1 name=一网格 community=C1",
        ]
        for reply in try client.exchange(setup.joined(separator: "\n") + "\n", replies: setup.count) {
            #expect(status(reply) == 201, "\(reply)")
        }
        let reports = (1...12).map { "grid case report grid=W1 category=乱停车 description=占道\($0)" }
        for reply in try client.exchange(reports.joined(separator: "\n") + "\n", replies: reports.count) {
            #expect(status(reply) == 201, "\(reply)")
        }

        let pool = PostgresPool(
            configuration: PostgresPoolConfiguration(connection: PostgresConnectionSettings(conninfo: conninfo), size: 1),
            logger: TestCluster.logger
        )
        func scalar(_ sql: String) async throws -> Int {
            try await pool.withConnection { try await $0.query(PostgresStatement(unnamed: sql)).single().decode(at: 0, as: Int.self) }
        }
        // Every clock ran out a minute ago.
        try await pool.withConnection { session in
            try await session.executeScript(
                "UPDATE grids.cases SET clock_started_at = now() - interval '3 days', warn_at = now() - interval '1 day', due_at = now() - "
                    + "interval '1 minute'"
            )
        }
        let deadline = ContinuousClock.now + .seconds(30)
        while try await scalar("SELECT count(*)::int FROM grids.cases WHERE level = 'community'") < 12, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        // Give both daemons several more passes to do anything twice.
        try await Task.sleep(for: .seconds(1))
        #expect(try await scalar("SELECT count(*)::int FROM grids.cases WHERE level = 'community'") == 12)
        #expect(try await scalar("SELECT count(*)::int FROM grids.case_events WHERE kind = 'escalated'") == 12)
        #expect(try await scalar("SELECT count(*)::int FROM grids.case_events WHERE kind = 'warning'") == 0, "no warning for a clock already run out")
        await pool.shutdown()

        let shown = try client.exchange("grid case show case=1\n", replies: 1)[0]
        #expect(status(shown) == 200)
        // The timeline table: at, kind, actor, from_status, to_status, from_level, to_level, …
        #expect(shown.contains { $0.contains("\tescalated\tdangjiand\t\t\tcomplex\tcommunity\t") }, "\(shown)")
        #expect(try await first.terminate() == 0)
        #expect(try await second.terminate() == 0)
    }
}
