import Foundation
import Testing
import WorkbenchPostgres
import WorkbenchTestSupport

@Suite("Typed decoding of text results and bound parameters, against a real server")
struct DecodingTests {
    @Test func scalarTypesRoundTrip() async throws {
        try await TestCluster.withPool { pool, _ in
            try await pool.withConnection { session in
                let row = try await session.query(
                    PostgresStatement(
                        "tests.decoding.scalars",
                        """
                        SELECT $1::int AS i, $2::bigint AS big, $3::text AS t, $4::boolean AS b, $5::float8 AS d,
                               $6::numeric AS n, $7::date AS day, $8::timestamptz AS at, $9::jsonb AS j, $10::text AS nothing,
                               $11::bytea AS bytes
                        """
                    ),
                    [
                        42, Int64.max, "党建 \"引号\" \\ back", true, 0.1, Decimal(string: "12345678901234567890.123")!,
                        CalendarDate("2026-02-28")!, Date(timeIntervalSince1970: 1_790_000_000.25), #"{"名":"值"}"#,
                        String?.none, Data([0, 1, 0xfe, 0xff]),
                    ]
                ).single()
                #expect(try row.decode("i", as: Int.self) == 42)
                #expect(try row.decode("big", as: Int64.self) == .max)
                #expect(try row.decode("t", as: String.self) == "党建 \"引号\" \\ back")
                #expect(try row.decode("b", as: Bool.self))
                #expect(try row.decode("d", as: Double.self) == 0.1)
                #expect(try row.decode("n", as: Decimal.self) == Decimal(string: "12345678901234567890.123")!)
                #expect(try row.decode("day", as: CalendarDate.self) == CalendarDate(year: 2026, month: 2, day: 28))
                #expect(try row.decode("at", as: Date.self) == Date(timeIntervalSince1970: 1_790_000_000.25))
                #expect(try row.decode("j", as: String.self) == #"{"名": "值"}"#)
                #expect(try row.decode("j", as: Data.self) == Data(#"{"名": "值"}"#.utf8))
                #expect(try row.decode("nothing", as: String?.self) == nil)
                #expect(try row.decode("bytes", as: Data.self) == Data([0, 1, 0xfe, 0xff]))
                let error = #expect(throws: PostgresError.self) { try row.decode("nothing", as: String.self) }
                #expect(error?.code == .decoding)
                #expect(error?.message.contains("nothing") == true)
            }
        }
    }

    @Test func arraysRoundTrip() async throws {
        try await TestCluster.withPool { pool, _ in
            try await pool.withConnection { session in
                let values: [String?] = ["a", "with space", "quote\"d", "back\\slash", "NULL", nil, "", "{brace}", "逗号,"]
                let row = try await session.query(
                    PostgresStatement(unnamed: "SELECT $1::text[] AS texts, $2::int[] AS ints, '{}'::int[] AS empty"),
                    [values, [1, 2, 3]]
                ).single()
                #expect(try row.decode("texts", as: [String?].self) == values)
                #expect(try row.decode("ints", as: [Int].self) == [1, 2, 3])
                #expect(try row.decode("empty", as: [Int].self) == [])
            }
        }
    }

