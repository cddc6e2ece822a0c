import Foundation
import Glibc
import Testing
import WorkbenchTestSupport

@testable import WorkbenchPostgres

/// The pool's non-blocking connections against a real server: what libpq does when the
/// socket cannot take a whole request, when a result arrives in many reads, when a statement
/// in a pipeline fails, when the server stops answering, and when it goes away mid-result.
@Suite("Non-blocking libpq in pipeline mode, against a real server")
struct PipelinedConnectionTests {
    static func statement(_ sql: String) -> PostgresStatement { PostgresStatement(unnamed: sql) }

    static func outcome<Value>(_ body: () async throws -> Value) async -> Result<Value, any Error> {
        do { return .success(try await body()) } catch { return .failure(error) }
    }

    /// Polls `condition` until it holds (at most 10 s).
    static func waitUntil(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while !condition() {
            guard ContinuousClock.now < deadline else { throw CancellationError() }
            try await Task.sleep(for: .milliseconds(2))
        }
    }

    /// ``waitUntil(_:)`` for a condition that asks the database.
    static func waitUntil(_ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while try await !condition() {
            guard ContinuousClock.now < deadline else { throw CancellationError() }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    @Test func aParameterLargerThanTheSocketBufferIsSentInPieces() async throws {
        try await TestCluster.withPool(size: 1) { pool, _ in
            let large = String(repeating: "党建工作台", count: 1_200_000)  // 18 MB of UTF-8
            let length = try await pool.withConnection { session in
                try await session.query(Self.statement("SELECT octet_length($1::text)"), [large]).single().decode(at: 0, as: Int.self)
            }
            #expect(length == large.utf8.count)
        }
    }

    @Test func aResultSpreadOverManyReadsArrivesWhole() async throws {
        try await TestCluster.withPool(size: 1) { pool, _ in
            let rows = try await pool.withConnection { session in
                try await session.query(Self.statement("SELECT i, repeat('网', 300) AS filler FROM generate_series(1, 20000) AS i"))
            }
            #expect(rows.count == 20000)
            #expect(try rows[19999].decode("i", as: Int.self) == 20000)
            #expect(try rows[0].decode("filler", as: String.self) == String(repeating: "网", count: 300))
        }
    }

    @Test func theBorrowingTaskRunsOnTheConnectionsLoop() async throws {
        try await TestCluster.withPool(size: 2) { pool, _ in
            let onLoop = try await pool.withConnection { session in
                _ = try await session.query(Self.statement("SELECT 1"))
                return session.connection.loop.inEventLoop
            }
            #expect(onLoop)
        }
    }

    @Test func anErrorInTheMiddleOfAPipelineStopsWhatFollowsAndTheConnectionGoesOn() async throws {
        try await TestCluster.withPool(size: 1) { pool, _ in
            try await pool.withConnection { session in
                try await session.executeScript("CREATE TABLE notes (id int PRIMARY KEY)")
            }
            let error = await #expect(throws: PostgresError.self) {
                try await pool.withConnection { session in
                    _ = try await session.pipeline([
                        (Self.statement("INSERT INTO notes VALUES (1)"), []),
                        (Self.statement("SELECT 1 / $1::int"), [0]),
                        (Self.statement("INSERT INTO notes VALUES (2)"), []),
                    ])
                }
            }
            #expect(error?.sqlState == SQLState(rawValue: "22012"))
            // The statements of one pipeline run as one implicit transaction: the failure
            // undoes the first insert too, and the third never ran.
            let stored = try await pool.withConnection { session in
                try await session.query(Self.statement("SELECT count(*) FROM notes")).single().decode(at: 0, as: Int.self)
            }
            #expect(stored == 0)
            #expect(pool.statistics.connectionsOpened == 1)
        }
    }

    @Test func aTransactionRollsBackWhenAQueuedStatementFails() async throws {
        try await TestCluster.withPool(size: 1) { pool, _ in
            try await pool.withConnection { session in
                try await session.executeScript("CREATE TABLE notes (id int PRIMARY KEY)")
            }
            let error = await #expect(throws: PostgresError.self) {
                try await pool.withTransaction { session in
                    try await session.execute(Self.statement("INSERT INTO notes VALUES (1)"))
                    session.send(Self.statement("INSERT INTO notes VALUES (1)"))  // a duplicate, sent with COMMIT
                }
            }
            #expect(error?.sqlState == .uniqueViolation)
            let count = try await pool.withConnection { session in
                try await session.query(Self.statement("SELECT count(*) FROM notes")).single().decode(at: 0, as: Int.self)
            }
            #expect(count == 0)
        }
    }

