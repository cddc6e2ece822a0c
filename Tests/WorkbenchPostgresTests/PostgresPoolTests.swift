import Foundation
import Logging
import Testing
import WorkbenchPostgres
import WorkbenchTestSupport

@Suite("The connection pool against a real server")
struct PostgresPoolTests {
    /// Holds a pooled connection until the test lets it go: nothing depends on how long a
    /// statement takes.
    struct Holder {
        let release: AsyncStream<Void>.Continuation
        let task: Task<Void, any Error>

        init(_ pool: PostgresPool) {
            let (stream, release) = AsyncStream<Void>.makeStream()
            self.release = release
            self.task = Task {
                try await pool.withConnection { session in
                    _ = try await session.query(PostgresStatement(unnamed: "SELECT 1"))
                    for await _ in stream {}
                }
            }
        }

        func letGo() async throws {
            release.finish()
            try await task.value
        }
    }

    @Test func exhaustionWaitsThenTimesOut() async throws {
        try await TestCluster.withPool(size: 2, acquireTimeout: .milliseconds(300)) { pool, _ in
            let holders = [Holder(pool), Holder(pool)]
            try await PipelinedConnectionTests.waitUntil { pool.statistics.leased == 2 }
            let started = ContinuousClock.now
            let error = await #expect(throws: PostgresError.self) {
                try await pool.withConnection { try await $0.query(PostgresStatement(unnamed: "SELECT 1")) }
            }
            #expect(error?.code == .poolTimeout)
            #expect(ContinuousClock.now - started >= .milliseconds(250))
            #expect(pool.statistics.acquireTimeouts == 1)
            for holder in holders { try await holder.letGo() }
            #expect(pool.statistics.open == 2)
            #expect(pool.statistics.leased == 0)
        }
    }

    @Test func waitersAreServedWhenConnectionsFreeUp() async throws {
        // What is checked is that every waiter is served, not how fast: the suite starts many
        // clusters and daemons at once, and the pool's first two connections may take seconds to
        // open then. The timeout only bounds a test that would otherwise hang.
        try await TestCluster.withPool(size: 2, acquireTimeout: .seconds(60)) { pool, _ in
            let results = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        try await pool.withConnection { session in
                            try await session.query(PostgresStatement(unnamed: "SELECT $1::int FROM pg_sleep(0.02)"), [index])
                                .single().decode(at: 0, as: Int.self)
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.sorted() == Array(0..<20))
            let statistics = pool.statistics
            #expect(statistics.open <= 2)
            #expect(statistics.connectionsOpened == 2)
            #expect(statistics.waiting == 0)
        }
    }

    @Test func cancelledWaiterLeavesTheLine() async throws {
        try await TestCluster.withPool(size: 1, acquireTimeout: .seconds(30)) { pool, _ in
            let holder = Holder(pool)
            try await PipelinedConnectionTests.waitUntil { pool.statistics.leased == 1 }
            let waiter = Task { try await pool.withConnection { _ in 1 } }
            try await PipelinedConnectionTests.waitUntil { pool.statistics.waiting == 1 }
            waiter.cancel()
            let outcome = await waiter.result
            #expect(throws: CancellationError.self) { try outcome.get() }
            #expect(pool.statistics.waiting == 0)
            try await holder.letGo()
            #expect(try await pool.withConnection { _ in 2 } == 2)
        }
    }

    @Test func brokenConnectionsAreReplaced() async throws {
        try await TestCluster.withPool(size: 1) { pool, conninfo in
            let firstPID = try await pool.withConnection { session in
                try await session.query(PostgresStatement(unnamed: "SELECT pg_backend_pid()")).single().decode(at: 0, as: Int32.self)
            }
            // Another session terminates our idle backend, as a server restart would.
            let killer = PostgresPool(
                configuration: PostgresPoolConfiguration(connection: PostgresConnectionSettings(conninfo: conninfo), size: 1),
                logger: TestCluster.logger
            )
            // pg_terminate_backend with a timeout waits until the backend has exited, so its
            // socket is closed before the pool lends the connection again.
            let gone = try await killer.withConnection { session in
                try await session.query(PostgresStatement(unnamed: "SELECT pg_terminate_backend($1, 20000)"), [firstPID])
                    .single().decode(at: 0, as: Bool.self)
            }
            #expect(gone)
            await killer.shutdown()
            let secondPID = try await pool.withConnection { session in
                try await session.query(PostgresStatement(unnamed: "SELECT pg_backend_pid()")).single().decode(at: 0, as: Int32.self)
            }
            #expect(secondPID != firstPID)
            #expect(pool.statistics.connectionsDiscarded == 1)
        }
    }

    @Test func reconnectsAfterTheServerRestarts() async throws {
        // A private cluster: restarting the shared one would disturb tests running in parallel.
        let directory = try TestCluster.makeTemporaryDirectory("dangjian-test-restart")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cluster = try EmbeddedPostgres(
            configuration: EmbeddedPostgresConfiguration(directory: directory + "/postgres", settings: ["fsync": "off"]),
            logger: TestCluster.logger
        )
        try await cluster.start()
        let pool = PostgresPool(
            configuration: PostgresPoolConfiguration(
                connection: PostgresConnectionSettings(conninfo: cluster.conninfo, connectTimeoutSeconds: 2), size: 2,
                acquireTimeout: .seconds(2)
            ),
            logger: TestCluster.logger
        )
        let select = PostgresStatement("tests.pool.one", "SELECT 1")
        #expect(try await pool.withConnection { try await $0.query(select).count } == 1)
        await cluster.stop()
        let error = await #expect(throws: PostgresError.self) {
            try await pool.withConnection { try await $0.query(select) }
        }
        #expect(error?.isUnavailable == true)
        try await cluster.start()
        #expect(try await pool.withConnection { try await $0.query(select).count } == 1)
        await pool.shutdown()
        await cluster.stop()
    }
}

