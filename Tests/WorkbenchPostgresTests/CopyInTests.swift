import Testing
import WorkbenchPostgres
import WorkbenchTestSupport

@Suite("COPY FROM STDIN through libpq")
struct CopyInTests {
    static func connection(_ conninfo: String) throws -> PostgresConnection {
        try PostgresConnection(settings: PostgresConnectionSettings(conninfo: conninfo, statementTimeout: nil))
    }

    @Test("Text with tabs, newlines, backslashes, nulls and Chinese arrives as written, over several chunks")
    func roundTrip() async throws {
        let conninfo = try await TestCluster.makeDatabase()
        try await runBlocking { try Self.roundTrip(conninfo) }
    }

    static func roundTrip(_ conninfo: String) throws {
        let connection = try Self.connection(conninfo)
        defer { connection.close() }
        _ = try connection.executeScript("CREATE TABLE t (id bigint PRIMARY KEY, label text, flag boolean, at timestamptz)")
        let labels: [String?] = ["plain", "tab\there", "two\nlines", "back\\slash \\N", "回\r车", nil, "网格党支部", ""]
        // Enough rows to cross CopyTextWriter.chunkBytes more than once.
        let count = 60_000
        let stored = try connection.copyIn("COPY t (id, label, flag, at) FROM STDIN") { rows in
            for id in 0..<count {
                rows.row {
                    $0.int(Int64(id)); $0.text(labels[id % labels.count]); $0.bool(id % 2 == 0)
                    $0.literal(id == 0 ? "2026-11-21 01:00:00+00" : nil)
                }
                try rows.flushIfFull()
            }
        }
        #expect(stored == count)
        for (index, label) in labels.enumerated() {
            let row = try connection.execute(PostgresStatement(unnamed: "SELECT label, flag FROM t WHERE id = $1"), [Int64(index)]).single()
            #expect(try row.decode(at: 0, as: String?.self) == label, "row \(index)")
            #expect(try row.decode(at: 1, as: Bool.self) == (index % 2 == 0))
        }
        let first = try connection.execute(PostgresStatement(unnamed: "SELECT at = '2026-11-21 09:00:00+08' FROM t WHERE id = 0"), []).single()
        #expect(try first.decode(at: 0, as: Bool.self))
    }

    @Test("A row the server refuses fails the whole COPY, and the connection stays usable")
    func refusedRow() async throws {
        let conninfo = try await TestCluster.makeDatabase()
        try await runBlocking { try Self.refusedRow(conninfo) }
    }

    static func refusedRow(_ conninfo: String) throws {
        let connection = try Self.connection(conninfo)
        defer { connection.close() }
        _ = try connection.executeScript("CREATE TABLE t (id bigint PRIMARY KEY)")
        let error = try #require(throws: PostgresError.self) {
            try connection.copyIn("COPY t (id) FROM STDIN") { rows in
                for id in [1, 2, 2] { rows.row { $0.int(Int64(id)) } }
            }
        }
        #expect(error.sqlState == .uniqueViolation)
        #expect(try connection.execute(PostgresStatement(unnamed: "SELECT count(*) FROM t"), []).single().decode(at: 0, as: Int.self) == 0)
    }

    @Test("A producer that throws aborts the COPY; nothing it wrote stays")
    func producerFailure() async throws {
        let conninfo = try await TestCluster.makeDatabase()
        try await runBlocking { try Self.producerFailure(conninfo) }
    }

    static func producerFailure(_ conninfo: String) throws {
        struct Stop: Error {}
        let connection = try Self.connection(conninfo)
        defer { connection.close() }
        _ = try connection.executeScript("CREATE TABLE t (id bigint PRIMARY KEY)")
        #expect(throws: Stop.self) {
            try connection.copyIn("COPY t (id) FROM STDIN") { rows in
                rows.row { $0.int(Int64(1)) }
                try rows.flush()
                throw Stop()
            }
        }
        #expect(try connection.execute(PostgresStatement(unnamed: "SELECT count(*) FROM t"), []).single().decode(at: 0, as: Int.self) == 0)
        #expect(throws: PostgresError.self) { try connection.copyIn("SELECT 1") { _ in } }
    }
}