    @Test func serverErrorsKeepTheirSQLState() async throws {
        try await TestCluster.withPool { pool, _ in
            try await pool.withConnection { session in
                try await session.executeScript(
                    "CREATE TABLE t (id int PRIMARY KEY, n int CONSTRAINT n_positive CHECK (n > 0))"
                )
                try await session.execute(PostgresStatement(unnamed: "INSERT INTO t VALUES ($1, $2)"), [1, 1])
                let duplicate = await #expect(throws: PostgresError.self) {
                    try await session.execute(PostgresStatement(unnamed: "INSERT INTO t VALUES ($1, $2)"), [1, 2])
                }
                #expect(duplicate?.sqlState == .uniqueViolation)
                #expect(duplicate?.constraint == "t_pkey")
                #expect(duplicate?.table == "t")
                let check = await #expect(throws: PostgresError.self) {
                    try await session.execute(PostgresStatement(unnamed: "INSERT INTO t VALUES ($1, $2)"), [2, -1])
                }
                #expect(check?.sqlState == .checkViolation)
                #expect(check?.constraint == "n_positive")
                // The connection is still usable after errors.
                let count = try await session.query(PostgresStatement(unnamed: "SELECT count(*) FROM t")).single()
                #expect(try count.decode(at: 0, as: Int.self) == 1)
            }
        }
    }

    @Test func preparedStatementsAreReused() async throws {
        try await TestCluster.withPool(size: 1) { pool, _ in
            let statement = PostgresStatement("tests.decoding.add", "SELECT $1::int + $2::int AS sum")
            for value in 0..<5 {
                let sum = try await pool.withConnection { session in
                    try await session.query(statement, [value, 1]).single().decode("sum", as: Int.self)
                }
                #expect(sum == value + 1)
            }
            let prepared = try await pool.withConnection { session in
                try await session.query(
                    PostgresStatement(unnamed: "SELECT count(*) FROM pg_prepared_statements WHERE name = $1"),
                    ["tests.decoding.add"]
                ).single().decode(at: 0, as: Int.self)
            }
            #expect(prepared == 1)
        }
    }

    @Test func transactionsCommitAndRollBack() async throws {
        try await TestCluster.withPool { pool, _ in
            try await pool.withConnection { try await $0.executeScript("CREATE TABLE t (n int)") }
            try await pool.withTransaction { try await $0.execute(PostgresStatement(unnamed: "INSERT INTO t VALUES (1)")) }
            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await pool.withTransaction { session in
                    try await session.execute(PostgresStatement(unnamed: "INSERT INTO t VALUES (2)"))
                    throw Refused()
                }
            }
            let values = try await pool.withConnection { session in
                try await session.query(PostgresStatement(unnamed: "SELECT n FROM t ORDER BY n")).map { try $0.decode("n", as: Int.self) }
            }
            #expect(values == [1])
        }
    }

    @Test func statementTimeoutCancelsLongStatements() async throws {
        try await TestCluster.withPool(statementTimeout: .milliseconds(200)) { pool, _ in
            let error = await #expect(throws: PostgresError.self) {
                try await pool.withConnection { try await $0.query(PostgresStatement(unnamed: "SELECT pg_sleep(5)")) }
            }
            #expect(error?.sqlState == .queryCanceled)
        }
    }

    @Test func taskCancellationCancelsTheStatement() async throws {
        try await TestCluster.withPool(size: 1) { pool, _ in
            let task = Task {
                try await pool.withConnection { try await $0.query(PostgresStatement(unnamed: "SELECT pg_sleep(120)")) }
            }
            // Once the statement runs, cancel it: the task ends long before the statement would.
            try await PipelinedConnectionTests.waitUntil { pool.statistics.statementsInFlight > 0 }
            let cancelled = ContinuousClock.now
            task.cancel()
            let result = await task.result
            #expect(throws: (any Error).self) { try result.get() }
            #expect(ContinuousClock.now - cancelled < .seconds(30), "a 120 s statement, cancelled")
            // The single connection is usable again.
            let one = try await pool.withConnection {
                try await $0.query(PostgresStatement(unnamed: "SELECT 1")).single().decode(at: 0, as: Int.self)
            }
            #expect(one == 1)
        }
    }

    /// A cancelled statement's result can come back before its cancel request is confirmed;
    /// the pool waits for the confirmation before it lends the connection again, so the late
    /// signal never cancels the next borrower's statement. Run many times to meet the race.
    @Test func aCancelRequestNeverCancelsTheNextBorrowersStatement() async throws {
        try await TestCluster.withPool(size: 1, cancelGrace: .seconds(10)) { pool, _ in
            for round in 0..<25 {
                let task = Task {
                    try await pool.withConnection { try await $0.query(PostgresStatement(unnamed: "SELECT pg_sleep(60)")) }
                }
                try await PipelinedConnectionTests.waitUntil { pool.statistics.statementsInFlight > 0 }
                task.cancel()
                _ = await task.result
                let one = try await pool.withConnection {
                    try await $0.query(PostgresStatement(unnamed: "SELECT \(round)")).single().decode(at: 0, as: Int.self)
                }
                #expect(one == round)
            }
        }
    }
}