/// Session identities (a caller's scope and role) on a real server: kept across borrowers who
/// want the same, taken back for one who wants none, never trusted after a rollback.
@Suite("Session identities on pooled connections, against a real server")
struct SessionIdentityPoolTests {
    /// Each time it is put in force, the identity also takes a number from a sequence, so the
    /// test can count how often it was sent.
    static let establish = PostgresStatement(
        "test.identity.establish", "SELECT set_config('test.identity', $1, false), nextval('identity_sends')")
    static let reset = PostgresStatement("test.identity.reset", "SELECT set_config('test.identity', '', false)")
    static let current = PostgresStatement(unnamed: "SELECT coalesce(current_setting('test.identity', true), '')")
    static let sends = PostgresStatement(unnamed: "SELECT last_value FROM identity_sends")

    static func identity(_ key: String) -> SessionIdentity {
        SessionIdentity(key: key, establish: establish, [key], reset: reset)
    }

    /// What `pool`'s next borrower wanting `key` sees, and how often the identity was sent by then.
    static func borrow(_ pool: PostgresPool, wanting key: String?) async throws -> (seen: String, sends: Int64) {
        try await pool.withConnection { session in
            session.assume(key.map(identity))
            let seen = try await session.query(current).single().decode(at: 0, as: String.self)
            return (seen, try await session.query(sends).single().decode(at: 0, as: Int64.self))
        }
    }

    @Test func identitiesFollowTheirBorrowers() async throws {
        // One connection, so every borrower gets the session the last one left.
        try await TestCluster.withPool(size: 1) { pool, _ in
            try await pool.withConnection { session in
                try await session.executeScript("CREATE SEQUENCE identity_sends")
            }
            #expect(try await Self.borrow(pool, wanting: "A") == ("A", 1))
            // The same identity again: in force already, not sent again.
            #expect(try await Self.borrow(pool, wanting: "A") == ("A", 1))
            // A borrower that wants none (the daemon's own jobs) does not inherit it.
            #expect(try await Self.borrow(pool, wanting: nil) == ("", 1))
            #expect(try await Self.borrow(pool, wanting: "B") == ("B", 2))
            // A transaction that set it and was rolled back: set again for the next borrower.
            await #expect(throws: PostgresError.self) {
                try await pool.withConnection { session in
                    session.assume(Self.identity("C"))
                    try await session.withTransaction { transaction in
                        _ = try await transaction.query(Self.current)
                        _ = try await transaction.query(PostgresStatement(unnamed: "SELECT 1 / 0"))
                    }
                }
            }
            #expect(try await Self.borrow(pool, wanting: "C") == ("C", 4))
        }
    }

    @Test func nothingRunsWhenTheIdentityCannotBeSet() async throws {
        try await TestCluster.withPool(size: 1) { pool, _ in
            try await pool.withConnection { session in
                try await session.executeScript("CREATE TABLE identity_marks (n int)")
            }
            // The identity's statement fails (this database has no sequence identity_sends): the borrower's statements,
            // sent in the same round trip, must not run under whatever was in force before.
            await #expect(throws: PostgresError.self) {
                try await pool.withConnection { session in
                    session.assume(Self.identity("A"))
                    try await session.execute(PostgresStatement(unnamed: "INSERT INTO identity_marks VALUES (1)"))
                }
            }
            let marks = try await pool.withConnection { session in
                try await session.query(PostgresStatement(unnamed: "SELECT count(*) FROM identity_marks")).single().decode(at: 0, as: Int64.self)
            }
            #expect(marks == 0)
        }
    }
}