    @Test func aQueuedStatementsCheckFailsTheNextRoundTrip() async throws {
        struct NotInserted: Error {}
        try await TestCluster.withPool(size: 1) { pool, _ in
            try await pool.withConnection { session in
                try await session.executeScript("CREATE TABLE notes (id int PRIMARY KEY); INSERT INTO notes VALUES (1)")
            }
            await #expect(throws: NotInserted.self) {
                try await pool.withTransaction { session in
                    session.send(Self.statement("INSERT INTO notes VALUES (1) ON CONFLICT DO NOTHING")) { rows in
                        if rows.affectedRows != 1 { throw NotInserted() }
                    }
                    try await session.execute(Self.statement("INSERT INTO notes VALUES (2)"))
                }
            }
            let count = try await pool.withConnection { session in
                try await session.query(Self.statement("SELECT count(*) FROM notes")).single().decode(at: 0, as: Int.self)
            }
            #expect(count == 1)
        }
    }

    @Test func aSessionRunsOneRoundTripAtATime() async throws {
        try await TestCluster.withPool(size: 1) { pool, _ in
            let outcomes = try await pool.withConnection { session in
                async let first = Self.outcome { try await session.query(Self.statement("SELECT pg_sleep(0.3)")) }
                async let second = Self.outcome { try await session.query(Self.statement("SELECT pg_sleep(0.3)")) }
                return await [first, second]
            }
            let refusals = outcomes.compactMap { outcome -> PostgresError? in
                if case .failure(let error as PostgresError) = outcome { return error }
                return nil
            }
            #expect(refusals.count == 1)
            #expect(refusals.first?.message.contains("one statement at a time") == true)
        }
    }

    @Test func aCancelledStatementOnAStoppedBackendGivesUpTheConnectionInTime() async throws {
        try await TestCluster.withPool(size: 1) { pool, _ in
            let backend = try await pool.withConnection { session in
                try await session.query(Self.statement("SELECT pg_backend_pid()")).single().decode(at: 0, as: Int32.self)
            }
            #expect(kill(backend, SIGSTOP) == 0)
            defer { kill(backend, SIGCONT) }
            let task = Task {
                try await pool.withConnection { session in try await session.query(Self.statement("SELECT 1")) }
            }
            // The statement is in flight on a stopped backend: only cancellation can end it.
            try await Self.waitUntil { pool.statistics.statementsInFlight > 0 }
            let cancelled = ContinuousClock.now
            task.cancel()
            let result = await task.result
            let elapsed = ContinuousClock.now - cancelled
            guard case .failure(let error as PostgresError) = result else {
                Issue.record("expected a PostgresError, got \(result)")
                return
            }
            #expect(error.code == .connectionLost)
            // 500 ms of grace after the cancel (timed from the cancel, with room for a loaded CI
            // machine); without it the wait would last until SIGCONT.
            #expect(elapsed < .seconds(30), "gave up \(elapsed) after the cancel")
            #expect(pool.statistics.connectionsDiscarded == 1)
            kill(backend, SIGCONT)
            let answer = try await pool.withConnection { session in
                try await session.query(Self.statement("SELECT 41 + 1")).single().decode(at: 0, as: Int.self)
            }
            #expect(answer == 42)
        }
    }

    @Test func aCancelledStatementOnALiveServerIsCancelledByTheServer() async throws {
        // A grace long enough that a loaded machine's server answers the cancel within it: this
        // test is about the server's answer, the grace has its own test above.
        let conninfo = try await TestCluster.makeDatabase()
        let pool = PostgresPool(
            configuration: PostgresPoolConfiguration(
                connection: PostgresConnectionSettings(conninfo: conninfo), size: 1, cancelGrace: .seconds(10)
            ),
            logger: TestCluster.logger
        )
        let observer = PostgresPool(
            configuration: PostgresPoolConfiguration(connection: PostgresConnectionSettings(conninfo: conninfo), size: 1),
            logger: TestCluster.logger
        )
        do {
            try await Self.cancelOnALiveServer(pool, observer: observer)
        } catch {
            await pool.shutdown()
            await observer.shutdown()
            throw error
        }
        await pool.shutdown()
        await observer.shutdown()
    }

    private static func cancelOnALiveServer(_ pool: PostgresPool, observer: PostgresPool) async throws {
        let task = Task {
            try await pool.withConnection { session in try await session.query(Self.statement("SELECT pg_sleep(30)")) }
        }
        // The server runs the statement: seen from another connection, not guessed by a sleep.
        try await Self.waitUntil {
            try await observer.withConnection { session in
                try await session.query(
                    PostgresStatement(
                        unnamed: "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'SELECT pg_sleep(30)%'")
                ).single().decode(at: 0, as: Int64.self) > 0
            }
        }
        task.cancel()
        let result = await task.result
        guard case .failure(let error as PostgresError) = result else {
            Issue.record("expected a PostgresError, got \(result)")
            return
        }
        #expect(error.sqlState == .queryCanceled)
        // The server answered the cancel: the connection is reused.
        _ = try await pool.withConnection { session in try await session.query(Self.statement("SELECT 1")) }
        #expect(pool.statistics.connectionsOpened == 1)
    }

    @Test func aServerThatGoesAwayMidResultFailsTheStatementAndTheNextOneReconnects() async throws {
        try await TestCluster.withPool(size: 2) { pool, _ in
            let backend = try await pool.withConnection { session in
                try await session.query(Self.statement("SELECT pg_backend_pid()")).single().decode(at: 0, as: Int32.self)
            }
            let task = Task {
                try await pool.withConnection { session in
                    // Rows trickle out for seconds (pg_sleep per row).
                    try await session.query(Self.statement("SELECT i, pg_sleep(0.0005) FROM generate_series(1, 20000) AS i"))
                }
            }
            try await Self.waitUntil { pool.statistics.statementsInFlight > 0 }
            try await Task.sleep(for: .milliseconds(200))
            let terminated = try await pool.withConnection { session in
                try await session.query(Self.statement("SELECT pg_terminate_backend($1)"), [backend]).single().decode(at: 0, as: Bool.self)
            }
            #expect(terminated)
            let result = await task.result
            guard case .failure(let error as PostgresError) = result else {
                Issue.record("expected a PostgresError, got \(result)")
                return
            }
            #expect(error.isUnavailable)
            let answer = try await pool.withConnection { session in
                try await session.query(Self.statement("SELECT 7")).single().decode(at: 0, as: Int.self)
            }
            #expect(answer == 7)
        }
    }

    @Test func connectingToAServerThatDoesNotAnswerIsBounded() async throws {
        // A listening socket that never speaks: the start-up packet goes unanswered.
        let directory = try TestCluster.makeTemporaryDirectory("silent")
        let path = directory + "/.s.PGSQL.5432"
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            path.utf8CString.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0.prefix(buffer.count - 1))) }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        #expect(listen(listener, 8) == 0)
        let pool = PostgresPool(
            configuration: PostgresPoolConfiguration(
                connection: PostgresConnectionSettings(conninfo: "host=\(directory) dbname=x user=x", connectTimeoutSeconds: 1), size: 1
            ),
            logger: TestCluster.logger
        )
        let started = ContinuousClock.now
        let error = await #expect(throws: PostgresError.self) {
            try await pool.withConnection { session in try await session.query(Self.statement("SELECT 1")) }
        }
        await pool.shutdown()
        #expect(error?.code == .connectionFailed)
        // A 1 s connect timeout; without it the wait would never end.
        #expect(ContinuousClock.now - started < .seconds(30))
    }
}
